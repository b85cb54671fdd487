package io.loaxa.scheduler;

import io.loaxa.devices.Pause;

import io.loaxa.testkit.MutableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A {@link Pause} that moves a {@link MutableClock} to the moment instead of waiting for it. */
public final class ClockPause implements Pause {
  private final MutableClock clock;

  public ClockPause(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void pause(Duration duration) {
    if (duration.compareTo(Duration.ZERO) > 0) {
      clock.advance(duration);
    }
  }

  @Override
  public void until(Instant moment, Clock ignored) {
    if (moment.isAfter(clock.instant())) {
      clock.set(moment);
    }
  }
}
