package io.loaxa.audio;

/**
 * The level of what the sound card plays over a short window ({@link LevelMeter#WINDOW}), as a
 * level meter shows it: the peak sample in dBFS (a sine of amplitude 0.5 peaks at −6 dBFS) and the
 * RMS in dBFS (0 dBFS is a full-scale square wave's RMS, so a full-scale sine reads −3 dBFS).
 * Digital silence reads {@link #FLOOR_DBFS} for both.
 */
public record OutputLevel(double peakDbfs, double rmsDbfs) {
  /** Below anything 16-bit audio carries: the level of digital silence. */
  public static final double FLOOR_DBFS = -100.0;

  public OutputLevel {
    if (Double.isNaN(peakDbfs) || Double.isNaN(rmsDbfs)) {
      throw new IllegalArgumentException("a level is a number of dBFS");
    }
  }
}
