package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.loaxa.audio.OutputLevel;
import io.loaxa.audio.OutputMeter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events}: the "on air now" page's live feed as server-sent events. Three kinds:
 * <ul>
 *   <li>{@code status} (see {@link OnAirSnapshot}) when a page connects and then only when
 *       something on it changed, and every second while something airs (its elapsed time);
 *   <li>{@code level}, the sound card output's peak and RMS in dBFS, at most five times a second
 *       and only while something airs;
 *   <li>{@code beat}, the station's time, when nothing else was sent for {@link #HEARTBEAT}, so a
 *       page that hears nothing for a while knows it has lost the daemon.
 * </ul>
 * Any logged-in account may listen; the stream closes when its session ends (logout, expiry,
 * account removed). The station is read only while someone listens, once per round for every
 * listener, and each event is framed once and the same bytes written to every page.
 */
public final class EventRoutes implements RouteGroup, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);
  /** How often the level goes out while something airs. */
  static final Duration LEVEL_EVERY = Duration.ofMillis(200);
  /** How often the station is read while a page listens: a change shows within this, well under a second. */
  static final Duration ROUND = Duration.ofMillis(400);
  /** How often the status goes out while something airs, changed or not. */
  static final Duration ON_AIR_EVERY = Duration.ofSeconds(1);
  /** Longest quiet on a stream: then a beat. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final int TICKS_PER_ROUND = (int) (ROUND.toMillis() / LEVEL_EVERY.toMillis());

  private record Listener(SseClient client, ApiServer.Principal who) {}

  private final OnAirSnapshot snapshot;
  private final OutputMeter meter;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "web-events");
    t.setDaemon(true);
    return t;
  });
  private Routes routes;
  private ScheduledFuture<?> running;
  // the fields below belong to the web-events thread
  private String lastKey;
  private byte[] lastStatus;
  private boolean onAir;
  private long lastSentAt;
  private long lastStatusAt;
  private long ticks;
  private volatile boolean troubleLogged;

  EventRoutes(OnAirSnapshot.Parts parts) {
    this.snapshot = new OnAirSnapshot(parts);
    this.meter = parts.meter();
  }

  /** The feed for a running station. */
  public static EventRoutes of(OnAirSnapshot.Parts parts) {
    return new EventRoutes(parts);
  }

  @Override
  public void register(Routes routes) {
    this.routes = routes;
    routes.open("get", "/api/events", this::events);
  }

  private void events(Context ctx) throws Exception {
    Optional<ApiServer.Principal> who = routes.who(ctx);
    if (who.isEmpty()) {
      JavalinApi.error(ctx, 401, "cần đăng nhập (login required)", null);
      return;
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    new SseHandler(client -> {
      Listener l = new Listener(client, who.get());
      client.onClose(() -> listeners.remove(l));
      client.keepAlive();
      rounds.execute(() -> joined(l));
    }).handle(ctx);
  }

  /** A new page: the status as last sent (or read now), then it hears what the others hear. */
  private void joined(Listener l) {
    try {
      if (lastStatus == null || listeners.isEmpty()) {
        lastStatus = null;
        lastKey = null;
        readStation();
      }
      listeners.add(l);
      write(l, lastStatus);
      started();
    } catch (RuntimeException e) {
      trouble(e);
      l.client().close();
    }
  }

  private synchronized void started() {
    if (running == null || running.isDone()) {
      ticks = 0;
      running = rounds.scheduleWithFixedDelay(this::tick, LEVEL_EVERY.toMillis(), LEVEL_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** One tick: every round the sessions and the station, every tick the level while on air, a beat when quiet. */
  private void tick() {
    try {
      if (++ticks % TICKS_PER_ROUND == 0) {
        for (Listener l : listeners) {
          if (!routes.stillOpen(l.who())) {
            listeners.remove(l);
            l.client().close();
          }
        }
        if (listeners.isEmpty()) {
          stopIdle();
          return;
        }
        byte[] status = readStation();
        if (status != null) {
          broadcast(status);
        }
      }
      if (onAir) {
        meter.level().ifPresent(level -> broadcast(frame("level", levelJson(level))));
      }
      if (System.nanoTime() - lastSentAt >= HEARTBEAT.toNanos()) {
        broadcast(frame("beat", "{\"at\":\"" + snapshot.now() + "\"}"));
      }
      if (troubleLogged) {
        troubleLogged = false;
        LOG.info("the pages' live status can be read again");
      }
    } catch (RuntimeException e) {
      trouble(e);
    }
  }

  /**
   * Reads the station once; keeps it as the status to send.
   *
   * @return the framed status when it differs from the last one in anything but its time, else null
   */
  private byte[] readStation() {
    ObjectNode now = snapshot.read();
    JsonNode at = now.remove("at");
    JsonNode air = now.get("onAir");
    onAir = air instanceof ObjectNode;
    JsonNode elapsed = null;
    JsonNode remaining = null;
    if (air instanceof ObjectNode o) {
      elapsed = o.remove("elapsedSeconds");
      remaining = o.remove("remainingSeconds");
    }
    String key = now.toString();
    long nanos = System.nanoTime();
    // while something airs the elapsed time moves: pages that do not count it themselves (the
    // emergency page) get it every second, and only then
    boolean due = onAir && nanos - lastStatusAt >= ON_AIR_EVERY.toNanos() - ROUND.toNanos() / 2;
    if (key.equals(lastKey) && !due) {
      return null;
    }
    lastKey = key;
    lastStatusAt = nanos;
    now.set("at", at);
    if (air instanceof ObjectNode o) {
      if (elapsed != null) {
        o.set("elapsedSeconds", elapsed);
      }
      if (remaining != null) {
        o.set("remainingSeconds", remaining);
      }
    }
    lastStatus = frame("status", now.toString());
    return lastStatus;
  }

  static String levelJson(OutputLevel level) {
    return String.format(Locale.ROOT, "{\"peak\":%.1f,\"rms\":%.1f}", level.peakDbfs(), level.rmsDbfs());
  }

  /** One server-sent event as it goes on the wire; {@code json} is one line. */
  private static byte[] frame(String event, String json) {
    return ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private void broadcast(byte[] event) {
    lastSentAt = System.nanoTime();
    for (Listener l : listeners) {
      write(l, event);
    }
  }

  /** The same bytes to every page: written straight to its response, as the SSE emitter would. */
  private void write(Listener l, byte[] event) {
    if (l.client().terminated()) {
      listeners.remove(l);
      return;
    }
    try {
      OutputStream out = l.client().ctx().res().getOutputStream();
      out.write(event);
      l.client().ctx().res().flushBuffer();
    } catch (IOException | RuntimeException e) {
      listeners.remove(l);
      l.client().close();
    }
  }

  private void trouble(RuntimeException e) {
    if (!troubleLogged) {
      troubleLogged = true;
      LOG.error("the pages' live status cannot be read: {}", e.getMessage(), e);
    }
  }

  private synchronized void stopIdle() {
    if (listeners.isEmpty() && running != null) {
      running.cancel(false);
      running = null;
      lastStatus = null;
      lastKey = null;
      onAir = false;
    }
  }

  /** How many pages listen now. */
  int listening() {
    return listeners.size();
  }

  /** Closes every stream and stops reading the station. Idempotent. */
  @Override
  public void close() {
    rounds.shutdownNow();
    for (Listener l : listeners) {
      l.client().close();
    }
    listeners.clear();
  }
}
