package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place the station waits on the wall clock: gaps sleep to their end whatever interrupts
 * them; a wait for a moment sleeps to about 2 ms before it, then spins to it, and ends on an interrupt.
 */
final class SleepingPause implements Pause {
  static final SleepingPause INSTANCE = new SleepingPause();

  private static final long SPIN_NANOS = 2_000_000;

  private SleepingPause() {}

  @Override
  public void until(Instant moment, Clock clock) throws InterruptedException {
    while (true) {
      long left = Duration.between(clock.instant(), moment).toNanos();
      if (left <= 0) {
        return;
      }
      if (left > SPIN_NANOS) {
        long sleepNanos = left - SPIN_NANOS;
        Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
      } else {
        if (Thread.interrupted()) {
          throw new InterruptedException("stopped while waiting for " + moment);
        }
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public void pause(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    long end = System.nanoTime() + duration.toNanos();
    boolean interrupted = false;
    try {
      long left;
      while ((left = end - System.nanoTime()) > 0) {
        try {
          Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
          // an all-off in a finally block must still keep its frame gaps; the interrupt goes back to the caller
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
