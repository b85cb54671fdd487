package io.loaxa.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run of the airing log as a period report adds it up: when it was planned and aired, what and
 * where, how it ended. The reason and the zones requested are only needed for a run that did not air,
 * so a log may leave them empty for a run that completed or was partial.
 *
 * @param zonesRequested the zones asked for; may be empty for a run that aired
 * @param reason why it ended as it did; may be empty for a run that aired
 */
public record ReportedRun(
    long id,
    String title,
    String category,
    Instant plannedAt,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    List<String> zonesRequested,
    List<String> zonesConfirmed,
    List<String> zonesUnconfirmed,
    Optional<Outcome> outcome,
    String reason) {

  /** The fields of a full log row that a report reads. */
  public static ReportedRun of(AiringRunRecord r) {
    return new ReportedRun(r.id(), r.title(), r.category(), r.plannedAt(), r.startedAt(), r.endedAt(),
        r.zonesRequested(), r.zonesConfirmed(), r.zonesUnconfirmed(), r.outcome(), r.reason());
  }

  /** True when something went out to the hamlets: the run completed or was partial. */
  public boolean aired() {
    return outcome.isPresent() && (outcome.get() == Outcome.COMPLETED || outcome.get() == Outcome.PARTIAL);
  }

  /** {@link #airtime()} in whole seconds (rounded down), without making a {@link Duration}. */
  public long airtimeSeconds() {
    if (startedAt.isEmpty() || endedAt.isEmpty()) {
      return 0;
    }
    Instant from = startedAt.get();
    Instant to = endedAt.get();
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    if (to.getNano() < from.getNano()) {
      seconds--;
    }
    return Math.max(0, seconds);
  }

  /** Airtime: first sample to end; zero when nothing aired. */
  public Duration airtime() {
    if (startedAt.isEmpty() || endedAt.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(startedAt.get(), endedAt.get());
    return d.isNegative() ? Duration.ZERO : d;
  }
}
