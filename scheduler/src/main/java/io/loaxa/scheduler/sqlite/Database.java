package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file ({@code loaxa.db}) in the data folder, migrated to the current version when
 * opened. WAL journal so exports read while the daemon writes; {@code synchronous=FULL} so a log
 * row survives a power cut once written. One connection, used under this object's lock; the office's
 * reads of the log may go through {@link ReadConnections} beside it.
 */
public final class Database implements AutoCloseable {
  public static final String FILE = "loaxa.db";
  /**
   * The highest migration under {@code db/migration} ({@code V11__outbox_filed.sql}); a test
   * holds it to the files, so a new migration that does not raise it fails the build.
   */
  static final int LATEST_MIGRATION = 11;
  private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ISO_INSTANT;
  private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  private final Connection connection;
  private final Path file;

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the database in {@code dataDir} and applies pending migrations.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static Database open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
    }
    Path file = dataDir.resolve(FILE).toAbsolutePath();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    try {
      // Flyway costs the daemon some 600 classes and a scan of its jars: asked only when the file
      // is new, behind, ahead, or has a failed migration (Flyway then migrates or refuses as it does)
      boolean current;
      try (Connection probe = source.getConnection()) {
        current = atLatestMigration(probe);
      }
      if (!current) {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(source)
            .locations("classpath:db/migration")
            .loggers("slf4j")
            .load()
            .migrate();
      }
      Connection connection = source.getConnection();
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
      }
      return new Database(file, connection);
    } catch (SQLException | RuntimeException e) {
      throw new StoreException("cannot open the station database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether Flyway's history in this file ends at {@link #LATEST_MIGRATION} with every migration
   * applied successfully.
   */
  static boolean atLatestMigration(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      try (var tables = s.executeQuery(
          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
        if (!tables.next() || tables.getInt(1) == 0) {
          return false;
        }
      }
      try (var history = s.executeQuery("SELECT max(CAST(version AS INTEGER)), count(*) FILTER (WHERE NOT success),"
          + " count(*) FILTER (WHERE version IS NOT NULL AND CAST(version AS INTEGER) || '' <> version)"
          + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
        return history.next() && history.getInt(1) == LATEST_MIGRATION && history.getInt(2) == 0 && history.getInt(3) == 0;
      }
    }
  }

  public Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  static String text(Instant instant) {
    return UTC_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * A moment as the edge of a range compared with stored text: always with {@code .SSS}. {@link #text}
   * leaves out zero milliseconds, and {@code ".5Z"} sorts before {@code "Z"}: a run planned at
   * {@code 17:00:00.500Z} compared with {@code "…17:00:00Z"} would fall in the day before. Against
   * {@code "…17:00:00.000Z"} both spellings of every moment compare as their moments do.
   */
  static String bound(Instant instant) {
    return BOUND.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Reads a moment as {@link #text} writes it ({@code 2024-03-01T05:30:00Z} or with {@code .SSS}
   * milliseconds) by hand, since the airing log reads three of them a row; any other ISO instant
   * goes through {@link Instant#parse}.
   */
  static Instant instant(String text) {
    // the stored form is ASCII; any other character fails the layout check and goes to Instant.parse
    int n = text.length();
    Instant read = n == 20 || n == 24 ? written(text.getBytes(StandardCharsets.ISO_8859_1)) : null;
    return read != null ? read : Instant.parse(text);
  }

  /** {@link #instant(String)} from the stored bytes, without making a string of them first. */
  static Instant instant(byte[] text) {
    Instant read = written(text);
    return read != null ? read : Instant.parse(new String(text, StandardCharsets.UTF_8));
  }

  /** The moment {@code text} holds in {@link #text}'s own layout, or null for any other text. */
  private static Instant written(byte[] text) {
    int n = text.length;
    if ((n == 20 || (n == 24 && text[19] == '.')) && text[4] == '-' && text[7] == '-' && text[10] == 'T'
        && text[13] == ':' && text[16] == ':' && text[n - 1] == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      int millis = n == 24 ? digits(text, 20, 3) : 0;
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
          && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0
          && day <= lengthOfMonth(year, month)) {
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second, millis * 1_000_000L);
      }
    }
    return null;
  }

  private static int digits(byte[] text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      byte c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) {
      return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days from 1970-01-01 to a proleptic Gregorian date, as {@link LocalDate#toEpochDay()} counts
   * them, by arithmetic (H. Hinnant's days-from-civil), since the log reads three dates a row.
   */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** The decimal number in {@code text[from, from + length)}; -1 when a character is not a digit. */
  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + file + ": " + e.getMessage(), e);
    }
  }
}
