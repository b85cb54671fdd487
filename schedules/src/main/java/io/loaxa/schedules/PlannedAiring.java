package io.loaxa.schedules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One concrete time a programme is to air, to the chosen zones: what the Quartz trigger fires and
 * what an airing run is logged against.
 *
 * @param topic the CCHC topic of the month that fills {@code {topic}} in the programme's segments
 * @param note why it is planned when that is not the plain rule: an override, a make-up airing
 * @param followUp present when this airing is the rest or a new start of one cut off by a higher priority
 */
public record PlannedAiring(
    PlannedAiringKey key,
    ProgrammeKey programme,
    Instant startsAt,
    ZoneSelection zones,
    Priority priority,
    Optional<String> topic,
    Optional<String> note,
    Optional<FollowUp> followUp) {
  public PlannedAiring {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(zones, "zones");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(followUp, "followUp");
  }

  public PlannedAiring(PlannedAiringKey key, ProgrammeKey programme, Instant startsAt, ZoneSelection zones,
      Priority priority, Optional<String> topic, Optional<String> note) {
    this(key, programme, startsAt, zones, priority, topic, note, Optional.empty());
  }

  public PlannedAiring(PlannedAiringKey key, ProgrammeKey programme, Instant startsAt, ZoneSelection zones, Priority priority) {
    this(key, programme, startsAt, zones, priority, Optional.empty(), Optional.empty());
  }

  /** The key of the rule it comes from (the part before {@code @}). */
  public String ruleKey() {
    return key.ruleKey();
  }
}
