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

  /**
   * Something with the shape of speech: voiced syllables (a 110–230 Hz buzz with falling
   * harmonics, up to 4 kHz) of uneven strength, short gaps between them and longer pauses between
   * sentences in digital silence, as espeak-ng writes them, with the odd loud syllable whose peaks
   * stand well above the rest. The same for the same seed.
   */
  public static PcmClip speechLike(PcmFormat format, Duration length, long seed) {
    java.util.Random random = new java.util.Random(seed);
    int rate = format.sampleRate();
    int frames = (int) (length.toNanos() * rate / 1_000_000_000L);
    float[] s = new float[frames * format.channels()];
    int at = 0;
    while (at < frames) {
      int syllable = (int) (rate * (0.08 + 0.15 * random.nextDouble()));
      double f0 = 110 + 120 * random.nextDouble();
      double level = random.nextDouble() < 0.08 ? 0.9 : 0.08 + 0.15 * random.nextDouble();
      for (int i = 0; i < syllable && at + i < frames; i++) {
        double env = Math.sin(Math.PI * i / syllable);
        double v = 0;
        for (int h = 1; h * f0 < Math.min(4000, rate / 2.0); h++) {
          v += Math.sin(2 * Math.PI * h * f0 * i / rate + h) / h;
        }
        float sample = (float) (level * env * v / 3);
        for (int c = 0; c < format.channels(); c++) {
          s[(at + i) * format.channels() + c] = sample;
        }
      }
      at += syllable;
      at += (int) (rate * (random.nextDouble() < 0.15 ? 0.4 + 0.4 * random.nextDouble() : 0.02 + 0.08 * random.nextDouble()));
    }
    return new PcmClip(format, s);
  }
}
