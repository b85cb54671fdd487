package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;
import io.loaxa.scheduler.uplink.HubCommandStore;
import io.loaxa.scheduler.uplink.OutboxRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The hub's commands as the station received them (table {@code hub_commands}, migration V8), each change with its ack. */
public final class SqliteHubCommands implements HubCommandStore {
  private final Database db;
  private final Clock clock;

  public SqliteHubCommands(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  private interface Write {
    void run(Connection c) throws SQLException;
  }

  private void transaction(Write write) {
    synchronized (db) {
      Connection c = db.connection();
      try {
        c.setAutoCommit(false);
        try {
          write.run(c);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new StoreException("writing the hub commands: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public OptionalLong highestAccepted() {
    synchronized (db) {
      try {
        return highest(db.connection());
      } catch (SQLException e) {
        throw new StoreException("reading the hub commands: " + e.getMessage(), e);
      }
    }
  }

  private static OptionalLong highest(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT max(seq) FROM hub_commands WHERE state <> 'refused'");
        ResultSet r = s.executeQuery()) {
      r.next();
      long v = r.getLong(1);
      return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }
  }

  @Override
  public boolean accept(String id, long seq, String type, String payload, Instant at, String ackBody) {
    boolean[] accepted = {false};
    transaction(c -> {
      OptionalLong highest = highest(c);
      if (highest.isPresent() && seq <= highest.getAsLong()) {
        return;
      }
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM hub_commands WHERE id = ? AND state <> 'refused'")) {
        s.setString(1, id);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            return;
          }
        }
      }
      insert(c, Optional.of(id), OptionalLong.of(seq), Optional.of(type), "received", "", Optional.of(payload), at);
      SqliteOutbox.add(c, OutboxRow.Kind.ACK, ackBody, clock.instant());
      accepted[0] = true;
    });
    return accepted[0];
  }

  @Override
  public void refuse(Optional<String> id, OptionalLong seq, Optional<String> type, String reason, Instant at, String ackBody) {
    transaction(c -> {
      insert(c, id, seq, type, "refused", reason, Optional.empty(), at);
      SqliteOutbox.add(c, OutboxRow.Kind.ACK, ackBody, clock.instant());
    });
  }

  private static void insert(Connection c, Optional<String> id, OptionalLong seq, Optional<String> type, String state,
      String reason, Optional<String> payload, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO hub_commands (id, seq, type, received_at, state, reason,"
        + " payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id.orElse(null));
      if (seq.isPresent()) {
        s.setLong(2, seq.getAsLong());
      } else {
        s.setNull(2, Types.INTEGER);
      }
      s.setString(3, type.orElse(null));
      s.setString(4, Database.text(at));
      s.setString(5, state);
      s.setString(6, reason);
      s.setString(7, payload.orElse(null));
      s.executeUpdate();
    }
  }

  @Override
  public void state(String id, String state, Optional<String> ruleKey, String reason, Optional<String> ackBody) {
    transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE hub_commands SET state = ?, reason = ?,"
          + " rule_key = coalesce(?, rule_key) WHERE id = ? AND state <> 'refused'")) {
        s.setString(1, state);
        s.setString(2, reason);
        s.setString(3, ruleKey.orElse(null));
        s.setString(4, id);
        if (s.executeUpdate() != 1) {
          throw new IllegalStateException("no accepted hub command " + id);
        }
      }
      if (ackBody.isPresent()) {
        SqliteOutbox.add(c, OutboxRow.Kind.ACK, ackBody.get(), clock.instant());
      }
    });
  }

  @Override
  public java.util.List<Held> held() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("SELECT id, seq, payload, received_at FROM hub_commands"
          + " WHERE state = 'held' ORDER BY row")) {
        java.util.List<Held> out = new java.util.ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new Held(r.getString(1), r.getLong(2), r.getString(3), Database.instant(r.getString(4))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the held hub commands: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<String> ruleOf(String id) {
    return text("SELECT rule_key FROM hub_commands WHERE id = ? AND state <> 'refused'", id);
  }

  @Override
  public Optional<String> stateOf(String id) {
    return text("SELECT state FROM hub_commands WHERE id = ? AND state <> 'refused'", id);
  }

  @Override
  public java.util.List<Stored> unacted() {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("SELECT id, payload FROM hub_commands"
          + " WHERE state = 'received' AND rule_key IS NULL AND payload IS NOT NULL ORDER BY seq");
          ResultSet r = s.executeQuery()) {
        java.util.List<Stored> out = new java.util.ArrayList<>();
        while (r.next()) {
          out.add(new Stored(r.getString(1), r.getString(2)));
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the hub commands: " + e.getMessage(), e);
      }
    }
  }

  private Optional<String> text(String sql, String id) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        s.setString(1, id);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new StoreException("reading the hub commands: " + e.getMessage(), e);
      }
    }
  }
}
