package io.loaxa.bench.station;

import io.loaxa.devices.Pause;
import io.loaxa.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Station time that passes only when the run moves it, while airings go on on their own threads:
 * their relay gaps and simulated plays wait until the run has moved the clock far enough. Between
 * steps the run lets those threads settle (each blocked or done) before time moves on.
 */
final class SteppedClock implements Pause {
  final MutableClock clock;
  private final Object moved = new Object();

  SteppedClock(Instant start) {
    this.clock = new MutableClock(start);
  }

  @Override
  public void until(Instant moment, Clock ignored) throws InterruptedException {
    synchronized (moved) {
      while (clock.instant().isBefore(moment)) {
        moved.wait();
      }
    }
  }

  /** A relay gap: finishes even when interrupted, the interrupt kept for the caller. */
  @Override
  public void pause(Duration d) {
    Instant end = clock.instant().plus(d);
    boolean interrupted = false;
    while (true) {
      try {
        until(end, clock);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A simulated play's time passing: returns once the run has moved the clock by {@code d}. */
  void elapse(Duration d) {
    try {
      until(clock.instant().plus(d), clock);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void advance(Duration d) {
    synchronized (moved) {
      clock.advance(d);
      moved.notifyAll();
    }
  }

  /** Waits (briefly, on the wall clock) until every thread is blocked or finished, twice in a row. */
  static void settle(Collection<Thread> threads) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int quiet = 0;
    while (quiet < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("airing threads did not settle: "
            + threads.stream().map(t -> t.getName() + "=" + t.getState()).toList());
      }
      boolean allBlocked = threads.stream().allMatch(t -> switch (t.getState()) {
        case WAITING, TIMED_WAITING, BLOCKED, TERMINATED -> true;
        default -> false;
      });
      quiet = allBlocked ? quiet + 1 : 0;
      java.util.concurrent.locks.LockSupport.parkNanos(100_000); // lets the airing threads run between looks
    }
  }
}
