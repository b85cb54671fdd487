package io.loaxa.audio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one play did, for the airing log.
 *
 * @param firstSampleAt when the first sample left the sound device (estimated from the device's
 *     own position, so the line's buffer latency is counted)
 * @param endedAt when the last sample had left the device buffer (or the stop took effect)
 * @param framesPlayed programme frames handed to the device (priming silence not counted)
 * @param stopped true when a {@link StopToken} ended it early
 * @param underruns times the device ran dry while the programme played (heard as a click or gap)
 * @param silences stretches where our own output stayed below {@link Cue#SILENCE_DBFS}
 * @param dropouts stretches the source filled with silence (a rebroadcast stream lost)
 */
public record Playback(Instant firstSampleAt, Instant endedAt, long framesPlayed, boolean stopped,
    long underruns, List<Gap> silences, List<Gap> dropouts) {

  public Playback {
    silences = List.copyOf(silences);
    dropouts = List.copyOf(dropouts);
  }

  public Playback(Instant firstSampleAt, Instant endedAt, long framesPlayed, boolean stopped) {
    this(firstSampleAt, endedAt, framesPlayed, stopped, 0, List.of(), List.of());
  }

  /**
   * What went wrong on air, in plain words for the airing log, e.g. {@code stream lost 2.1 s at
   * 0:35 (HTTP 503); silent 6.0 s at 1:10; 3 underruns}; empty when the airing sounded clean.
   */
  public String troubles() {
    List<String> parts = new ArrayList<>();
    for (Gap gap : dropouts) {
      parts.add(gap.reason() + ": " + seconds(gap.length()) + " s of silence at " + clock(gap.at()));
    }
    for (Gap gap : silences) {
      parts.add("silent output (" + gap.reason() + ") for " + seconds(gap.length()) + " s at " + clock(gap.at()));
    }
    if (underruns > 0) {
      parts.add(underruns + (underruns == 1 ? " underrun" : " underruns") + " (the sound card ran dry)");
    }
    return String.join("; ", parts);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
  }
}
