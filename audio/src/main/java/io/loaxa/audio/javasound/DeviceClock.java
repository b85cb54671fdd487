package io.loaxa.audio.javasound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Maps frames written to an output line onto the instants they are heard. The line reports how
 * many frames it has played; that count lags in steps (the device moves in periods) and stands
 * still while a line restarts, so each observation gives a lower bound of the line's offset and
 * the highest of the last second is taken.
 */
final class DeviceClock {
  private static final Duration WINDOW = Duration.ofSeconds(1);
  private final int rate;
  private final Deque<double[]> observations = new ArrayDeque<>();
  private Instant base;
  private double offsetFrames = Double.NaN;

  DeviceClock(int rate) {
    this.rate = rate;
  }

  /**
   * The line had played {@code framePosition} frames at {@code now}.
   *
   * @return how many frames the line is behind what the last second of observations foretold (0
   *     or a little while it runs steadily; a lot when it ran dry and paused)
   */
  double observe(Instant now, long framePosition) {
    if (base == null) {
      base = now;
    }
    double seconds = seconds(now);
    double offset = framePosition - seconds * rate;
    double behind = Double.isNaN(offsetFrames) ? 0 : offsetFrames - offset;
    observations.addLast(new double[] {seconds, offset});
    double oldest = seconds - WINDOW.toNanos() / 1e9;
    while (observations.peekFirst()[0] < oldest) {
      observations.pollFirst();
    }
    double best = Double.NEGATIVE_INFINITY;
    for (double[] o : observations) {
      best = Math.max(best, o[1]);
    }
    offsetFrames = best;
    return behind;
  }

  /** Forgets what was seen, as when a line was idle and restarts. */
  void reset() {
    observations.clear();
    offsetFrames = Double.NaN;
  }

  boolean ready() {
    return !Double.isNaN(offsetFrames);
  }

  /** The written-frame index the line will play at {@code instant}. */
  long frameAt(Instant instant) {
    return Math.round(offsetFrames + seconds(instant) * rate);
  }

  /** When the written-frame index {@code frame} will be (or was) heard. */
  Instant heardAt(long frame) {
    double seconds = (frame - offsetFrames) / rate;
    return base.plusNanos(Math.round(seconds * 1e9));
  }

  private double seconds(Instant t) {
    return Duration.between(base, t).toNanos() / 1e9;
  }
}
