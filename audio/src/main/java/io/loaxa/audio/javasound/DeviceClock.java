package io.loaxa.audio.javasound;

/**
 * Maps frames written to an output line onto the instants they are heard, and notices when the
 * line went quiet for a while (an underrun). The line reports how many frames it has played; that
 * count lags in steps (the device moves in periods) and stands still while a line restarts, so
 * each observation gives a lower bound of the line's offset (frames played minus elapsed time) and
 * the highest of the last second is taken.
 *
 * <p>A gap in the sound shifts the offset for good: every later frame is heard that much later.
 * Positions that arrive late (a sound server kept off the processor for a while) lower single
 * observations but not the best of a second that also holds good ones, so they are not mistaken
 * for a gap. A gap is counted once the best of the last second, every observation in it taken
 * after the fall began, sits more than {@link #GAP_MILLIS} below the steady offset; a gap in the
 * last second or two a line plays can go uncounted.
 *
 * <p>Times are nanoseconds on one time line. Not thread-safe; allocates nothing after
 * construction.
 */
final class DeviceClock {
  static final long WINDOW_NANOS = 1_000_000_000L;
  /** A fall of the offset by more than this is a gap heard, not the jitter of the line's steps. */
  static final long GAP_MILLIS = 15;
  /** How fast the steady offset may follow a slow fall: a sound card's crystal drifts far less. */
  private static final double DRIFT_PER_SECOND = 0.0005;
  private static final long MATURE_NANOS = WINDOW_NANOS / 2;
  private static final int MATURE_COUNT = 10;
  private static final int CAPACITY = 2048;

  private final int rate;
  private final double gapFrames;
  private final long[] times = new long[CAPACITY];
  private final double[] offsets = new double[CAPACITY];
  private int oldest;
  private int count;
  private boolean based;
  private long base;
  private double offset = Double.NaN;
  private double steady = Double.NaN;
  private long steadyAt;
  private long fallingSince = -1;
  private long gaps;
  private double lostFrames;

  DeviceClock(int rate) {
    this.rate = rate;
    this.gapFrames = GAP_MILLIS * rate / 1000.0;
  }

  /** The line had played {@code framePosition} frames at {@code nanos} (or later). */
  void observe(long nanos, long framePosition) {
    if (!based) {
      base = nanos;
      based = true;
    }
    double observed = framePosition - seconds(nanos) * rate;
    if (count == CAPACITY) {
      oldest = (oldest + 1) % CAPACITY;
      count--;
    }
    int at = (oldest + count) % CAPACITY;
    times[at] = nanos;
    offsets[at] = observed;
    count++;
    while (count > 1 && times[oldest] < nanos - WINDOW_NANOS) {
      oldest = (oldest + 1) % CAPACITY;
      count--;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      best = Math.max(best, offsets[(oldest + i) % CAPACITY]);
    }
    offset = best;
    judge(nanos);
  }

  private void judge(long nanos) {
    if (Double.isNaN(steady)) {
      steady = offset;
      steadyAt = nanos;
      return;
    }
    // the steady offset may fall as slowly as a sound card's crystal drifts, no faster
    double reference = steady - DRIFT_PER_SECOND * rate * (nanos - steadyAt) / 1e9;
    if (offset >= reference) {
      steady = offset;
      steadyAt = nanos;
      fallingSince = -1;
      return;
    }
    boolean mature = count >= MATURE_COUNT && nanos - times[oldest] >= MATURE_NANOS;
    if (!mature || reference - offset <= gapFrames) {
      return;
    }
    // the best of the window fell: once every observation in it is from after the fall began, the
    // fall is a gap heard, and its size is known
    if (fallingSince < 0) {
      fallingSince = nanos;
    } else if (times[oldest] >= fallingSince) {
      gaps++;
      lostFrames += reference - offset;
      steady = offset;
      steadyAt = nanos;
      fallingSince = -1;
    }
  }

  /** Forgets what was seen, as when a line was idle and restarts; gaps counted so far stay. */
  void reset() {
    count = 0;
    oldest = 0;
    offset = Double.NaN;
    steady = Double.NaN;
    fallingSince = -1;
  }

  boolean ready() {
    return !Double.isNaN(offset);
  }

  /** Gaps heard since this clock was made: times the line fell silent and resumed later. */
  long gaps() {
    return gaps;
  }

  /** How long the gaps lasted together, in seconds. */
  double lostSeconds() {
    return lostFrames / rate;
  }

  /** The written-frame index the line will play at {@code nanos}. */
  long frameAt(long nanos) {
    return Math.round(offset + seconds(nanos) * rate);
  }

  /** When the written-frame index {@code frame} will be (or was) heard, in nanoseconds. */
  long heardAt(long frame) {
    return base + Math.round((frame - offset) / rate * 1e9);
  }

  private double seconds(long nanos) {
    return (nanos - base) / 1e9;
  }
}
