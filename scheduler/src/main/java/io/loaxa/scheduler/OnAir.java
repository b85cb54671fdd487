package io.loaxa.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How far a run on air has got, as the airing log journals it while it airs.
 *
 * @param firstSample when the first sample was cued to be heard
 * @param zonesConfirmed lines on whose board confirmed the switch
 * @param zonesUnconfirmed lines switched on a board that cannot report
 * @param until the last moment the station knew it was on air
 * @param playing the segment on air then, as the schedule file writes it
 */
public record OnAir(Instant firstSample, List<String> zonesConfirmed, List<String> zonesUnconfirmed, Instant until,
    String playing) {
  public OnAir {
    Objects.requireNonNull(firstSample, "firstSample");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(playing, "playing");
    zonesConfirmed = List.copyOf(zonesConfirmed);
    zonesUnconfirmed = List.copyOf(zonesUnconfirmed);
  }
}
