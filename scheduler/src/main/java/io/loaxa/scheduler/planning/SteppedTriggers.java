package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.AiringTriggers;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.schedules.PlannedAiringKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Airing triggers fired when the caller says time has come, not by Quartz's own thread: for
 * simulated weeks (the soak test, {@code loaxa bench}) whose clock moves in steps. As Quartz does,
 * each due airing runs on a thread of its own, and a stop waits for the airings still running.
 */
public final class SteppedTriggers implements AiringTriggers {
  private static final Duration JOIN = Duration.ofSeconds(30);

  private final Clock clock;
  private final Map<PlannedAiringKey, Instant> pending = new ConcurrentHashMap<>();
  private final Map<PlannedAiringKey, Trigger> kinds = new ConcurrentHashMap<>();
  private final List<Thread> threads;
  private volatile AiringRunner runner;
  private volatile boolean held;

  /** Airings run on threads kept in {@code threads}, which the caller may share with its own. */
  public SteppedTriggers(Clock clock, List<Thread> threads) {
    this.clock = clock;
    this.threads = threads;
  }

  public SteppedTriggers(Clock clock) {
    this(clock, new CopyOnWriteArrayList<>());
  }

  /** Due airings from now on go to {@code runner} (a station started again); what was planned is dropped. */
  public void runWith(AiringRunner runner) {
    this.runner = runner;
    pending.clear();
    kinds.clear();
  }

  /** Starts, each on its own thread, every planned airing whose time is not after the clock's now. */
  public void fireDue() {
    if (held) {
      return;
    }
    Instant now = clock.instant();
    for (Map.Entry<PlannedAiringKey, Instant> e : List.copyOf(pending.entrySet())) {
      if (!e.getValue().isAfter(now) && pending.remove(e.getKey(), e.getValue())) {
        AiringRunner to = runner;
        Trigger kind = kinds.getOrDefault(e.getKey(), Trigger.SCHEDULED);
        Thread t = new Thread(() -> {
          try {
            to.run(e.getKey(), clock.instant(), kind);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        }, "airing-" + e.getKey());
        threads.add(t);
        t.start();
      }
    }
  }

  /** The airings' threads still alive. */
  public List<Thread> running() {
    threads.removeIf(t -> !t.isAlive());
    return List.copyOf(threads);
  }

  /** When the next planned airing fires, if any is planned. */
  public Optional<Instant> next() {
    return pending.values().stream().min(Instant::compareTo);
  }

  @Override
  public void start(Runnable refresh, Duration refreshEvery) {}

  @Override
  public void plan(PlannedAiringKey key, Instant fireAt, Trigger trigger) {
    pending.putIfAbsent(key, fireAt);
    kinds.putIfAbsent(key, trigger);
  }

  @Override
  public void cancel(PlannedAiringKey key) {
    pending.remove(key);
    kinds.remove(key);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void hold() {
    held = true;
  }

  @Override
  public void release() {
    held = false;
  }

  @Override
  public Set<String> pending() {
    Set<String> keys = new TreeSet<>();
    pending.keySet().forEach(k -> keys.add(k.value()));
    return keys;
  }

  /** Drops what is planned and waits, as Quartz does, for the airings still running (their time moves on its own). */
  @Override
  public void stop(Duration grace) {
    pending.clear();
    for (Thread t : threads) {
      try {
        t.join(JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
