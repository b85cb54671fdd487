package io.loaxa.testkit;

/** Mono samples recorded from a sink, with the measurements tests assert on. */
public record Signal(float[] samples, int rate) {

  /** Index of the first sample louder than {@code threshold}, or -1. */
  public int firstAbove(double threshold) {
    for (int i = 0; i < samples.length; i++) {
      if (Math.abs(samples[i]) > threshold) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the last sample louder than {@code threshold}, or -1. */
  public int lastAbove(double threshold) {
    for (int i = samples.length - 1; i >= 0; i--) {
      if (Math.abs(samples[i]) > threshold) {
        return i;
      }
    }
    return -1;
  }

  public double peak(int from, int to) {
    double peak = 0;
    for (int i = from; i < to; i++) {
      peak = Math.max(peak, Math.abs(samples[i]));
    }
    return peak;
  }

  public double rms(int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += samples[i] * (double) samples[i];
    }
    return Math.sqrt(sum / Math.max(1, to - from));
  }

  /** Amplitude of the {@code hz} component in [from, to) (Goertzel), comparable to a sine's peak. */
  public double amplitudeAt(double hz, int from, int to) {
    int n = to - from;
    double w = 2 * Math.PI * hz / rate;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = samples[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2 * Math.sqrt(Math.max(0, power)) / n;
  }

  /** The strongest frequency between {@code loHz} and {@code hiHz} in 1 Hz steps. */
  public double dominantHz(int from, int to, double loHz, double hiHz) {
    double best = loHz;
    double bestAmplitude = -1;
    for (double hz = loHz; hz <= hiHz; hz += 1) {
      double a = amplitudeAt(hz, from, to);
      if (a > bestAmplitude) {
        bestAmplitude = a;
        best = hz;
      }
    }
    return best;
  }

  public double seconds(int index) {
    return index / (double) rate;
  }
}
