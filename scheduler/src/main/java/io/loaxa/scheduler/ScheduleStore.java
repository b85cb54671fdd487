package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Programme;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the station keeps its imported programme grid (lịch phát): the runtime truth the planner reads. */
public interface ScheduleStore {
  /** The schedule as stored: its file text as loaxa writes it, where it came from, when it was imported. */
  record Stored(String text, String source, Instant importedAt) {}

  Optional<Stored> current();

  /**
   * Replaces the schedule, its programmes and the not-yet-aired planned airings made from the old one,
   * all or nothing: on any failure the old schedule and its planned airings stay as they were.
   */
  void replace(String text, String source, List<Programme> programmes, List<PlannedAiring> airings, Instant now);

  /** Adds planned airings made from the schedule; keys already planned are left alone. Returns how many were new. */
  int plan(List<PlannedAiring> airings);
}
