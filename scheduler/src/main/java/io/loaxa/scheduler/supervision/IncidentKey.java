package io.loaxa.scheduler.supervision;

import java.util.Objects;

/** An incident's identity while it lasts: its kind and what it concerns (board key, zone, month…). */
public record IncidentKey(IncidentKind kind, String subject) {
  public IncidentKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
  }

  @Override
  public String toString() {
    return kind.configName() + ":" + subject;
  }
}
