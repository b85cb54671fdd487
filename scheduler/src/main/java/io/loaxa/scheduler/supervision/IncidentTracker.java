package io.loaxa.scheduler.supervision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's one incident stream: keeps the open incidents by key, writes each into the
 * {@link IncidentLog} once when it starts and once when it ends, and hands it to the
 * {@link AlertDispatcher}. Thread-safe; a failing store is logged and never reaches the detector.
 */
public final class IncidentTracker implements Incidents {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentTracker.class);
  private final IncidentLog log;
  private final AlertDispatcher alerts;
  private final Map<IncidentKey, Incident> open = new LinkedHashMap<>();

  public IncidentTracker(IncidentLog log, AlertDispatcher alerts) {
    this.log = log;
    this.alerts = alerts;
  }

  @Override
  public void observed(IncidentKind kind, String subject, Instant at, String detail, Optional<Path> evidence) {
    Incident incident;
    synchronized (this) {
      IncidentKey key = new IncidentKey(kind, subject);
      if (open.containsKey(key)) {
        return;
      }
      incident = new Incident(kind, subject, at, Optional.empty(), detail, evidence);
      open.put(key, incident);
    }
    LOG.warn("incident {} started at {}: {}{}", incident.key(), at, detail,
        evidence.map(p -> " (evidence " + p + ")").orElse(""));
    try {
      log.started(incident);
    } catch (RuntimeException e) {
      LOG.error("incident {} not written to the incident log: {}", incident.key(), e.getMessage(), e);
    }
    alerts.started(incident);
  }

  @Override
  public void resolved(IncidentKind kind, String subject, Instant at) {
    Incident ended;
    synchronized (this) {
      Incident incident = open.remove(new IncidentKey(kind, subject));
      if (incident == null) {
        return;
      }
      ended = incident.endedAt(at.isBefore(incident.start()) ? incident.start() : at);
    }
    LOG.info("incident {} ended at {}", ended.key(), ended.end().orElseThrow());
    try {
      log.ended(ended);
    } catch (RuntimeException e) {
      LOG.error("end of incident {} not written to the incident log: {}", ended.key(), e.getMessage(), e);
    }
    alerts.ended(ended);
  }

  @Override
  public void tick(Instant now) {
    alerts.tick(now);
  }

  /**
   * The station starts: incidents its previous run left open in the log (it stopped before their
   * end was seen) end now, so the log and the pages do not show them open for ever. A condition
   * that still holds is reported again by its detector and starts a new incident, alerted anew.
   */
  public void stationStarted(Instant at) {
    try {
      int ended = log.endLeftOpen(at, (" [kết thúc không rõ: loaxa đã dừng, đóng khi khởi động lại"
          + " / end not seen: loaxa stopped; closed when it started again]"));
      if (ended > 0) {
        LOG.info("{} incident(s) left open by the previous run ended at the start", ended);
      }
    } catch (RuntimeException e) {
      LOG.error("incidents left open by the previous run not closed in the incident log: {}", e.getMessage(), e);
    }
  }

  /** The incidents open now, oldest first. */
  public synchronized List<Incident> open() {
    return new ArrayList<>(open.values());
  }

  public AlertDispatcher alerts() {
    return alerts;
  }
}
