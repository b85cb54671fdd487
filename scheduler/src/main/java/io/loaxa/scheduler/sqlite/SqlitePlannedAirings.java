package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.schedules.FollowUp;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.ZoneSelection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Planned airings in the station database. */
public final class SqlitePlannedAirings implements PlannedAirings {
  private final Database db;
  private final Clock clock;

  public SqlitePlannedAirings(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean add(PlannedAiring airing) {
    return add(airing, "manual");
  }

  /** Adds the airing as made by {@code origin} ({@code schedule} for the planner); an existing key is left as it is. */
  boolean add(PlannedAiring airing, String origin) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(
          "INSERT OR IGNORE INTO planned_airings (key, programme_key, starts_at, zones, priority, created_at, topic, note, origin,"
              + " follow_up_of, follow_up_kind, follow_up_programme, follow_up_number) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        s.setString(1, airing.key().value());
        s.setString(2, airing.programme().value());
        s.setString(3, Database.text(airing.startsAt()));
        s.setString(4, airing.zones().toString());
        s.setString(5, airing.priority().name());
        s.setString(6, Database.text(clock.instant()));
        s.setString(7, airing.topic().orElse(null));
        s.setString(8, airing.note().orElse(null));
        s.setString(9, origin);
        Optional<FollowUp> f = airing.followUp();
        s.setString(10, f.map(x -> x.of().value()).orElse(null));
        s.setString(11, f.map(x -> x.kind().name()).orElse(null));
        s.setString(12, f.map(x -> x.programme().value()).orElse(null));
        if (f.isPresent()) {
          s.setInt(13, f.get().number());
        } else {
          s.setNull(13, java.sql.Types.INTEGER);
        }
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new StoreException("writing planned airings: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<PlannedAiring> find(PlannedAiringKey key) {
    List<PlannedAiring> found = query("SELECT * FROM planned_airings WHERE key=?", key.value());
    return found.stream().findFirst();
  }

  @Override
  public List<PlannedAiring> between(Instant from, Instant to) {
    return query("SELECT * FROM planned_airings WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, key",
        Database.text(from), Database.text(to));
  }

  @Override
  public List<PlannedAiring> withoutRunBefore(Instant before) {
    return query("SELECT p.* FROM planned_airings p WHERE p.starts_at < ?"
        + " AND NOT EXISTS (SELECT 1 FROM airing_runs r WHERE r.planned_key = p.key) ORDER BY p.starts_at, p.key",
        Database.text(before));
  }

  @Override
  public List<PlannedAiring> withoutRunOfRule(String ruleKey) {
    return query("SELECT p.* FROM planned_airings p WHERE substr(p.key, 1, ?) = ?"
        + " AND NOT EXISTS (SELECT 1 FROM airing_runs r WHERE r.planned_key = p.key) ORDER BY p.starts_at, p.key",
        String.valueOf(ruleKey.length() + 1), ruleKey + "@");
  }

  private static Optional<FollowUp> followUp(ResultSet r) throws SQLException {
    String of = r.getString("follow_up_of");
    if (of == null) {
      return Optional.empty();
    }
    return Optional.of(new FollowUp(new PlannedAiringKey(of), FollowUp.Kind.valueOf(r.getString("follow_up_kind")),
        new ProgrammeKey(r.getString("follow_up_programme")), r.getInt("follow_up_number")));
  }

  private List<PlannedAiring> query(String sql, String... args) {
    synchronized (db) {
      try (PreparedStatement s = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setString(i + 1, args[i]);
        }
        List<PlannedAiring> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new PlannedAiring(
                new PlannedAiringKey(r.getString("key")),
                new ProgrammeKey(r.getString("programme_key")),
                Database.instant(r.getString("starts_at")),
                ZoneSelection.parse(r.getString("zones")),
                Priority.valueOf(r.getString("priority")),
                Optional.ofNullable(r.getString("topic")),
                Optional.ofNullable(r.getString("note")),
                followUp(r)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StoreException("reading planned airings: " + e.getMessage(), e);
      }
    }
  }
}
