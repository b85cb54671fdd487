package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;
import io.loaxa.scheduler.accounts.Account;
import io.loaxa.scheduler.accounts.Accounts;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.accounts.AuditLog;
import io.loaxa.scheduler.accounts.Role;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts and the append-only audit log in the station database. */
public final class SqliteAccounts implements Accounts, AuditLog {
  private final Database db;
  private final Clock clock;

  public SqliteAccounts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean add(Account a) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?,?,?,?) ON CONFLICT(name) DO NOTHING")) {
        s.setString(1, a.name());
        s.setString(2, a.role().configName());
        s.setString(3, a.passwordHash());
        s.setString(4, Database.text(a.createdAt()));
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new StoreException("writing accounts: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<Account> find(String name) {
    return query("SELECT * FROM accounts WHERE name=?", name).stream().findFirst();
  }

  @Override
  public List<Account> all() {
    return query("SELECT * FROM accounts ORDER BY name", null);
  }

  @Override
  public boolean remove(String name) {
    return update("DELETE FROM accounts WHERE name=?", name, null);
  }

  @Override
  public boolean setPasswordHash(String name, String hash) {
    return update("UPDATE accounts SET password_hash=? WHERE name=?", hash, name);
  }

  private boolean update(String sql, String a, String b) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        s.setString(1, a);
        if (b != null) {
          s.setString(2, b);
        }
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new StoreException("writing accounts: " + e.getMessage(), e);
      }
    }
  }

  private List<Account> query(String sql, String name) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        if (name != null) {
          s.setString(1, name);
        }
        List<Account> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new Account(r.getString("name"), Role.parse(r.getString("role")), r.getString("password_hash"),
                Database.instant(r.getString("created_at"))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading accounts: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void record(String who, String address, String action, String before, String after, boolean allowed) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "INSERT INTO audit_log (at, who, address, action, before, after, allowed) VALUES (?,?,?,?,?,?,?)")) {
        s.setString(1, Database.text(clock.instant()));
        s.setString(2, nz(who));
        s.setString(3, nz(address));
        s.setString(4, nz(action));
        s.setString(5, nz(before));
        s.setString(6, nz(after));
        s.setInt(7, allowed ? 1 : 0);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the audit log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<AuditEntry> between(Instant from, Instant to) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY id")) {
        s.setString(1, Database.text(from));
        s.setString(2, Database.text(to));
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new AuditEntry(r.getLong("id"), Database.instant(r.getString("at")), r.getString("who"),
                r.getString("address"), r.getString("action"), r.getString("before"), r.getString("after"),
                r.getInt("allowed") == 1));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the audit log: " + e.getMessage(), e);
      }
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
