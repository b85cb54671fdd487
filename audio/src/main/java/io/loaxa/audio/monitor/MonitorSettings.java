package io.loaxa.audio.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How the monitor judges what it hears.
 *
 * @param silenceDbfs a block quieter than this (RMS, dBFS) is silence; louder is audio
 * @param deadAir how long the monitor must stay silent while the programme plays to be dead air
 * @param outside how long audio must go on while nothing airs to be audio outside the schedule
 * @param block the length of one measured block
 * @param maxLag the most the monitor may hear behind what loaxa hands to the sound card (the
 *     device buffer, the sound server, the tap's own capture buffer)
 * @param mismatchWindow the stretch over which the two envelopes are correlated
 * @param mismatchCorrelation below this Pearson correlation of the two dB envelopes (best over
 *     lags 0..maxLag), with both loud, the monitor carries something else
 * @param evidence how many of the last seconds heard are kept as the incident's WAV file
 */
public record MonitorSettings(double silenceDbfs, Duration deadAir, Duration outside, Duration block,
    Duration maxLag, Duration mismatchWindow, double mismatchCorrelation, Duration evidence) {
  public static final double DEFAULT_SILENCE_DBFS = -50;
  /** Measured on speech and music through the null sinks: a true monitor scores above 0.8. */
  public static final double DEFAULT_MISMATCH_CORRELATION = 0.3;

  public MonitorSettings {
    Objects.requireNonNull(deadAir, "deadAir");
    Objects.requireNonNull(outside, "outside");
    if (block.isNegative() || block.isZero() || deadAir.compareTo(block) < 0 || outside.compareTo(block) < 0) {
      throw new IllegalArgumentException("block " + block + " must be positive and no longer than the times");
    }
    if (mismatchWindow.compareTo(block.multipliedBy(4)) < 0 || maxLag.isNegative()) {
      throw new IllegalArgumentException("mismatch window too short or negative lag");
    }
  }

  /** The defaults around the three settings a station writes. */
  public static MonitorSettings of(double silenceDbfs, Duration deadAir, Duration outside) {
    return new MonitorSettings(silenceDbfs, deadAir, outside, Duration.ofMillis(100), Duration.ofSeconds(2),
        Duration.ofSeconds(10), DEFAULT_MISMATCH_CORRELATION, Duration.ofSeconds(5));
  }

  int blocks(Duration d) {
    return (int) Math.max(1, Math.round((double) d.toNanos() / block.toNanos()));
  }
}
