package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.Programmes;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.SegmentText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Programmes in the station database; segments stored in their one-line text form. */
public final class SqliteProgrammes implements Programmes {
  private final Database db;
  private final Clock clock;

  public SqliteProgrammes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void put(Programme p) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "INSERT INTO programmes (key, title, category, priority, segments, late_tolerance, max_duration, updated_at,"
              + " after_preemption) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET title=excluded.title, category=excluded.category,"
              + " priority=excluded.priority, segments=excluded.segments, late_tolerance=excluded.late_tolerance,"
              + " max_duration=excluded.max_duration, updated_at=excluded.updated_at,"
              + " after_preemption=excluded.after_preemption")) {
        s.setString(1, p.key().value());
        s.setString(2, p.title());
        s.setString(3, p.category().key());
        s.setString(4, p.priority().name());
        s.setString(5, SegmentText.format(p.segments()));
        s.setString(6, p.lateTolerance().toString());
        s.setString(7, p.maxDuration().map(Duration::toString).orElse(null));
        s.setString(8, Database.text(clock.instant()));
        s.setString(9, p.afterPreemption().name());
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing programmes: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<Programme> find(ProgrammeKey key) {
    return query("SELECT * FROM programmes WHERE key=?", key.value()).stream().findFirst();
  }

  @Override
  public List<Programme> all() {
    return query("SELECT * FROM programmes ORDER BY key");
  }

  private List<Programme> query(String sql, String... args) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setString(i + 1, args[i]);
        }
        List<Programme> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String max = r.getString("max_duration");
            List<io.loaxa.schedules.Segment> segments = SegmentText.parse(r.getString("segments"));
            String policy = r.getString("after_preemption");
            out.add(new Programme(
                new ProgrammeKey(r.getString("key")),
                r.getString("title"),
                new Category(r.getString("category")),
                Priority.valueOf(r.getString("priority")),
                segments,
                Duration.parse(r.getString("late_tolerance")),
                Optional.ofNullable(max).map(Duration::parse),
                Optional.empty(), Optional.empty(),
                AfterPreemption.parse(policy).orElse(AfterPreemption.defaultFor(segments))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading programmes: " + e.getMessage(), e);
      }
    }
  }
}
