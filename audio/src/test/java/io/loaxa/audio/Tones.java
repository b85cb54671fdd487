package io.loaxa.audio;

import java.time.Duration;

/** Test signals. */
public final class Tones {
  private Tones() {}

  /** A sine of {@code peak} amplitude on every channel. */
  public static PcmClip sine(PcmFormat format, double hz, double peak, Duration length) {
    int frames = (int) (length.toNanos() * format.sampleRate() / 1_000_000_000L);
    float[] s = new float[frames * format.channels()];
    for (int f = 0; f < frames; f++) {
      float v = (float) (peak * Math.sin(2 * Math.PI * hz * f / format.sampleRate()));
      for (int c = 0; c < format.channels(); c++) {
        s[f * format.channels() + c] = v;
      }
    }
    return new PcmClip(format, s);
  }

  /** Amplitude of the {@code hz} component of channel 0 over frames [from, to) (Goertzel). */
  public static double amplitudeAt(PcmClip clip, double hz, int from, int to) {
    double w = 2 * Math.PI * hz / clip.format().sampleRate();
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = clip.sample(i, 0) + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2 * Math.sqrt(Math.max(0, power)) / (to - from);
  }
}
