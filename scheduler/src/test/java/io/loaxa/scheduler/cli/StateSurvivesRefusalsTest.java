package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.loaxa.schedules.DemoSchedule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused schedule import or station config leaves the station exactly as it was: every row of
 * its store (stored schedule text, planned airings, content library) and every file of its data
 * folder (content, render cache), compared before and after.
 */
class StateSurvivesRefusalsTest {
  @TempDir
  Path dir;

  private Path data;
  private Path demo;

  @BeforeEach
  void aStationWithItsScheduleContentAndCache() throws Exception {
    data = dir.resolve("data");
    demo = dir.resolve("lich.yaml");
    Files.writeString(demo, DemoSchedule.text());
    CliRun imported = loaxa("schedule", "import", demo.toString(), "--data", data.toString());
    assertEquals(0, imported.code(), imported.err());
    Files.write(Files.createDirectories(data.resolve("content")).resolve("ban-tin.wav"), new byte[] {1, 2, 3});
    Files.write(Files.createDirectories(data.resolve("cache/speech")).resolve("rendered.pcm"), new byte[] {4, 5, 6});
  }

  private static Path broken(String name) throws URISyntaxException {
    return Path.of(StateSurvivesRefusalsTest.class.getResource("broken/" + name).toURI());
  }

  /** Every row of every table of the store, in a stable order. */
  private String store() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("loaxa.db"));
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (t.next()) {
          tables.add(t.getString(1));
        }
      }
      for (String table : tables) {
        all.append("== ").append(table).append('\n');
        try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(r.getString(i)).append('|');
            }
            all.append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  /** The data folder's files but the store's own, with their contents' digests. */
  private String files() throws Exception {
    StringBuilder all = new StringBuilder();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path p : walk.sorted().toList()) {
        String name = data.relativize(p).toString();
        if (Files.isRegularFile(p) && !name.startsWith("loaxa.db") && !name.startsWith("log")) {
          all.append(name).append(' ').append(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p)))).append('\n');
        }
      }
    }
    return all.toString();
  }

  @Test
  void refusedImportsAndConfigsLeaveTheStoreAndTheDataFolderExactlyAsTheyWere() throws Exception {
    String store = store();
    String files = files();
    assertNotEquals("", files);
    for (String table : List.of("schedule", "programmes", "planned_airings")) {
      assertFalse(store.matches("(?s).*== " + table + "\\n(== .*)?"), "the demo import filled " + table);
    }
    for (String name : List.of("nested.yaml", "latin1.yaml", "utf16.yaml", "truncated.yaml", "wrong-type.yaml",
        "absurd.yaml", "empty.yaml", "laughs.yaml", "long-value.yaml", "binary.yaml")) {
      Path file = broken("schedule/" + name);
      CliRun r = loaxa("schedule", "import", file.toString(), "--data", data.toString());
      assertEquals(1, r.code(), name + ": " + r.err());
    }
    for (String name : List.of("nested.yaml", "latin1.yaml", "empty.yaml", "wrong-type.yaml", "truncated.yaml",
        "absurd.yaml")) {
      Path file = broken("station/" + name);
      CliRun r = loaxa("schedule", "import", demo.toString(), "--config", file.toString(), "--data", data.toString());
      assertEquals(1, r.code(), name + ": " + r.err());
    }
    assertEquals(store, store(), "schedule, planned airings and content library unchanged");
    assertEquals(files, files(), "content and render cache unchanged");
  }
}
