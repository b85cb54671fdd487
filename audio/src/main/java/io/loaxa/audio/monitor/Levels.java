package io.loaxa.audio.monitor;

/** Levels in dBFS: 0 dBFS is a full-scale square wave's RMS; digital silence is {@link #FLOOR_DBFS}. */
public final class Levels {
  /** Below anything a 16-bit input carries; the level of digital silence. */
  public static final double FLOOR_DBFS = -100.0;

  private Levels() {}

  /** The RMS level of {@code frames} interleaved frames of {@code channels}, in dBFS. */
  public static double rmsDbfs(float[] samples, int frames, int channels) {
    int n = frames * channels;
    if (n <= 0) {
      return FLOOR_DBFS;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return dbfs(sum, n);
  }

  /** The level of a sum of squared samples over {@code count} samples. */
  public static double dbfs(double sumOfSquares, long count) {
    if (count <= 0 || sumOfSquares <= 0) {
      return FLOOR_DBFS;
    }
    return Math.max(FLOOR_DBFS, 10 * Math.log10(sumOfSquares / count));
  }
}
