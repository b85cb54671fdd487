package io.loaxa.scheduler.station;

import io.loaxa.scheduler.Pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@link Pause} on the real clock: sleeps to about 2 ms before the moment, then spins to it. */
public final class SystemPause implements Pause {
  private static final long SPIN_NANOS = 2_000_000;
  private final Clock clock;

  public SystemPause(Clock clock) {
    this.clock = clock;
  }

  /** Frame gaps on the wall clock, as the devices module keeps them. */
  @Override
  public io.loaxa.devices.Pause forDevices(Clock clock) {
    return io.loaxa.devices.Pause.sleeping();
  }

  @Override
  public void until(Instant moment) throws InterruptedException {
    while (true) {
      long left = Duration.between(clock.instant(), moment).toNanos();
      if (left <= 0) {
        return;
      }
      if (left > SPIN_NANOS) {
        long sleepNanos = left - SPIN_NANOS;
        Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
