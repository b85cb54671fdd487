package io.loaxa.scheduler;

import java.time.Instant;

/** A {@link Pause} that moves a {@link MutableClock} to the moment instead of waiting for it. */
public final class ClockPause implements Pause {
  private final MutableClock clock;

  public ClockPause(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void until(Instant moment) {
    if (moment.isAfter(clock.instant())) {
      clock.set(moment);
    }
  }
}
