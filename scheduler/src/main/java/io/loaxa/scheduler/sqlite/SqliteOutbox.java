package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.StoreException;
import io.loaxa.scheduler.uplink.Outbox;
import io.loaxa.scheduler.uplink.OutboxRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The hub outbox in the station database (table {@code outbox}, migrations V8 and V11). */
public final class SqliteOutbox implements Outbox {
  private final Database db;
  private final Clock clock;

  public SqliteOutbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * The rows a run that just ended gets, on the airing log's connection inside its transaction: the
   * run itself, and when it aired for a hub command, that command's aired/failed ack.
   */
  static void runEnded(Connection c, long runId, Instant now, Optional<Outcome> outcome) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (kind, run_id, created_at) VALUES ('run', ?, ?)")) {
      s.setLong(1, runId);
      s.setString(2, Database.text(now));
      s.executeUpdate();
    }
    String rule = "(SELECT substr(planned_key, 1, instr(planned_key, '@') - 1) FROM airing_runs WHERE id = ?)";
    boolean aired = outcome.filter(o -> o == Outcome.COMPLETED || o == Outcome.PARTIAL).isPresent();
    try (PreparedStatement s = c.prepareStatement("UPDATE hub_commands SET state = ? WHERE state <> 'refused'"
        + " AND rule_key IS NOT NULL AND rule_key = " + rule)) {
      s.setString(1, aired ? "aired" : "failed");
      s.setLong(2, runId);
      if (s.executeUpdate() == 0) {
        return;
      }
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (kind, run_id, created_at) VALUES ('run-ack', ?, ?)")) {
      s.setLong(1, runId);
      s.setString(2, Database.text(now));
      s.executeUpdate();
    }
  }

  /** Adds a row on the caller's connection (inside its transaction). */
  static long add(Connection c, OutboxRow.Kind kind, String body, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (kind, body, created_at) VALUES (?, ?, ?)",
        PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setString(1, kind.stored());
      s.setString(2, body);
      s.setString(3, Database.text(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public long add(OutboxRow.Kind kind, String body) {
    if (kind == OutboxRow.Kind.RUN || kind == OutboxRow.Kind.RUN_ACK) {
      throw new IllegalArgumentException("run rows are written by the airing log");
    }
    synchronized (db) {
      try {
        return add(db.connection(), kind, body, clock.instant());
      } catch (SQLException e) {
        throw new StoreException("writing the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<OutboxRow> unsent(int limit) {
    synchronized (db) {
      Connection c = db.connection();
      record Raw(long seq, String kind, Long runId, String body, String createdAt) {}
      List<Raw> raws = new ArrayList<>();
      try {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, run_id, body, created_at FROM outbox"
            + " WHERE sent_at IS NULL AND filed_at IS NULL ORDER BY seq LIMIT ?")) {
          s.setInt(1, limit);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              long run = r.getLong(3);
              raws.add(new Raw(r.getLong(1), r.getString(2), r.wasNull() ? null : run, r.getString(4), r.getString(5)));
            }
          }
        }
        List<OutboxRow> rows = new ArrayList<>();
        for (Raw raw : raws) {
          Optional<AiringRunRecord> run = Optional.empty();
          Optional<String> command = Optional.empty();
          OptionalLong commandSeq = OptionalLong.empty();
          if (raw.runId() != null) {
            run = SqliteAiringLog.run(c, raw.runId());
            if (run.isPresent()) {
              try (PreparedStatement s = c.prepareStatement("SELECT id, seq FROM hub_commands WHERE state <> 'refused'"
                  + " AND rule_key = ?")) {
                s.setString(1, run.get().plannedKey().ruleKey());
                try (ResultSet r = s.executeQuery()) {
                  if (r.next()) {
                    command = Optional.of(r.getString(1));
                    commandSeq = OptionalLong.of(r.getLong(2));
                  }
                }
              }
            }
          }
          rows.add(new OutboxRow(raw.seq(), OutboxRow.Kind.ofStored(raw.kind()), Optional.ofNullable(raw.body()), run,
              command, commandSeq, Database.instant(raw.createdAt())));
        }
        return rows;
      } catch (SQLException e) {
        throw new StoreException("reading the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void sent(long seq, Instant at) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "UPDATE outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL")) {
        s.setString(1, Database.text(at));
        s.setLong(2, seq);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void filed(Collection<Long> seqs, Instant at) {
    if (seqs.isEmpty()) {
      return;
    }
    synchronized (db) {
      Connection c = db.connection();
      try {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET filed_at = ?, sent_at = coalesce(sent_at, ?)"
            + " WHERE seq = ? AND filed_at IS NULL")) {
          String text = Database.text(at);
          for (long seq : seqs) {
            s.setString(1, text);
            s.setString(2, text);
            s.setLong(3, seq);
            s.addBatch();
          }
          s.executeBatch();
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      } catch (SQLException e) {
        throw new StoreException("writing the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public int resendUnfiled(Instant sentBefore) {
    synchronized (db) {
      // attempts > 0: filed by the hub after this station sent it, not a row marked done locally
      try (PreparedStatement s = db.connection().prepareStatement("UPDATE outbox SET sent_at = NULL"
          + " WHERE filed_at IS NULL AND sent_at IS NOT NULL AND sent_at < ?"
          + " AND seq >= (SELECT min(seq) FROM outbox WHERE filed_at IS NOT NULL AND attempts > 0)")) {
        s.setString(1, Database.bound(sentBefore));
        return s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void attempted(long seq) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?")) {
        s.setLong(1, seq);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  /** Rows sent or not that the hub has not filed yet. */
  public long unfiled() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("SELECT count(*) FROM outbox WHERE filed_at IS NULL");
          ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      } catch (SQLException e) {
        throw new StoreException("reading the hub outbox: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public long waiting() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND filed_at IS NULL");
          ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      } catch (SQLException e) {
        throw new StoreException("reading the hub outbox: " + e.getMessage(), e);
      }
    }
  }
}
