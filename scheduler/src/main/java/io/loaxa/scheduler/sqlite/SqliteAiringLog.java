package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.OnAir;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.LogFilter;
import io.loaxa.scheduler.LogPage;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.ReportedRun;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The airing log in the station database: written and read through the station's one connection,
 * or ({@link #reading}) read only, through a few reading connections beside it.
 */
public final class SqliteAiringLog implements AiringLog {
  private static final String UNIQUE_VIOLATION = "UNIQUE constraint failed";
  private final Database db;
  private final Reads reads;
  private final Clock clock;
  private volatile boolean outbox;

  /** How this log reads: on the writing connection under its lock, or on a reading connection. */
  private interface Reads {
    <T> T read(ReadConnections.Read<T> work) throws SQLException;
  }

  /** The log written and read through the station's connection, under the database's lock. */
  public SqliteAiringLog(Database db, Clock clock) {
    this(db, new Reads() {
      @Override
      public <T> T read(ReadConnections.Read<T> work) throws SQLException {
        synchronized (db) {
          return work.apply(db.connection());
        }
      }
    }, clock);
  }

  private SqliteAiringLog(Database db, Reads reads, Clock clock) {
    this.db = db;
    this.reads = reads;
    this.clock = clock;
  }

  /**
   * The log read only, through {@code readers}: its reads never wait for the airing runner's writes
   * nor hold them up; writing through it is a bug ({@link IllegalStateException}).
   */
  public static SqliteAiringLog reading(ReadConnections readers, Clock clock) {
    return new SqliteAiringLog(null, new Reads() {
      @Override
      public <T> T read(ReadConnections.Read<T> work) {
        return readers.read(work);
      }
    }, clock);
  }

  /** The database to write to; refused on a log that only reads. */
  private Database writer() {
    if (db == null) {
      throw new IllegalStateException("this airing log only reads");
    }
    return db;
  }

  /**
   * From now on every run that ends also gets its row in the hub outbox, written in the transaction
   * that ends it, so no ended run is ever without its row (the station has a {@code hub:} block).
   */
  public void feedOutbox() {
    outbox = true;
  }

  /** Ends a run in one transaction with its outbox rows, when the station has a hub. */
  private interface Write {
    void run() throws SQLException;
  }

  private void ending(Write write, long id, java.util.function.LongSupplier ended, Optional<Outcome> outcome)
      throws SQLException {
    Database db = writer();
    if (!outbox) {
      write.run();
      return;
    }
    Connection c = db.connection();
    c.setAutoCommit(false);
    try {
      write.run();
      SqliteOutbox.runEnded(c, ended.getAsLong(), clock.instant(), outcome);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public long begin(RunStart start) {
    synchronized (writer()) {
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
    Connection c = writer().connection();
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
    synchronized (writer()) {
      try {
        ending(() -> update(id, end), id, () -> id, Optional.of(end.outcome()));
      } catch (SQLException e) {
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  private void update(long id, RunEnd end) throws SQLException {
    {
      try (PreparedStatement s = writer().connection().prepareStatement(
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
      }
    }
  }

  @Override
  public long record(RunStart start, RunEnd end) {
    synchronized (writer()) {
      try {
        long[] id = {-1};
        ending(() -> id[0] = insert(start, end.endedAt(), end), -1, () -> id[0], Optional.of(end.outcome()));
        return id[0];
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
    return read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM airing_runs WHERE planned_key=?")) {
        s.setString(1, plannedKey.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next();
        }
      }
    });
  }

  private <T> T read(ReadConnections.Read<T> work) {
    try {
      return reads.read(work);
    } catch (SQLException e) {
      throw new StoreException("reading the airing log: " + e.getMessage(), e);
    }
  }

  @Override
  public void onAir(long id, OnAir journal) {
    synchronized (writer()) {
      try (PreparedStatement s = writer().connection().prepareStatement(
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
    synchronized (writer()) {
      Connection c = writer().connection();
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
          Instant endedAt = ended;
          String why = reason;
          ending(() -> {
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE airing_runs SET outcome='INTERRUPTED', ended_at=?, reason=? WHERE id=? AND outcome IS NULL")) {
              s.setString(1, Database.text(endedAt));
              s.setString(2, why);
              s.setLong(3, o.id());
              s.executeUpdate();
            }
          }, o.id(), o::id, Optional.of(Outcome.INTERRUPTED));
        }
        return open.size();
      } catch (SQLException e) {
        throw new StoreException("writing the airing log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<Instant> latest() {
    return read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT max(max(created_at, coalesce(ended_at, created_at))) FROM airing_runs");
          ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)).map(Database::instant) : Optional.empty();
      }
    });
  }

  /** The columns {@link #forEachRun} reads, in the order {@code row} takes them by index. */
  private static final String RUN_COLUMNS = "id, planned_key, programme_key, title, category, priority, trigger,"
      + " planned_at, started_at, ended_at, zones_requested, zones_confirmed, zones_unconfirmed, zones_failed,"
      + " content, outcome, reason";

  @Override
  public void forEachRun(Instant from, Instant to, Consumer<AiringRunRecord> sink) {
    read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + RUN_COLUMNS + " FROM airing_runs WHERE planned_at >= ? AND planned_at < ? ORDER BY planned_at, id")) {
        s.setString(1, Database.bound(from));
        s.setString(2, Database.bound(to));
        s.setFetchSize(500);
        Decoded<List<String>> zones = Decoded.zoneLists();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            sink.accept(row(r, zones));
          }
        }
      }
      return null;
    });
  }

  /**
   * The filter, the count and the page in SQL: {@code category} and the period by the index on
   * {@code (category, planned_at)} (or the one on {@code planned_at}), the zone as one of the
   * comma-separated zones requested, the outcomes as a list; both statements in one read, so the
   * total and the page agree.
   */
  @Override
  public LogPage page(Instant from, Instant to, LogFilter filter, long skip, int size) {
    LogPage.checkWindow(skip, size);
    StringBuilder where = new StringBuilder(" FROM airing_runs WHERE planned_at >= ? AND planned_at < ?");
    List<String> args = new ArrayList<>(List.of(Database.bound(from), Database.bound(to)));
    filter.category().ifPresent(category -> {
      where.append(" AND category = ?");
      args.add(category);
    });
    filter.zone().ifPresent(zone -> {
      // instr, not LIKE: a key's '_' or '%' must not match as a pattern
      where.append(" AND instr(',' || zones_requested || ',', ?) > 0");
      args.add("," + zone + ",");
    });
    if (!filter.outcomes().isEmpty()) {
      where.append(" AND outcome IN (").append(String.join(",", java.util.Collections.nCopies(filter.outcomes().size(), "?")))
          .append(")");
      filter.outcomes().stream().map(Outcome::name).sorted().forEach(args::add);
    }
    return read(c -> {
      long total;
      try (PreparedStatement s = c.prepareStatement("SELECT count(*)" + where)) {
        bind(s, args);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          total = r.getLong(1);
        }
      }
      List<AiringRunRecord> runs = new ArrayList<>();
      if (skip < total) {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + where
            + " ORDER BY planned_at, id LIMIT ? OFFSET ?")) {
          int n = bind(s, args);
          s.setInt(n + 1, size);
          s.setLong(n + 2, skip);
          Decoded<List<String>> zones = Decoded.zoneLists();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              runs.add(row(r, zones));
            }
          }
        }
      }
      return new LogPage(total, runs);
    });
  }

  private static int bind(PreparedStatement s, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      s.setString(i + 1, args.get(i));
    }
    return args.size();
  }

  /** The run {@code id} as the log has it now, on the caller's connection (inside its lock). */
  static Optional<AiringRunRecord> run(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM airing_runs WHERE id=?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row(r, Decoded.zoneLists())) : Optional.empty();
      }
    }
  }

  /**
   * The columns {@link #forEachReportedRun} reads: what a report adds up, and the reason and zones
   * requested only of the runs that did not air (the report lists those one by one).
   */
  private static final String REPORTED_COLUMNS = "id, title, category, planned_at, started_at, ended_at, outcome,"
      + " zones_confirmed, zones_unconfirmed,"
      + " CASE WHEN outcome IN ('COMPLETED', 'PARTIAL') THEN NULL ELSE zones_requested END,"
      + " CASE WHEN outcome IN ('COMPLETED', 'PARTIAL') THEN NULL ELSE reason END";

  @Override
  public void forEachReportedRun(Instant from, Instant to, Consumer<ReportedRun> sink) {
    read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + REPORTED_COLUMNS
          + " FROM airing_runs WHERE planned_at >= ? AND planned_at < ? ORDER BY planned_at, id")) {
        s.setString(1, Database.bound(from));
        s.setString(2, Database.bound(to));
        s.setFetchSize(500);
        Decoded<String> words = new Decoded<>(text -> text, null);
        Decoded<List<String>> zones = Decoded.zoneLists();
        Decoded<Optional<Outcome>> outcomes = new Decoded<>(text -> Optional.of(Outcome.valueOf(text)), Optional.empty());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            byte[] started = r.getBytes(5);
            byte[] ended = r.getBytes(6);
            String reason = r.getString(11);
            sink.accept(new ReportedRun(
                r.getLong(1),
                words.of(r.getBytes(2)),
                words.of(r.getBytes(3)),
                Database.instant(r.getBytes(4)),
                started == null ? Optional.empty() : Optional.of(Database.instant(started)),
                ended == null ? Optional.empty() : Optional.of(Database.instant(ended)),
                zones.of(r.getBytes(10)),
                zones.of(r.getBytes(8)),
                zones.of(r.getBytes(9)),
                outcomes.of(r.getBytes(7)),
                reason == null ? "" : reason));
          }
        }
      }
      return null;
    });
  }

  private static AiringRunRecord row(ResultSet r, Decoded<List<String>> zones) throws SQLException {
    String started = r.getString(9);
    String ended = r.getString(10);
    String outcome = r.getString(16);
    return new AiringRunRecord(
        r.getLong(1),
        new PlannedAiringKey(r.getString(2)),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        Trigger.valueOf(r.getString(7)),
        Database.instant(r.getString(8)),
        started == null ? Optional.empty() : Optional.of(Database.instant(started)),
        ended == null ? Optional.empty() : Optional.of(Database.instant(ended)),
        zones.of(r.getBytes(11)),
        zones.of(r.getBytes(12)),
        zones.of(r.getBytes(13)),
        zones.of(r.getBytes(14)),
        r.getString(15),
        outcome == null ? Optional.empty() : Optional.of(Outcome.valueOf(outcome)),
        r.getString(17));
  }

  /**
   * Titles, categories, outcomes and zone lists of one pass, each distinct value decoded once: read
   * as the UTF-8 bytes the file stores and turned into a string (or split into a list) only the first
   * time, so later rows get the same object and the report hashes it once instead of once a row. A
   * year repeats a few hundred titles and some ten thousand zone lists; the map grows with what it
   * sees up to {@link #MAX} values, past which the rest are decoded every time.
   */
  private static final class Decoded<T> {
    static final int MAX = 1 << 15;
    private final Map<Utf8, T> known = new HashMap<>();
    private final java.util.function.Function<String, T> decode;
    private final T none;

    /** {@code none}: what an SQL NULL or an empty text reads as. */
    Decoded(java.util.function.Function<String, T> decode, T none) {
      this.decode = decode;
      this.none = none;
    }

    /**
     * Comma-separated zone lists, split once each: a station's runs name the same few sets of
     * hamlets over and over (every hamlet, or a handful), not a new list a row. Empty or NULL is no zone.
     */
    static Decoded<List<String>> zoneLists() {
      return new Decoded<>(text -> Collections.unmodifiableList(Arrays.asList(text.split(","))), List.of());
    }

    T of(byte[] bytes) {
      if (bytes == null || (bytes.length == 0 && none != null)) {
        return none;
      }
      Utf8 key = new Utf8(bytes);
      T value = known.get(key);
      if (value == null) {
        value = decode.apply(new String(bytes, StandardCharsets.UTF_8));
        if (known.size() < MAX) {
          known.put(key, value);
        }
      }
      return value;
    }
  }

  /** A text's stored bytes as a map key. */
  private static final class Utf8 {
    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final byte[] bytes;
    private final int hash;

    Utf8(byte[] bytes) {
      this.bytes = bytes;
      this.hash = hash(bytes);
    }

    /**
     * Every byte, eight at a time: zone lists of a handful of hamlets share their length and most of
     * their bytes, so a hash of a sample of them fills the map's buckets with collisions.
     */
    private static int hash(byte[] b) {
      long h = b.length;
      int i = 0;
      for (; i + 8 <= b.length; i += 8) {
        h = (h ^ (long) LONGS.get(b, i)) * 0x9E37_79B9_7F4A_7C15L;
      }
      for (; i < b.length; i++) {
        h = (h ^ b[i]) * 0x9E37_79B9_7F4A_7C15L;
      }
      h ^= h >>> 29;
      h *= 0xBF58_476D_1CE4_E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Utf8 other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }}
