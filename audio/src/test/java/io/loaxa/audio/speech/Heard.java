package io.loaxa.audio.speech;

import io.loaxa.audio.PcmClip;

/** Measurements of synthesised speech the tests assert on (mono or the first channel). */
public final class Heard {
  private Heard() {}

  public static double peak(PcmClip clip) {
    double peak = 0;
    for (int f = 0; f < clip.frames(); f++) {
      peak = Math.max(peak, Math.abs(clip.sample(f, 0)));
    }
    return peak;
  }

  public static double seconds(PcmClip clip) {
    return clip.frames() / (double) clip.format().sampleRate();
  }

  /** Share of 50 ms windows whose RMS is above -40 dBFS: how much of the clip is voice. */
  public static double voicedShare(PcmClip clip) {
    int window = clip.format().sampleRate() / 20;
    int windows = 0;
    int voiced = 0;
    for (int start = 0; start + window <= clip.frames(); start += window) {
      double sum = 0;
      for (int f = start; f < start + window; f++) {
        double v = clip.sample(f, 0);
        sum += v * v;
      }
      windows++;
      if (Math.sqrt(sum / window) > 0.01) {
        voiced++;
      }
    }
    return windows == 0 ? 0 : voiced / (double) windows;
  }

  /** Silent stretches (every sample below -50 dBFS) at least {@code minSeconds} long. */
  public static int silences(PcmClip clip, double minSeconds) {
    int need = (int) (minSeconds * clip.format().sampleRate());
    int run = 0;
    int count = 0;
    for (int f = 0; f < clip.frames(); f++) {
      if (Math.abs(clip.sample(f, 0)) < 0.003) {
        run++;
        if (run == need) {
          count++;
        }
      } else {
        run = 0;
      }
    }
    return count;
  }
}
