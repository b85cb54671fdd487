package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file ({@code loaxa.db}) in the data folder, migrated to the current version when
 * opened. WAL journal so exports read while the daemon writes; {@code synchronous=FULL} so a log
 * row survives a power cut once written. One connection, used under this object's lock.
 */
public final class Database implements AutoCloseable {
  public static final String FILE = "loaxa.db";
  private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ISO_INSTANT;

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
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(source)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
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

  public Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  static String text(Instant instant) {
    return UTC_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  static Instant instant(String text) {
    return Instant.parse(text);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + file + ": " + e.getMessage(), e);
    }
  }
}
