package io.loaxa.scheduler;

import java.time.Instant;

/** Waits for a moment on the station clock: the amplifier's warm-up, the planned first sample. */
public interface Pause {
  /** Returns at {@code moment} or at once when it has passed. */
  void until(Instant moment) throws InterruptedException;
}
