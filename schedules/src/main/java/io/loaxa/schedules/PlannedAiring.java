package io.loaxa.schedules;

import java.time.Instant;
import java.util.Objects;

/**
 * One concrete time a programme is to air, to the chosen zones: what the Quartz trigger fires and
 * what an airing run is logged against.
 */
public record PlannedAiring(
    PlannedAiringKey key, ProgrammeKey programme, Instant startsAt, ZoneSelection zones, Priority priority) {
  public PlannedAiring {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(zones, "zones");
    Objects.requireNonNull(priority, "priority");
  }
}
