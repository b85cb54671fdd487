package io.loaxa.audio;

import java.time.Duration;

/** A source cut at a length, with a short fade-out into the cut. */
final class CappedSource extends FilterSource {
  private static final Duration FADE = Duration.ofMillis(200);

  private final long limit;
  private final long fadeFrames;
  private long read;

  CappedSource(PcmSource inner, Duration length) {
    super(inner);
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a cap must be positive: " + length);
    }
    int rate = inner.format().sampleRate();
    this.limit = length.toNanos() * rate / 1_000_000_000L;
    this.fadeFrames = Math.max(1, Math.min(limit, FADE.toNanos() * rate / 1_000_000_000L));
  }

  @Override
  public int read(float[] target, int frames) throws AudioException {
    if (read >= limit) {
      return -1;
    }
    int got = inner.read(target, (int) Math.min(frames, limit - read));
    if (got < 0) {
      return -1;
    }
    int channels = inner.format().channels();
    long fadeFrom = limit - fadeFrames;
    for (int f = 0; f < got; f++) {
      long at = read + f;
      if (at >= fadeFrom) {
        float g = (float) (limit - at) / fadeFrames;
        for (int c = 0; c < channels; c++) {
          target[f * channels + c] *= g;
        }
      }
    }
    read += got;
    return got;
  }
}
