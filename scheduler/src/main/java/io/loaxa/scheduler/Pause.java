package io.loaxa.scheduler;

import java.time.Instant;

/** Waits for a moment on the station clock: the amplifier's warm-up, the planned first sample. */
public interface Pause {
  /** Returns at {@code moment} or at once when it has passed. */
  void until(Instant moment) throws InterruptedException;

  /**
   * The same waiting as the devices module takes it (frame gaps, retries, stagger): on this pause's
   * clock, finishing a gap even when interrupted so an all-off in a {@code finally} keeps its timing.
   */
  default io.loaxa.devices.Pause forDevices(java.time.Clock clock) {
    return duration -> {
      Instant end = clock.instant().plus(duration);
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
    };
  }
}
