package io.loaxa.hub.postgres;

import io.loaxa.hub.Command;
import io.loaxa.hub.CommandState;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.HubStoreException;
import io.loaxa.hub.Push;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.StationMessage;
import io.loaxa.hub.StationStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.loaxa.hub.json.HubJson;
import javax.sql.DataSource;

/** The hub's store on PostgreSQL. Station lists and zone lists travel as JSON text into {@code jsonb}. */
public final class PostgresHubStore implements HubStore {
  private final HubDatabase database;
  private final DataSource ds;

  public PostgresHubStore(HubDatabase database) {
    this.database = database;
    this.ds = database.dataSource();
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) throws HubStoreException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new HubStoreException(what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof SQLException s) {
        throw new HubStoreException(what + ": " + s.getMessage(), s);
      }
      throw e;
    }
  }

  // ---- ingest -------------------------------------------------------------------------------------

  @Override
  public int file(List<StationMessage> batch, Instant receivedAt) throws HubStoreException {
    if (batch.isEmpty()) {
      return 0;
    }
    return inTransaction("filing " + batch.size() + " station messages", c -> {
      int newRuns = 0;
      Timestamp now = ts(receivedAt);
      try (PreparedStatement touch = c.prepareStatement("insert into station (station, first_seen, last_seen, max_outbox_seq) "
              + "values (?, ?, ?, ?) on conflict (station) do update set last_seen = greatest(station.last_seen, excluded.last_seen), "
              + "max_outbox_seq = greatest(station.max_outbox_seq, excluded.max_outbox_seq)");
           PreparedStatement run = c.prepareStatement("insert into run (station, run_id, outbox_seq, planned_key, programme, title, "
              + "category, priority, trigger, planned_at, started_at, ended_at, zones_requested, zones_confirmed, zones_unconfirmed, "
              + "zones_failed, content, outcome, reason, hub_command, received_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
              + "on conflict (station, run_id) do nothing")) {
        // one touch per station of the batch, before anything refers to it; in key order, as a push
        // takes its stations' rows, so the two never wait on each other in a cycle
        java.util.Map<String, Long> highest = new java.util.TreeMap<>();
        for (StationMessage m : batch) {
          highest.merge(m.station().value(), m.outboxSeq(), Math::max);
        }
        for (var e : highest.entrySet()) {
          touch.setString(1, e.getKey());
          touch.setTimestamp(2, now);
          touch.setTimestamp(3, now);
          touch.setLong(4, e.getValue());
          touch.addBatch();
        }
        touch.executeBatch();
        int runs = 0;
        for (StationMessage m : batch) {
          if (m instanceof StationMessage.Run r) {
            run(c, run, r, now);
            run.addBatch();
            runs++;
          } else if (m instanceof StationMessage.Health h) {
            health(c, h, now);
          } else if (m instanceof StationMessage.Ack a) {
            ack(c, a, now);
          } else if (m instanceof StationMessage.Online o) {
            online(c, o, now);
          }
        }
        if (runs > 0) {
          for (int n : run.executeBatch()) {
            newRuns += n > 0 ? 1 : 0;
          }
        }
      }
      return newRuns;
    });
  }

  private static void run(Connection c, PreparedStatement s, StationMessage.Run r, Timestamp now) throws SQLException {
    int i = 1;
    s.setString(i++, r.station().value());
    s.setLong(i++, r.runId());
    s.setLong(i++, r.outboxSeq());
    s.setString(i++, r.plannedKey());
    s.setString(i++, r.programme());
    s.setString(i++, r.title());
    s.setString(i++, r.category());
    s.setString(i++, r.priority());
    s.setString(i++, r.trigger());
    s.setTimestamp(i++, ts(r.plannedAt()));
    s.setTimestamp(i++, r.startedAt().map(PostgresHubStore::ts).orElse(null));
    s.setTimestamp(i++, r.endedAt().map(PostgresHubStore::ts).orElse(null));
    s.setArray(i++, texts(c, r.zonesRequested()));
    s.setArray(i++, texts(c, r.zonesConfirmed()));
    s.setArray(i++, texts(c, r.zonesUnconfirmed()));
    s.setArray(i++, texts(c, r.zonesFailed()));
    s.setString(i++, r.content());
    s.setString(i++, r.outcome().orElse(null));
    s.setString(i++, r.reason());
    s.setString(i++, r.hubCommand().orElse(null));
    s.setTimestamp(i, now);
  }

  private static void health(Connection c, StationMessage.Health h, Timestamp now) throws SQLException {
    int stored;
    try (PreparedStatement s = c.prepareStatement("insert into health (station, outbox_seq, at, received_at, body) "
        + "values (?, ?, ?, ?, ?::jsonb) on conflict do nothing")) {
      s.setString(1, h.station().value());
      s.setLong(2, h.outboxSeq());
      s.setTimestamp(3, ts(h.at()));
      s.setTimestamp(4, now);
      s.setString(5, h.body());
      stored = s.executeUpdate();
    }
    if (stored == 0) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("update station set name = ?, commune = ?, version = ?, zones = ?::jsonb, "
        + "health_at = ?, boards_ok = ?, sound_card_ok = ?, clock_trusted = ?, disk_free_mb = ?, open_incidents = ? "
        + "where station = ? and (health_at is null or health_at <= ?)")) {
      s.setString(1, h.name());
      s.setString(2, h.commune());
      s.setString(3, h.version());
      s.setString(4, HubJson.zones(h.zones()));
      s.setTimestamp(5, ts(h.at()));
      s.setBoolean(6, h.boardsOk());
      s.setBoolean(7, h.soundCardOk());
      s.setBoolean(8, h.clockTrusted());
      s.setLong(9, h.diskFreeMb());
      s.setInt(10, h.openIncidents());
      s.setString(11, h.station().value());
      s.setTimestamp(12, ts(h.at()));
      s.executeUpdate();
    }
  }

  private static void ack(Connection c, StationMessage.Ack a, Timestamp now) throws SQLException {
    int stored;
    try (PreparedStatement s = c.prepareStatement("insert into ack (station, outbox_seq, command, seq, state, run_id, outcome, "
        + "reason, at, received_at) values (?,?,?,?,?,?,?,?,?,?) on conflict do nothing")) {
      s.setString(1, a.station().value());
      s.setLong(2, a.outboxSeq());
      s.setString(3, a.command());
      s.setLong(4, a.seq());
      s.setString(5, a.state().wire());
      setLong(s, 6, a.runId());
      s.setString(7, a.outcome().orElse(null));
      s.setString(8, a.reason());
      s.setTimestamp(9, ts(a.at()));
      s.setTimestamp(10, now);
      stored = s.executeUpdate();
    }
    Optional<UUID> id = uuid(a.command());
    if (stored == 0 || id.isEmpty()) {
      return;
    }
    CommandState current;
    try (PreparedStatement s = c.prepareStatement("select state from command where command = ? and station = ? for update")) {
      s.setObject(1, id.get());
      s.setString(2, a.station().value());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        current = CommandState.parse(rs.getString(1));
      }
    }
    boolean forward = a.state().rank() > current.rank();
    boolean airing = a.state() == CommandState.AIRED || a.state() == CommandState.FAILED;
    try (PreparedStatement s = c.prepareStatement("update command set "
        + "state = case when ? then ? else state end, state_at = case when ? then ? else state_at end, "
        + "received_at = coalesce(received_at, ?), "
        + "aired_at = case when ? then coalesce(aired_at, ?) else aired_at end, "
        + "run_id = coalesce(?, run_id), outcome = coalesce(?, outcome), "
        + "reason = case when ? <> '' then ? else reason end where command = ?")) {
      int i = 1;
      s.setBoolean(i++, forward);
      s.setString(i++, a.state().wire());
      s.setBoolean(i++, forward);
      s.setTimestamp(i++, now);
      s.setTimestamp(i++, ts(a.at()));
      s.setBoolean(i++, airing);
      s.setTimestamp(i++, ts(a.at()));
      setLong(s, i++, a.runId());
      s.setString(i++, a.outcome().orElse(null));
      s.setString(i++, a.reason());
      s.setString(i++, a.reason());
      s.setObject(i, id.get());
      s.executeUpdate();
    }
  }

  private static void online(Connection c, StationMessage.Online o, Timestamp now) throws SQLException {
    // the hub's clock, not the station's: the will carries the time the station connected
    try (PreparedStatement s = c.prepareStatement("update station set online_at = case when online is distinct from ? "
        + "then ? else online_at end, online = ? where station = ?")) {
      s.setBoolean(1, o.online());
      s.setTimestamp(2, now);
      s.setBoolean(3, o.online());
      s.setString(4, o.station().value());
      s.executeUpdate();
    }
  }

  // ---- stations -----------------------------------------------------------------------------------

  @Override
  public List<StationStatus> stations() throws HubStoreException {
    return inTransaction("reading the stations", c -> {
      List<StationStatus> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("select station, name, commune, version, zones::text, first_seen, last_seen, "
          + "online, online_at, health_at, boards_ok, sound_card_ok, clock_trusted, disk_free_mb, open_incidents "
          + "from station order by commune, station");
           ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new StationStatus(new StationKey(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
              HubJson.readZones(rs.getString(5)), instant(rs, 6).orElseThrow(), instant(rs, 7).orElseThrow(),
              bool(rs, 8), instant(rs, 9), instant(rs, 10), bool(rs, 11), bool(rs, 12), bool(rs, 13),
              Optional.ofNullable((Long) rs.getObject(14)), Optional.ofNullable((Integer) rs.getObject(15))));
        }
      }
      return out;
    });
  }

  // ---- pushes and commands ------------------------------------------------------------------------

  @Override
  public List<Command> queue(Push push, List<Command.Draft> drafts, Signer signer) throws HubStoreException {
    return inTransaction("queueing push " + push.id(), c -> {
      try (PreparedStatement s = c.prepareStatement("insert into push (push, type, priority, title, category, targets, "
          + "issued_at, expires_at, issued_by) values (?,?,?,?,?,?::jsonb,?,?,?) on conflict do nothing")) {
        s.setObject(1, UUID.fromString(push.id()));
        s.setString(2, push.type().wire());
        s.setString(3, push.priority());
        s.setString(4, push.title());
        s.setString(5, push.category());
        s.setString(6, HubJson.targets(push.targets()));
        s.setTimestamp(7, ts(push.issuedAt()));
        s.setTimestamp(8, ts(push.expiresAt()));
        s.setString(9, push.issuedBy());
        s.executeUpdate();
      }
      List<Command.Draft> inOrder = new ArrayList<>(drafts);
      inOrder.sort(java.util.Comparator.comparing(d -> d.station().value()));
      java.util.Map<String, Long> seqs = nextSeqs(c, inOrder);
      List<String> ids = new ArrayList<>();
      try (PreparedStatement insert = c.prepareStatement("insert into command (command, push, station, seq, type, zones, "
              + "issued_at, expires_at, envelope, state, state_at) values (?,?,?,?,?,?::jsonb,?,?,?,'queued',?)")) {
        for (Command.Draft d : inOrder) {
          long seq = seqs.get(d.station().value());
          insert.setObject(1, UUID.fromString(d.id()));
          insert.setObject(2, UUID.fromString(d.push()));
          insert.setString(3, d.station().value());
          insert.setLong(4, seq);
          insert.setString(5, d.type().wire());
          insert.setString(6, HubJson.texts(d.zones()));
          insert.setTimestamp(7, ts(d.issuedAt()));
          insert.setTimestamp(8, ts(d.expiresAt()));
          insert.setString(9, signer.envelope(d, seq));
          insert.setTimestamp(10, ts(d.issuedAt()));
          insert.addBatch();
          ids.add(d.id());
        }
        insert.executeBatch();
      }
      return select(c, "where command = any(?::uuid[]) order by station", texts(c, ids));
    });
  }

  /**
   * The next command seq of every station of {@code drafts} (one draft per station), taken in one
   * statement: the station rows are locked in key order, as ingest touches them, so the two never
   * wait on each other in a cycle.
   */
  private static java.util.Map<String, Long> nextSeqs(Connection c, List<Command.Draft> drafts) throws SQLException {
    List<String> stations = drafts.stream().map(d -> d.station().value()).toList();
    if (new java.util.HashSet<>(stations).size() != stations.size()) {
      throw new IllegalArgumentException("a push has one command per station");
    }
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    try (PreparedStatement next = c.prepareStatement("with locked as (select station from station where station = any(?) "
        + "order by station for update) update station s set last_command_seq = s.last_command_seq + 1 from locked "
        + "where s.station = locked.station returning s.station, s.last_command_seq")) {
      next.setArray(1, texts(c, stations));
      try (ResultSet rs = next.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    for (String station : stations) {
      if (!out.containsKey(station)) {
        throw new SQLException("no station " + station);
      }
    }
    return out;
  }

  @Override
  public List<Command> unsent(int limit) throws HubStoreException {
    return inTransaction("reading unsent commands", c -> select(c, "where state = 'queued' order by issued_at, seq limit " + limit, null));
  }

  @Override
  public void markSent(List<String> commands, Instant at) throws HubStoreException {
    inTransaction("marking commands sent", c -> {
      try (PreparedStatement s = c.prepareStatement("update command set state = 'sent', state_at = ?, sent_at = ? "
          + "where command = any(?::uuid[]) and state = 'queued'")) {
        s.setTimestamp(1, ts(at));
        s.setTimestamp(2, ts(at));
        s.setArray(3, texts(c, commands));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<Push> push(String push) throws HubStoreException {
    Optional<UUID> id = uuid(push);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return inTransaction("reading push " + push, c -> pushes(c, "where push = ?", id.get()).stream().findFirst());
  }

  @Override
  public List<Push> pushes(int limit) throws HubStoreException {
    return inTransaction("reading pushes", c -> pushes(c, "order by issued_at desc limit " + limit, null));
  }

  @Override
  public List<Command> commands(String push) throws HubStoreException {
    Optional<UUID> id = uuid(push);
    if (id.isEmpty()) {
      return List.of();
    }
    return inTransaction("reading commands of " + push, c -> select(c, "where push = ? order by station, seq", id.get()));
  }

  @Override
  public void cancelled(String push, Instant at) throws HubStoreException {
    inTransaction("cancelling push " + push, c -> {
      try (PreparedStatement s = c.prepareStatement("update push set cancelled_at = coalesce(cancelled_at, ?) where push = ?")) {
        s.setTimestamp(1, ts(at));
        s.setObject(2, UUID.fromString(push));
        return s.executeUpdate();
      }
    });
  }

  private static List<Push> pushes(Connection c, String where, Object arg) throws SQLException {
    List<Push> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select push, type, priority, title, category, targets::text, issued_at, "
        + "expires_at, issued_by, cancelled_at from push " + where)) {
      if (arg != null) {
        s.setObject(1, arg);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Push(rs.getString(1), Command.Type.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
              rs.getString(3), rs.getString(4), rs.getString(5), HubJson.readTargets(rs.getString(6)),
              instant(rs, 7).orElseThrow(), instant(rs, 8).orElseThrow(), rs.getString(9), instant(rs, 10)));
        }
      }
    }
    return out;
  }

  private static List<Command> select(Connection c, String where, Object arg) throws SQLException {
    List<Command> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select command, push, station, seq, type, zones::text, issued_at, expires_at, "
        + "envelope, state, state_at, sent_at, received_at, aired_at, run_id, outcome, reason from command " + where)) {
      if (arg instanceof Array a) {
        s.setArray(1, a);
      } else if (arg != null) {
        s.setObject(1, arg);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Command(rs.getString(1), rs.getString(2), new StationKey(rs.getString(3)), rs.getLong(4),
              Command.Type.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)), HubJson.readTexts(rs.getString(6)),
              instant(rs, 7).orElseThrow(), instant(rs, 8).orElseThrow(), rs.getString(9), CommandState.parse(rs.getString(10)),
              instant(rs, 11).orElseThrow(), instant(rs, 12), instant(rs, 13), instant(rs, 14),
              Optional.ofNullable((Long) rs.getObject(15)), Optional.ofNullable(rs.getString(16)), rs.getString(17)));
        }
      }
    }
    return out;
  }

  // ---- values ---------------------------------------------------------------------------------------

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  private static Optional<Boolean> bool(ResultSet rs, int column) throws SQLException {
    boolean b = rs.getBoolean(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(b);
  }

  private static void setLong(PreparedStatement s, int i, Optional<Long> v) throws SQLException {
    if (v.isPresent()) {
      s.setLong(i, v.get());
    } else {
      s.setNull(i, Types.BIGINT);
    }
  }

  private static Array texts(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
