package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiringKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the airing log (nhật ký phát sóng): what was planned and what actually happened.
 *
 * @param id the log's own sequence number
 * @param plannedAt when the first sample was planned
 * @param startedAt when the first sample went to the sound card; empty when nothing aired
 * @param endedAt when the run ended (zones off); empty while it runs
 * @param zonesConfirmed zones whose board confirmed the switch
 * @param zonesUnconfirmed zones switched on a board that cannot report (commanded, not confirmed)
 * @param zonesFailed zones that could not be switched
 * @param content what aired: the programme's segments as the schedule file writes them
 * @param outcome empty while the run is on air
 */
public record AiringRunRecord(
    long id,
    PlannedAiringKey plannedKey,
    String programme,
    String title,
    String category,
    String priority,
    Trigger trigger,
    Instant plannedAt,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    List<String> zonesRequested,
    List<String> zonesConfirmed,
    List<String> zonesUnconfirmed,
    List<String> zonesFailed,
    String content,
    Optional<Outcome> outcome,
    String reason) {

  /** Airtime: first sample to end; zero when nothing aired. */
  public Duration airtime() {
    if (startedAt.isEmpty() || endedAt.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(startedAt.get(), endedAt.get());
    return d.isNegative() ? Duration.ZERO : d;
  }
}
