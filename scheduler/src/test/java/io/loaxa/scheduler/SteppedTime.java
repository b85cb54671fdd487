package io.loaxa.scheduler;

import io.loaxa.devices.Pause;

import io.loaxa.testkit.MutableClock;

import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * Station time that passes only when the test moves it, while airings run on their own threads:
 * their pauses and simulated plays block until the test has moved the clock far enough. Between
 * steps the test lets the airing threads settle (each one blocked or done) before time moves on.
 */
public final class SteppedTime implements Pause {
  public final MutableClock clock;
  private final Object moved = new Object();

  public SteppedTime(Instant start) {
    this.clock = new MutableClock(start);
  }

  /** Blocks until the test has moved the clock to {@code moment}. */
  public void until(Instant moment) throws InterruptedException {
    until(moment, clock);
  }

  @Override
  public void until(Instant moment, Clock ignored) throws InterruptedException {
    synchronized (moved) {
      while (clock.instant().isBefore(moment)) {
        moved.wait();
      }
    }
  }

  /** For a simulated sound output: its play time passes as the test moves the clock. */
  public void elapse(Duration d) {
    Instant end = clock.instant().plus(d);
    try {
      until(end);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A relay gap: waits until the test has moved the clock past it, finishing the gap even when interrupted. */
  @Override
  public void pause(Duration d) {
    Instant end = clock.instant().plus(d);
    boolean interrupted = false;
    while (true) {
      try {
        until(end);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  public void advance(Duration d) {
    synchronized (moved) {
      clock.advance(d);
      moved.notifyAll();
    }
  }

  /**
   * Moves the clock in {@code step}s, letting {@code threads} settle before each, until {@code done}.
   * Fails when {@code limit} of station time passes first.
   */
  public void runUntil(BooleanSupplier done, Duration step, Duration limit, Collection<Thread> threads) {
    Instant end = clock.instant().plus(limit);
    while (true) {
      settle(threads);
      if (done.getAsBoolean()) {
        return;
      }
      if (clock.instant().isAfter(end)) {
        fail("not done after " + limit + " of station time");
      }
      advance(step);
    }
  }

  /** Waits (real time, briefly) until every thread is blocked or finished, twice in a row. */
  public static void settle(Collection<Thread> threads) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int quiet = 0;
    while (quiet < 2) {
      if (System.nanoTime() > deadline) {
        fail("airing threads did not settle: " + threads.stream().map(t -> t.getName() + "=" + t.getState()).toList());
      }
      boolean allBlocked = threads.stream().allMatch(t -> switch (t.getState()) {
        case WAITING, TIMED_WAITING, BLOCKED, TERMINATED -> true;
        default -> false;
      });
      quiet = allBlocked ? quiet + 1 : 0;
      java.util.concurrent.locks.LockSupport.parkNanos(200_000); // lets the airing threads run between looks
    }
  }
}
