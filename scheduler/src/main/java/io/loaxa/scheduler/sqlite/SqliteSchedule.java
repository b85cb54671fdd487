package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.ScheduleStore;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Programme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The imported schedule in the station database, replaced in one transaction with its programmes
 * and the planned airings made from it, so a failed import leaves the old grid running untouched.
 */
public final class SqliteSchedule implements ScheduleStore {
  private final Database db;
  private final SqliteProgrammes programmes;
  private final SqlitePlannedAirings planned;

  public SqliteSchedule(Database db, SqliteProgrammes programmes, SqlitePlannedAirings planned) {
    this.db = db;
    this.programmes = programmes;
    this.planned = planned;
  }

  @Override
  public Optional<Stored> current() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("SELECT text, source, imported_at FROM schedule WHERE id = 1");
           ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new Stored(r.getString("text"), r.getString("source"), Database.instant(r.getString("imported_at"))));
      } catch (SQLException e) {
        throw new StoreException("reading the schedule: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void replace(String text, String source, List<Programme> newProgrammes, List<PlannedAiring> airings, Instant now) {
    synchronized (db) {
      Connection c = db.connection();
      try {
        c.setAutoCommit(false);
        try {
          try (PreparedStatement s = c.prepareStatement(
              "INSERT INTO schedule (id, text, source, imported_at) VALUES (1, ?, ?, ?)"
                  + " ON CONFLICT(id) DO UPDATE SET text=excluded.text, source=excluded.source, imported_at=excluded.imported_at")) {
            s.setString(1, text);
            s.setString(2, source);
            s.setString(3, Database.text(now));
            s.executeUpdate();
          }
          for (Programme p : newProgrammes) {
            programmes.put(p);
          }
          // what the old grid still had planned and has not aired goes; what aired stays in the log
          try (PreparedStatement s = c.prepareStatement("DELETE FROM planned_airings WHERE origin = 'schedule' AND starts_at >= ?"
              + " AND NOT EXISTS (SELECT 1 FROM airing_runs r WHERE r.planned_key = planned_airings.key)")) {
            s.setString(1, Database.text(now));
            s.executeUpdate();
          }
          for (PlannedAiring a : airings) {
            planned.add(a, "schedule");
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new StoreException("importing the schedule (nothing changed): " + e.getMessage(), e);
      } catch (StoreException e) {
        throw new StoreException("importing the schedule (nothing changed): " + e.getMessage(), e);
      }
    }
  }

  @Override
  public int plan(List<PlannedAiring> airings) {
    synchronized (db) {
      Connection c = db.connection();
      try {
        c.setAutoCommit(false);
        int added = 0;
        try {
          for (PlannedAiring a : airings) {
            added += planned.add(a, "schedule") ? 1 : 0;
          }
          c.commit();
          return added;
        } catch (RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new StoreException("planning airings: " + e.getMessage(), e);
      }
    }
  }
}
