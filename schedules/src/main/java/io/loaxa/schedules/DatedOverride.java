package io.loaxa.schedules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to one rule on one date (a holiday, a commune event): that day the rule airs once, at
 * {@code at} (default: its first usual time), with the given programme and zones instead of its own,
 * whether or not its recurrence falls on that day.
 */
public record DatedOverride(
    LocalDate on, Optional<LocalTime> at, Optional<ProgrammeKey> programme, Optional<ZoneChoice> zones) {
  public DatedOverride {
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(zones, "zones");
  }
}
