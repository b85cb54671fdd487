package io.loaxa.hub.push;

import io.loaxa.hub.Command;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.HubStoreException;
import io.loaxa.hub.Outbound;
import io.loaxa.hub.StationKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands queued commands to the broker, in each station's sequence order, when woken after a push
 * and every few seconds (the broker or the database was away). A command is marked {@code sent}
 * only once the broker acknowledged it.
 */
public final class Dispatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);
  private final HubStore store;
  private final Outbound out;
  private final Clock clock;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "hub-dispatch");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean failing;

  public Dispatch(HubStore store, Outbound out, Clock clock) {
    this.store = store;
    this.out = out;
    this.clock = clock;
  }

  public Dispatch start() {
    thread.scheduleWithFixedDelay(this::sendQueued, 5, 5, TimeUnit.SECONDS);
    return this;
  }

  public void wake() {
    thread.execute(this::sendQueued);
  }

  /**
   * One pass over the queued commands; returns how many went out. The commands go in waves: each
   * wave holds at most one command per station (its lowest queued seq) and is published all at once,
   * so a push to every station is in flight together instead of one station after another; a
   * station's next command waits for the wave that carries its previous one to be acknowledged.
   * Passes never overlap.
   */
  synchronized int sendQueued() {
    int sent = 0;
    try {
      while (true) {
        List<Command> queued = store.unsent(200);
        if (queued.isEmpty()) {
          break;
        }
        boolean away = false;
        List<Command> left = queued;
        while (!left.isEmpty() && !away) {
          List<Command> wave = new ArrayList<>();
          List<Command> later = new ArrayList<>();
          Set<StationKey> inWave = new HashSet<>();
          for (Command c : left) {
            (inWave.add(c.station()) ? wave : later).add(c);
          }
          List<Boolean> taken = out.sendAll(wave.stream()
              .map(c -> new Outbound.Envelope(c.station(), c.envelope().getBytes(StandardCharsets.UTF_8))).toList());
          List<String> done = new ArrayList<>();
          Set<StationKey> stuck = new HashSet<>();
          for (int i = 0; i < wave.size(); i++) {
            if (taken.get(i)) {
              done.add(wave.get(i).id());
            } else {
              stuck.add(wave.get(i).station());
              away = true;
            }
          }
          if (!done.isEmpty()) {
            store.markSent(done, clock.instant());
          }
          sent += done.size();
          // a station whose command did not go gets none of its later ones out of order
          left = later.stream().filter(c -> !stuck.contains(c.station())).toList();
        }
        if (away) {
          break; // the broker is away: the rest waits for the next pass
        }
      }
      if (failing) {
        failing = false;
        LOG.info("commands go out again");
      }
    } catch (HubStoreException | RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warn("cannot send queued commands: {}", e.getMessage());
      }
    }
    return sent;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
