package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.StoreException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station file migrated on its first open and opened without Flyway once it is current. */
class DatabaseMigrationTest {
  @TempDir
  Path dir;

  private Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE));
  }

  @Test
  void theLatestMigrationNamedInCodeIsTheHighestFileUnderDbMigration() throws Exception {
    Path folder = Path.of(Database.class.getClassLoader().getResource("db/migration").toURI());
    Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
    int highest;
    try (Stream<Path> files = Files.list(folder)) {
      highest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
    }
    assertEquals(highest, Database.LATEST_MIGRATION, "raise Database.LATEST_MIGRATION with each new migration");
  }

  private static long migrationFiles() throws Exception {
    Path folder = Path.of(Database.class.getClassLoader().getResource("db/migration").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  @Test
  void aNewFileIsMigratedToTheLatestVersionAndReopensWithItsRows() throws Exception {
    try (Connection c = raw()) {
      assertFalse(Database.atLatestMigration(c), "a new file has no history yet");
    }
    Database.open(dir).close();
    try (Connection c = raw(); Statement s = c.createStatement()) {
      assertTrue(Database.atLatestMigration(c));
      s.execute("CREATE TABLE kept (what TEXT)");
      s.execute("INSERT INTO kept VALUES ('the airing log')");
    }
    try (Database db = Database.open(dir); Connection c = raw(); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT (SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL),"
            + " (SELECT what FROM kept)")) {
      rows.next();
      assertEquals((int) migrationFiles(), rows.getInt(1), "the reopen applied nothing twice");
      assertEquals("the airing log", rows.getString(2));
    }
  }

  @Test
  void aCurrentFileOpensWithoutAskingFlywayToValidateItsScripts() throws SQLException {
    Database.open(dir).close();
    try (Connection c = raw(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    }
    // Flyway would refuse the changed checksum; a file at the latest version is opened directly
    Database.open(dir).close();
  }

  @Test
  void aFileWithAFailedMigrationIsHandedToFlywayWhichRefusesIt() throws SQLException {
    Database.open(dir).close();
    try (Connection c = raw(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '" + Database.LATEST_MIGRATION + "'");
      assertFalse(Database.atLatestMigration(c));
    }
    StoreException refused = assertThrows(StoreException.class, () -> Database.open(dir));
    assertTrue(refused.getMessage().contains("cannot open the station database"), refused.getMessage());
  }

  @Test
  void aFileFromANewerLoaxaIsHandedToFlyway() throws SQLException {
    Database.open(dir).close();
    try (Connection c = raw(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (99, '" + (Database.LATEST_MIGRATION + 1)
          + "', 'later', 'SQL', 'V" + (Database.LATEST_MIGRATION + 1) + "__later.sql', 0, '', 0, 1)");
      assertFalse(Database.atLatestMigration(c));
    }
    // Flyway's own rule for a future version: ignored, the file opens
    Database.open(dir).close();
  }
}
