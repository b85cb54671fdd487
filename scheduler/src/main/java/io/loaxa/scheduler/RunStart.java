package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiringKey;
import java.time.Instant;
import java.util.List;

/** What the airing log records when a run begins, before any relay is switched. */
public record RunStart(
    PlannedAiringKey plannedKey,
    String programme,
    String title,
    String category,
    String priority,
    Trigger trigger,
    Instant plannedAt,
    List<String> zonesRequested,
    String content) {
  public RunStart {
    zonesRequested = List.copyOf(zonesRequested);
  }
}
