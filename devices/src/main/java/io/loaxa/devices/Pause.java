package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The station's one way to wait: the gap a cheap board needs between frames, a retry, a staggered
 * switch-on ({@link #pause}), and a moment on the station clock such as the end of the amplifier's
 * warm-up or the planned first sample ({@link #until}). Tests pass one that moves a mutable clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Pause {
  /** Waits this long; returns early never. An interrupt is kept for the caller, not acted on mid-gap. */
  void pause(Duration duration);

  /**
   * Returns at {@code moment} on {@code clock}, or at once when it has passed. On the wall clock an
   * interrupt ends the wait. This default pauses for the time left, which is what a pause that moves
   * a test clock needs.
   */
  default void until(Instant moment, Clock clock) throws InterruptedException {
    Duration left = Duration.between(clock.instant(), moment);
    if (left.compareTo(Duration.ZERO) > 0) {
      pause(left);
    }
  }

  /** Waits on the wall clock. A relay gap is short and must complete even when the caller is being stopped. */
  static Pause sleeping() {
    return SleepingPause.INSTANCE;
  }
}
