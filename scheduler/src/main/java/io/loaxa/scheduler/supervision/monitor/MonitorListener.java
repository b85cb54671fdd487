package io.loaxa.scheduler.supervision.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Who hears of the monitor's incidents: the alert dispatcher and the incident store, once the
 * composition root connects them. Each incident is told once when it starts and once when it ends.
 * Called from the monitor's thread; an implementation must not block for long.
 */
public interface MonitorListener {
  /** Tells nobody. */
  MonitorListener NONE = new MonitorListener() {
    @Override
    public void incidentStarted(IncidentKind kind, Instant at, String detail, Optional<Path> evidence) {}

    @Override
    public void incidentEnded(IncidentKind kind, Instant at, String detail, Optional<Path> evidence) {}
  };

  /**
   * @param at when it began
   * @param detail plain words, e.g. which line failed or how loud the monitor was
   * @param evidence the last seconds the monitor heard, as a WAV file
   */
  void incidentStarted(IncidentKind kind, Instant at, String detail, Optional<Path> evidence);

  void incidentEnded(IncidentKind kind, Instant at, String detail, Optional<Path> evidence);
}
