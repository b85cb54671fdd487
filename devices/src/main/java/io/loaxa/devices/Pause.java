package io.loaxa.devices;

import java.time.Duration;

/**
 * Waiting between frames and between retries: the gap a cheap board needs, a staggered switch-on.
 * Tests pass one that moves a mutable clock instead of sleeping.
 */
@FunctionalInterface
public interface Pause {
  /** Waits this long; returns early never. An interrupt is kept for the caller, not acted on mid-gap. */
  void pause(Duration duration);

  /** Pauses on the wall clock. A relay gap is short and must complete even when the caller is being stopped. */
  static Pause sleeping() {
    return SleepingPause.INSTANCE;
  }
}
