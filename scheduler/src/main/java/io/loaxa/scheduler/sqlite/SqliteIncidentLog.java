package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;
import io.loaxa.scheduler.supervision.Incident;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.IncidentLog;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incident log in the station database ({@code incidents}, {@code incident_alerts}): an
 * incident is found again by its kind, subject and start, so the row is completed when it ends.
 */
public final class SqliteIncidentLog implements IncidentLog {
  private final Database db;
  private final Clock clock;

  public SqliteIncidentLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void started(Incident incident) {
    update("INSERT INTO incidents (kind, subject, started_at, ended_at, detail, evidence) VALUES (?,?,?,?,?,?)",
        incident.kind().name(), incident.subject(), Database.text(incident.start()),
        incident.end().map(Database::text).orElse(null), incident.detail(),
        incident.evidence().map(Path::toString).orElse(null));
  }

  @Override
  public void ended(Incident incident) {
    int rows = update("UPDATE incidents SET ended_at=? WHERE kind=? AND subject=? AND started_at=? AND ended_at IS NULL",
        Database.text(incident.end().orElseThrow(() -> new IllegalArgumentException("incident has not ended"))),
        incident.kind().name(), incident.subject(), Database.text(incident.start()));
    if (rows == 0) {
      started(incident);
    }
  }

  @Override
  public void alerted(Incident incident, String channel, String recipient) {
    update("INSERT INTO incident_alerts (incident_id, channel, recipient, sent_at)"
        + " SELECT id, ?, ?, ? FROM incidents WHERE kind=? AND subject=? AND started_at=? ORDER BY id DESC LIMIT 1",
        channel, recipient, Database.text(clock.instant()), incident.kind().name(), incident.subject(),
        Database.text(incident.start()));
  }

  @Override
  public void alertFailed(Incident incident, String channel, String recipient, String reason, boolean givenUp) {
    update("INSERT INTO incident_alerts (incident_id, channel, recipient, sent_at, outcome, detail)"
        + " SELECT id, ?, ?, ?, ?, ? FROM incidents WHERE kind=? AND subject=? AND started_at=? ORDER BY id DESC LIMIT 1",
        channel, recipient, Database.text(clock.instant()), (givenUp ? Delivery.GIVEN_UP : Delivery.FAILED).wire(),
        reason, incident.kind().name(), incident.subject(), Database.text(incident.start()));
  }

  @Override
  public List<AlertTry> lastAlerts(int limit) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT a.sent_at, a.channel, a.recipient, a.outcome, a.detail AS try_detail, i.* FROM incident_alerts a"
              + " JOIN incidents i ON i.id = a.incident_id ORDER BY a.sent_at DESC, a.rowid DESC LIMIT ?")) {
        s.setInt(1, limit);
        List<AlertTry> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String outcome = r.getString("outcome");
            Delivery delivery = java.util.Arrays.stream(Delivery.values())
                .filter(d -> d.wire().equals(outcome)).findFirst().orElse(Delivery.FAILED);
            out.add(new AlertTry(Database.instant(r.getString("sent_at")), incident(r), r.getString("channel"),
                r.getString("recipient"), delivery, r.getString("try_detail")));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the alerts sent: " + e.getMessage(), e);
      }
    }
  }

  private static Incident incident(ResultSet r) throws SQLException {
    String ended = r.getString("ended_at");
    String evidence = r.getString("evidence");
    return new Incident(IncidentKind.valueOf(r.getString("kind")), r.getString("subject"),
        Database.instant(r.getString("started_at")), Optional.ofNullable(ended).map(Database::instant),
        r.getString("detail"), Optional.ofNullable(evidence).map(Path::of));
  }

  @Override
  public int endLeftOpen(Instant at, String note) {
    String when = Database.text(at);
    return update("UPDATE incidents SET ended_at = CASE WHEN started_at > ? THEN started_at ELSE ? END,"
        + " detail = detail || ? WHERE ended_at IS NULL", when, when, note);
  }

  @Override
  public List<LoggedIncident> between(Instant from, Instant to) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT i.*, (SELECT group_concat(a.channel || ':' || a.recipient, '\n') FROM incident_alerts a"
              + " WHERE a.incident_id = i.id AND a.outcome = 'sent') AS alerts FROM incidents i"
              + " WHERE i.started_at >= ? AND i.started_at < ? ORDER BY i.started_at, i.id")) {
        s.setString(1, Database.text(from));
        s.setString(2, Database.text(to));
        List<LoggedIncident> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String ended = r.getString("ended_at");
            String evidence = r.getString("evidence");
            String alerts = r.getString("alerts");
            out.add(new LoggedIncident(new Incident(IncidentKind.valueOf(r.getString("kind")), r.getString("subject"),
                Database.instant(r.getString("started_at")), Optional.ofNullable(ended).map(Database::instant),
                r.getString("detail"), Optional.ofNullable(evidence).map(Path::of)),
                alerts == null ? List.of() : List.of(alerts.split("\n"))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the incident log: " + e.getMessage(), e);
      }
    }
  }

  private int update(String sql, String... args) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setString(i + 1, args[i]);
        }
        return s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the incident log: " + e.getMessage(), e);
      }
    }
  }
}
