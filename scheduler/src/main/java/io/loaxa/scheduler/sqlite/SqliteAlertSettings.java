package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;
import io.loaxa.scheduler.supervision.AlertSettings;
import io.loaxa.scheduler.supervision.IncidentKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert recipients and repeat saved on the alerts page, in the station database
 * ({@code alert_settings}, {@code alert_recipients}); saved in one transaction, so a refused or
 * failed save leaves the previous choice whole.
 */
public final class SqliteAlertSettings implements AlertSettings.Store {
  private final Database db;

  public SqliteAlertSettings(Database db) {
    this.db = db;
  }

  @Override
  public Optional<AlertSettings.Saved> read() {
    synchronized (db) {
      Connection c = db.connection();
      try (Statement s = c.createStatement()) {
        Optional<Duration> repeat;
        String by;
        String at;
        try (ResultSet r = s.executeQuery("SELECT repeat_seconds, changed_by, changed_at FROM alert_settings WHERE id = 1")) {
          if (!r.next()) {
            return Optional.empty();
          }
          long seconds = r.getLong(1);
          repeat = r.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
          by = r.getString(2);
          at = r.getString(3);
        }
        List<AlertSettings.Recipient> recipients = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT name, phone, email, kinds FROM alert_recipients ORDER BY position")) {
          while (r.next()) {
            String kinds = r.getString(4);
            Set<IncidentKind> set = kinds.isEmpty() ? Set.of()
                : Arrays.stream(kinds.split(",")).map(IncidentKind::valueOf).collect(Collectors.toSet());
            recipients.add(new AlertSettings.Recipient(r.getString(1), Optional.ofNullable(r.getString(2)),
                Optional.ofNullable(r.getString(3)), set));
          }
        }
        return Optional.of(new AlertSettings.Saved(new AlertSettings.Choice(recipients, repeat), by, Database.instant(at)));
      } catch (SQLException e) {
        throw new StoreException("reading the alert settings: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void save(AlertSettings.Saved saved) {
    write(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM alert_recipients");
        s.executeUpdate("DELETE FROM alert_settings");
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO alert_settings (id, repeat_seconds, changed_by, changed_at) VALUES (1, ?, ?, ?)")) {
        if (saved.choice().repeat().isPresent()) {
          p.setLong(1, saved.choice().repeat().get().toSeconds());
        } else {
          p.setNull(1, java.sql.Types.INTEGER);
        }
        p.setString(2, saved.by());
        p.setString(3, Database.text(saved.at()));
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO alert_recipients (position, name, phone, email, kinds) VALUES (?, ?, ?, ?, ?)")) {
        int position = 0;
        for (AlertSettings.Recipient r : saved.choice().recipients()) {
          p.setInt(1, position++);
          p.setString(2, r.name());
          p.setString(3, r.phone().orElse(null));
          p.setString(4, r.email().orElse(null));
          p.setString(5, r.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
          p.executeUpdate();
        }
      }
    });
  }

  @Override
  public void clear() {
    write(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM alert_recipients");
        s.executeUpdate("DELETE FROM alert_settings");
      }
    });
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void write(Work work) {
    synchronized (db) {
      Connection c = db.connection();
      try {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          work.run(c);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      } catch (SQLException e) {
        throw new StoreException("saving the alert settings: " + e.getMessage(), e);
      }
    }
  }
}
