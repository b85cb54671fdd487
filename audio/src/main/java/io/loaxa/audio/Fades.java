package io.loaxa.audio;

import java.time.Duration;

/**
 * Fade-ins and fade-outs on the raised-cosine curve {@link #gain}: no click at either end and
 * half level at the midpoint.
 */
public final class Fades {
  private Fades() {}

  /** The fade-in gain at {@code progress} in [0, 1]: 0 at the start, 0.5 halfway, 1 at the end. */
  public static double gain(double progress) {
    double p = Math.max(0, Math.min(1, progress));
    return 0.5 - 0.5 * Math.cos(Math.PI * p);
  }

  public static PcmClip in(PcmClip clip, Duration length) {
    return shape(clip, length, true);
  }

  public static PcmClip out(PcmClip clip, Duration length) {
    return shape(clip, length, false);
  }

  /** Fades {@code frames} interleaved frames of {@code samples} out in place, from full level to silence. */
  public static void fadeOutInPlace(float[] samples, int frames, int channels) {
    for (int f = 0; f < frames; f++) {
      float g = (float) gain(1 - (f + 1) / (double) frames);
      for (int c = 0; c < channels; c++) {
        samples[f * channels + c] *= g;
      }
    }
  }

  private static PcmClip shape(PcmClip clip, Duration length, boolean fadeIn) {
    int channels = clip.format().channels();
    int n = (int) Math.min(clip.frames(), length.toNanos() * clip.format().sampleRate() / 1_000_000_000L);
    if (n <= 0) {
      return clip;
    }
    float[] s = clip.samples();
    int total = clip.frames();
    for (int i = 0; i < n; i++) {
      int frame = fadeIn ? i : total - n + i;
      float g = (float) gain(fadeIn ? i / (double) n : 1 - (i + 1) / (double) n);
      for (int c = 0; c < channels; c++) {
        s[frame * channels + c] *= g;
      }
    }
    return new PcmClip(clip.format(), s);
  }
}
