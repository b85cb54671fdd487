package io.loaxa.scheduler.supervision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident: its kind, what it concerns ({@code subject}: a board key, a zone, a month, a folder),
 * when it started, when it ended (empty while it lasts), a detail in the operator's words and,
 * for the on-air monitor, a few seconds of the monitor kept as evidence.
 */
public record Incident(
    IncidentKind kind,
    String subject,
    Instant start,
    Optional<Instant> end,
    String detail,
    Optional<Path> evidence) {
  public Incident {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** The key an incident is known by while it lasts: one open incident per kind and subject. */
  public IncidentKey key() {
    return new IncidentKey(kind, subject);
  }

  public boolean open() {
    return end.isEmpty();
  }

  public Incident endedAt(Instant at) {
    return new Incident(kind, subject, start, Optional.of(at), detail, evidence);
  }
}
