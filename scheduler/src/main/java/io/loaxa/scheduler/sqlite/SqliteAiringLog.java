package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.OnAir;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The airing log in the station database. */
public final class SqliteAiringLog implements AiringLog {
  private static final String UNIQUE_VIOLATION = "UNIQUE constraint failed";
  private final Database db;
  private final Clock clock;

  public SqliteAiringLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public long begin(RunStart start) {
    synchronized (db) {
      try {
        return insert(start, clock.instant(), null);
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains(UNIQUE_VIOLATION)) {
          return -1;
        }
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  private long insert(RunStart start, Instant createdAt, RunEnd end) throws SQLException {
    Connection c = db.connection();
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO airing_runs (planned_key, programme_key, title, category, priority, trigger, planned_at,"
            + " zones_requested, content, created_at, started_at, ended_at, zones_confirmed, zones_unconfirmed,"
            + " zones_failed, outcome, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setString(1, start.plannedKey().value());
      s.setString(2, start.programme());
      s.setString(3, start.title());
      s.setString(4, start.category());
      s.setString(5, start.priority());
      s.setString(6, start.trigger().name());
      s.setString(7, Database.text(start.plannedAt()));
      s.setString(8, String.join(",", start.zonesRequested()));
      s.setString(9, start.content());
      s.setString(10, Database.text(createdAt));
      if (end == null) {
        s.setString(11, null);
        s.setString(12, null);
        s.setString(13, "");
        s.setString(14, "");
        s.setString(15, "");
        s.setString(16, null);
        s.setString(17, "");
      } else {
        s.setString(11, end.startedAt().map(Database::text).orElse(null));
        s.setString(12, Database.text(end.endedAt()));
        s.setString(13, String.join(",", end.zonesConfirmed()));
        s.setString(14, String.join(",", end.zonesUnconfirmed()));
        s.setString(15, String.join(",", end.zonesFailed()));
        s.setString(16, end.outcome().name());
        s.setString(17, end.reason());
      }
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public void end(long id, RunEnd end) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "UPDATE airing_runs SET started_at=?, ended_at=?, zones_confirmed=?, zones_unconfirmed=?, zones_failed=?,"
              + " outcome=?, reason=? WHERE id=? AND outcome IS NULL")) {
        s.setString(1, end.startedAt().map(Database::text).orElse(null));
        s.setString(2, Database.text(end.endedAt()));
        s.setString(3, String.join(",", end.zonesConfirmed()));
        s.setString(4, String.join(",", end.zonesUnconfirmed()));
        s.setString(5, String.join(",", end.zonesFailed()));
        s.setString(6, end.outcome().name());
        s.setString(7, end.reason());
        s.setLong(8, id);
        if (s.executeUpdate() != 1) {
          throw new IllegalStateException("airing run " + id + " is not open");
        }
      } catch (SQLException e) {
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public long record(RunStart start, RunEnd end) {
    synchronized (db) {
      try {
        return insert(start, end.endedAt(), end);
      } catch (SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains(UNIQUE_VIOLATION)) {
          return -1;
        }
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public boolean hasRun(PlannedAiringKey plannedKey) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("SELECT 1 FROM airing_runs WHERE planned_key=?")) {
        s.setString(1, plannedKey.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next();
        }
      } catch (SQLException e) {
        throw new StoreException("reading the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void onAir(long id, OnAir journal) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "UPDATE airing_runs SET started_at=?, zones_confirmed=?, zones_unconfirmed=?, on_air_until=?, playing=?"
              + " WHERE id=? AND outcome IS NULL")) {
        s.setString(1, Database.text(journal.firstSample()));
        s.setString(2, String.join(",", journal.zonesConfirmed()));
        s.setString(3, String.join(",", journal.zonesUnconfirmed()));
        s.setString(4, Database.text(journal.until()));
        s.setString(5, journal.playing());
        s.setLong(6, id);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public int closeInterrupted(Instant now) {
    synchronized (db) {
      Connection c = db.connection();
      try {
        record Open(long id, Optional<Instant> firstSample, Optional<Instant> until, String playing) {}
        List<Open> open = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
            "SELECT id, started_at, on_air_until, playing FROM airing_runs WHERE outcome IS NULL ORDER BY id");
            ResultSet r = s.executeQuery()) {
          while (r.next()) {
            open.add(new Open(r.getLong(1), Optional.ofNullable(r.getString(2)).map(Database::instant),
                Optional.ofNullable(r.getString(3)).map(Database::instant), Optional.ofNullable(r.getString(4)).orElse("")));
          }
        }
        for (Open o : open) {
          String reason = "the station stopped mid-airing (power cut, crash or kill); found at the next start";
          Instant ended = now;
          if (o.firstSample().isPresent() && o.until().isPresent() && !o.until().get().isBefore(o.firstSample().get())) {
            ended = o.until().get();
            long seconds = Duration.between(o.firstSample().get(), ended).toSeconds();
            reason = "the station stopped mid-airing (power cut, crash or kill) after " + seconds + " s on air"
                + (o.playing().isEmpty() ? "" : ", playing " + o.playing()) + "; found at the next start";
          }
          try (PreparedStatement s = c.prepareStatement(
              "UPDATE airing_runs SET outcome='INTERRUPTED', ended_at=?, reason=? WHERE id=? AND outcome IS NULL")) {
            s.setString(1, Database.text(ended));
            s.setString(2, reason);
            s.setLong(3, o.id());
            s.executeUpdate();
          }
        }
        return open.size();
      } catch (SQLException e) {
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<Instant> latest() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT max(max(created_at, coalesce(ended_at, created_at))) FROM airing_runs");
          ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)).map(Database::instant) : Optional.empty();
      } catch (SQLException e) {
        throw new StoreException("reading the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void forEachRun(Instant from, Instant to, Consumer<AiringRunRecord> sink) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT * FROM airing_runs WHERE planned_at >= ? AND planned_at < ? ORDER BY planned_at, id")) {
        s.setString(1, Database.text(from));
        s.setString(2, Database.text(to));
        s.setFetchSize(500);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            sink.accept(row(r));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("reading the airing log: " + e.getMessage(), e);
      }
    }
  }

  private static AiringRunRecord row(ResultSet r) throws SQLException {
    String outcome = r.getString("outcome");
    return new AiringRunRecord(
        r.getLong("id"),
        new PlannedAiringKey(r.getString("planned_key")),
        r.getString("programme_key"),
        r.getString("title"),
        r.getString("category"),
        r.getString("priority"),
        Trigger.valueOf(r.getString("trigger")),
        Database.instant(r.getString("planned_at")),
        Optional.ofNullable(r.getString("started_at")).map(Database::instant),
        Optional.ofNullable(r.getString("ended_at")).map(Database::instant),
        list(r.getString("zones_requested")),
        list(r.getString("zones_confirmed")),
        list(r.getString("zones_unconfirmed")),
        list(r.getString("zones_failed")),
        r.getString("content"),
        Optional.ofNullable(outcome).map(Outcome::valueOf),
        r.getString("reason"));
  }

  private static List<String> list(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split(","));
  }
}
