package io.loaxa.scheduler.supervision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where detectors and the on-air monitor report what they see. Reporting is idempotent: a detector
 * may report the same condition on every check; an incident starts on the first report of its key
 * and ends on the first {@link #resolved} after it. Implementations never throw at the caller.
 */
public interface Incidents {
  /** The condition holds now (first call for a key starts an incident, later ones keep it open). */
  void observed(IncidentKind kind, String subject, Instant at, String detail, Optional<Path> evidence);

  default void observed(IncidentKind kind, String subject, Instant at, String detail) {
    observed(kind, subject, at, detail, Optional.empty());
  }

  /** The condition no longer holds: ends the open incident of that key, if any. */
  void resolved(IncidentKind kind, String subject, Instant at);

  /** Checks repeats for unresolved incidents; called by the daemon's tick with the station clock's now. */
  default void tick(Instant now) {}

  /** Reports into nothing: a station without supervision. */
  Incidents NONE = new Incidents() {
    @Override
    public void observed(IncidentKind kind, String subject, Instant at, String detail, Optional<Path> evidence) {}

    @Override
    public void resolved(IncidentKind kind, String subject, Instant at) {}
  };
}
