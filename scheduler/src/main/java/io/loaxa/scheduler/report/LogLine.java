package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringRunRecord;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One airing run as a row officers read: local times, names instead of codes, hamlet names instead
 * of zone keys. Made by {@link AiringLogTable}; written by each export format.
 *
 * @param airtime first sample to end; empty when nothing aired, and for an interrupted run, whose
 *     end is when the next start found it, not when the sound stopped
 */
public record LogLine(
    long run,
    LocalDateTime planned,
    Optional<LocalDateTime> started,
    Optional<LocalDateTime> ended,
    String programme,
    String title,
    String category,
    String priority,
    String trigger,
    String zonesRequested,
    String zonesConfirmed,
    String zonesUnconfirmed,
    String zonesFailed,
    Optional<Duration> airtime,
    String outcome,
    String reason,
    AiringRunRecord record) {

  /** The value of one column: a {@code Long}, a {@code LocalDateTime}, a {@code Duration}, or text ("" when empty). */
  public Object value(LogColumn column) {
    return switch (column) {
      case RUN -> run;
      case PLANNED -> planned;
      case STARTED -> started.<Object>map(t -> t).orElse("");
      case ENDED -> ended.<Object>map(t -> t).orElse("");
      case PROGRAMME -> programme;
      case TITLE -> title;
      case CATEGORY -> category;
      case PRIORITY -> priority;
      case TRIGGER -> trigger;
      case ZONES_REQUESTED -> zonesRequested;
      case ZONES_CONFIRMED -> zonesConfirmed;
      case ZONES_UNCONFIRMED -> zonesUnconfirmed;
      case ZONES_FAILED -> zonesFailed;
      case AIRTIME -> airtime.<Object>map(d -> d).orElse("");
      case OUTCOME -> outcome;
      case REASON -> reason;
    };
  }
}
