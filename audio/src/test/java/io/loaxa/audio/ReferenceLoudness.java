package io.loaxa.audio;

/**
 * BS.1770-4 integrated loudness written straight from the standard, as a second opinion on the
 * station's meter: the filter coefficients the standard publishes for 48 kHz (no design of our
 * own), every 400 ms gating block summed sample by sample from the filtered signal (no 100 ms
 * hops), gates as the text gives them. Slow and 48 kHz only; for tests.
 */
public final class ReferenceLoudness {
  private ReferenceLoudness() {}

  public static double integratedLufs(PcmClip clip) {
    if (clip.format().sampleRate() != 48_000) {
      throw new IllegalArgumentException("the reference meter reads 48 kHz only");
    }
    int channels = clip.format().channels();
    int frames = clip.frames();
    double[] power = new double[frames];
    for (int c = 0; c < channels; c++) {
      double[] stage1 = filter(clip, c, frames, 1.53512485958697, -2.69169618940638, 1.19839281085285,
          -1.69065929318241, 0.73248077421585);
      double[] stage2 = filter(stage1, 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621);
      for (int f = 0; f < frames; f++) {
        power[f] += stage2[f] * stage2[f];
      }
    }
    int block = 19_200;
    int step = 4_800;
    int blocks = frames < block ? 0 : (frames - block) / step + 1;
    double[] z = new double[blocks];
    for (int j = 0; j < blocks; j++) {
      double sum = 0;
      for (int f = j * step; f < j * step + block; f++) {
        sum += power[f];
      }
      z[j] = sum / block;
    }
    double above = 0;
    int aboveCount = 0;
    for (double v : z) {
      if (lufs(v) > -70) {
        above += v;
        aboveCount++;
      }
    }
    if (aboveCount == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double gate = lufs(above / aboveCount) - 10;
    double kept = 0;
    int keptCount = 0;
    for (double v : z) {
      if (lufs(v) > -70 && lufs(v) > gate) {
        kept += v;
        keptCount++;
      }
    }
    return lufs(kept / keptCount);
  }

  private static double lufs(double meanSquare) {
    return -0.691 + 10 * Math.log10(meanSquare);
  }

  private static double[] filter(PcmClip clip, int channel, int frames, double b0, double b1, double b2, double a1,
      double a2) {
    double[] x = new double[frames];
    for (int f = 0; f < frames; f++) {
      x[f] = clip.sample(f, channel);
    }
    return filter(x, b0, b1, b2, a1, a2);
  }

  private static double[] filter(double[] x, double b0, double b1, double b2, double a1, double a2) {
    double[] y = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      double x1 = n >= 1 ? x[n - 1] : 0;
      double x2 = n >= 2 ? x[n - 2] : 0;
      double y1 = n >= 1 ? y[n - 1] : 0;
      double y2 = n >= 2 ? y[n - 2] : 0;
      y[n] = b0 * x[n] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    }
    return y;
  }
}
