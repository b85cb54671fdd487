package io.loaxa.devices;

import java.time.Duration;

/** The one place devices waits on the wall clock. */
final class SleepingPause implements Pause {
  static final SleepingPause INSTANCE = new SleepingPause();

  private SleepingPause() {}

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
