package io.loaxa.audio;

import java.time.Instant;
import java.util.List;

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
}
