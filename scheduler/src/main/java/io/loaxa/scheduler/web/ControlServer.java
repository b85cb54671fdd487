package io.loaxa.scheduler.web;

import io.loaxa.scheduler.AirRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.schedules.PlannedAiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon's control API on 127.0.0.1 (an ephemeral port, written to the control file). */
public final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
  static final String TOKEN_HEADER = "X-Loaxa-Token";
  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService workers;
  private final Path dataDir;
  private final long pid;
  private boolean closed;

  private ControlServer(HttpServer server, ExecutorService workers, Path dataDir, long pid) {
    this.server = server;
    this.workers = workers;
    this.dataDir = dataDir;
    this.pid = pid;
  }

  /**
   * Starts the API on an ephemeral loopback port and writes the control file into {@code dataDir}.
   *
   * @param name the station's name, as the status shows it
   * @param timeZone the station's time zone, for the repeats' description
   */
  public static ControlServer start(String name, java.time.ZoneId timeZone, Path dataDir, ManualAiring manual,
      AiringRunner runner, ZoneControl zones, Switchboard switchboard, Daemon daemon) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "control-api");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/api/air/cancel", exchange -> handle(exchange, token, "POST", () -> cancel(manual, body(exchange))));
    server.createContext("/api/air", exchange -> handle(exchange, token, "POST", () -> air(manual, runner, timeZone, daemon, body(exchange))));
    server.createContext("/api/status", exchange -> handle(exchange, token, "GET", () -> status(name, switchboard, daemon)));
    server.createContext("/api/zones/status", exchange -> handle(exchange, token, "GET", zones::status));
    server.createContext("/api/zones", exchange -> handle(exchange, token, "POST", () -> zones.act(body(exchange))));
    server.start();
    long pid = ProcessHandle.current().pid();
    new ControlFile(pid, server.getAddress().getPort(), token).write(dataDir);
    LOG.info("control API on 127.0.0.1:{}", server.getAddress().getPort());
    return new ControlServer(server, workers, dataDir, pid);
  }

  private interface Action {
    String run() throws Exception;
  }

  private static void handle(HttpExchange exchange, String token, String method, Action action) throws IOException {
    try (exchange) {
      String given = Optional.ofNullable(exchange.getRequestHeaders().getFirst(TOKEN_HEADER)).orElse("");
      if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        reply(exchange, 403, "forbidden: missing or wrong control token");
        return;
      }
      if (!exchange.getRequestMethod().equals(method)) {
        reply(exchange, 405, "use " + method);
        return;
      }
      try {
        reply(exchange, 200, action.run());
      } catch (UserError e) {
        reply(exchange, 400, e.getMessage());
      } catch (Exception e) {
        LOG.error("control API request {} failed", exchange.getRequestURI(), e);
        reply(exchange, 500, "internal error: " + e);
      }
    }
  }

  private static Map<String, String> body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new UserError("request too large");
    }
    Map<String, String> form = new HashMap<>();
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(k, v);
    }
    return form;
  }

  private static String air(ManualAiring manual, AiringRunner runner, java.time.ZoneId timeZone, Daemon daemon,
      Map<String, String> form) throws InterruptedException {
    AirRequest request = new AirRequest(
        Optional.ofNullable(form.get("file")), Optional.ofNullable(form.get("programme")),
        form.getOrDefault("zones", "all"), form.getOrDefault("priority", "normal"), Optional.ofNullable(form.get("at")),
        Optional.ofNullable(form.get("rebroadcast")), Optional.ofNullable(form.get("length")),
        Optional.ofNullable(form.get("text")), Optional.ofNullable(form.get("every")),
        Optional.ofNullable(form.get("count")), Optional.ofNullable(form.get("until")));
    ManualAiring.Series series = manual.planSeries(request);
    if (series.airings().size() > 1) {
      daemon.refresh(); // the repeats go to the triggers now, not at the next tick
    }
    PlannedAiring airing = series.airings().get(0);
    Optional<Outcome> outcome = runner.runWhenDue(airing.key(), Trigger.MANUAL);
    String repeats = series.describe(timeZone);
    return (repeats.isEmpty() ? "" : repeats + "\n") + airing.key() + " " + outcome.map(Outcome::name).orElse("NOT_AIRED");
  }

  private static String cancel(ManualAiring manual, Map<String, String> form) {
    String rule = Optional.ofNullable(form.get("rule")).map(String::strip).orElse("");
    return manual.cancel(rule);
  }

  private static String status(String name, Switchboard switchboard, Daemon daemon) {
    StringBuilder out = new StringBuilder();
    out.append("station: ").append(name).append('\n');
    switchboard.status().forEach((zone, state) ->
        out.append("zone ").append(zone).append(": ").append(state.map(on -> on ? "on" : "off").orElse("unknown")).append('\n'));
    for (PlannedAiring a : daemon.upcoming(10)) {
      out.append("next ").append(a.startsAt()).append(' ').append(a.programme()).append(' ').append(a.zones()).append('\n');
    }
    return out.toString();
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ControlFile.remove(dataDir, pid);
    server.stop(0);
    workers.shutdownNow();
  }
}
