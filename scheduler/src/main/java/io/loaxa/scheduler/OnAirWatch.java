package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiringKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What hears the loudspeaker lines while an airing plays: the on-air monitor, when the station has
 * one. The runner tells it when the programme goes on air and off again, and writes what it heard
 * wrong into the run's outcome and reason.
 */
public interface OnAirWatch {
  /** A station without a monitor: nothing is heard, nothing is wrong. */
  OnAirWatch NONE = key -> Optional::empty;

  /** The programme of {@code key} starts playing now (its zones are on). */
  Listening airingStarts(PlannedAiringKey key);

  /** One airing being listened to. */
  interface Listening {
    /** The programme has stopped playing: what the lines failed to carry, empty when they carried it. */
    Optional<HeardTrouble> airingEnded();
  }

  /**
   * What the lines failed to carry during an airing.
   *
   * @param reason for the airing log, e.g. {@code dead air on the monitor from 18:15:04 for 12.3 s}
   * @param partlyHeard whether the programme was heard for some of the airing (the run is then
   *     {@code PARTIAL}, else {@code FAILED})
   */
  record HeardTrouble(String reason, boolean partlyHeard) {
    public HeardTrouble {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
