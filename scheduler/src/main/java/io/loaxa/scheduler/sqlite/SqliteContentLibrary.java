package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.ContentLibrary;
import io.loaxa.scheduler.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The content library's records in the station database, one row per file of the content folder. */
public final class SqliteContentLibrary implements ContentLibrary {
  private final Database db;

  public SqliteContentLibrary(Database db) {
    this.db = db;
  }

  @Override
  public void put(Item item) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "INSERT INTO content_items (path, bytes, length_ms, loudness_lufs, uploaded_by, uploaded_at, approval, decided_by,"
              + " decided_at, reason) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET bytes=excluded.bytes,"
              + " length_ms=excluded.length_ms, loudness_lufs=excluded.loudness_lufs, uploaded_by=excluded.uploaded_by,"
              + " uploaded_at=excluded.uploaded_at, approval=excluded.approval, decided_by=excluded.decided_by,"
              + " decided_at=excluded.decided_at, reason=excluded.reason")) {
        s.setString(1, item.path());
        s.setLong(2, item.bytes());
        s.setLong(3, item.length().toMillis());
        if (item.loudnessLufs().isPresent() && Double.isFinite(item.loudnessLufs().get())) {
          s.setDouble(4, item.loudnessLufs().get());
        } else {
          s.setNull(4, Types.REAL);
        }
        s.setString(5, item.uploadedBy());
        s.setString(6, Database.text(item.uploadedAt()));
        s.setString(7, item.approval().key());
        s.setString(8, item.decidedBy().orElse(null));
        s.setString(9, item.decidedAt().map(Database::text).orElse(null));
        s.setString(10, item.reason().orElse(null));
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing the content library: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<Item> find(String path) {
    return query("SELECT * FROM content_items WHERE path=?", path).stream().findFirst();
  }

  @Override
  public List<Item> all() {
    return query("SELECT * FROM content_items ORDER BY path", null);
  }

  @Override
  public boolean remove(String path) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement("DELETE FROM content_items WHERE path=?")) {
        s.setString(1, path);
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new StoreException("writing the content library: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public boolean decide(String path, Approval approval, String by, Instant at, Optional<String> reason) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "UPDATE content_items SET approval=?, decided_by=?, decided_at=?, reason=? WHERE path=?")) {
        s.setString(1, approval.key());
        s.setString(2, by);
        s.setString(3, Database.text(at));
        s.setString(4, reason.orElse(null));
        s.setString(5, path);
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new StoreException("writing the content library: " + e.getMessage(), e);
      }
    }
  }

  private List<Item> query(String sql, String path) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        if (path != null) {
          s.setString(1, path);
        }
        List<Item> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            double lufs = r.getDouble("loudness_lufs");
            Optional<Double> loudness = r.wasNull() ? Optional.empty() : Optional.of(lufs);
            out.add(new Item(r.getString("path"), r.getLong("bytes"), Duration.ofMillis(r.getLong("length_ms")), loudness,
                r.getString("uploaded_by"), Database.instant(r.getString("uploaded_at")),
                Approval.valueOf(r.getString("approval").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.getString("decided_by")),
                Optional.ofNullable(r.getString("decided_at")).map(Database::instant),
                Optional.ofNullable(r.getString("reason"))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading the content library: " + e.getMessage(), e);
      }
    }
  }
}
