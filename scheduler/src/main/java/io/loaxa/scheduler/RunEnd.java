package io.loaxa.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the airing log records when a run ends. */
public record RunEnd(
    Optional<Instant> startedAt,
    Instant endedAt,
    List<String> zonesConfirmed,
    List<String> zonesUnconfirmed,
    List<String> zonesFailed,
    Outcome outcome,
    String reason) {
  public RunEnd {
    zonesConfirmed = List.copyOf(zonesConfirmed);
    zonesUnconfirmed = List.copyOf(zonesUnconfirmed);
    zonesFailed = List.copyOf(zonesFailed);
  }
}
