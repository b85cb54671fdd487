package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationConfigFileTest {
  @TempDir
  Path dir;

  final MutableClock clock = MutableClock.at("2026-12-07T02:30:00Z");

  @Test
  void writesAConfigTheStationReadsAndKeepsTheOldOneAsATimestampedBackup() throws Exception {
    Path target = dir.resolve("station.yaml");
    String first = StationConfigText.of(AnswersFile.parse(AnswersFileTest.GOOD, "a.yaml"), clock.instant());
    StationConfigFile.Written w1 = StationConfigFile.write(target, first, clock);
    assertTrue(w1.backup().isEmpty());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));

    clock.advance(Duration.ofMinutes(5));
    String second = first.replace("Tân Hưng", "Tân Hòa");
    StationConfigFile.Written w2 = StationConfigFile.write(target, second, clock);

    StationConfig read = StationConfigReader.read(target);
    assertEquals("Đài truyền thanh xã Tân Hòa", read.name());
    assertEquals(List.of("ap-1", "ap-dong", "cho"), read.zones().stream().map(z -> z.key().value()).toList());
    assertEquals(dir.resolve("station.yaml.20261207-023500.bak"), w2.backup().orElseThrow());
    assertEquals(first, Files.readString(w2.backup().orElseThrow()));
    assertEquals(List.of("station.yaml", "station.yaml.20261207-023500.bak"), names());
  }

  @Test
  void aConfigTheStationWouldRefuseIsNotWrittenAndTheOldOneStays() throws Exception {
    Path target = dir.resolve("station.yaml");
    String good = StationConfigText.of(AnswersFile.parse(AnswersFileTest.GOOD, "a.yaml"), clock.instant());
    StationConfigFile.write(target, good, clock);
    String refused = good.replace("channel: 3 }", "channel: 30 }");
    SourceException e = assertThrows(SourceException.class, () -> StationConfigFile.write(target, refused, clock));
    assertTrue(e.problems().get(0).toString().contains("kênh 30 vượt quá bo rơ-le tu-chinh")
        && e.problems().get(0).toString().contains("(zone "), e.problems().toString());
    assertTrue(e.problems().get(0).toString().contains(": channel 30 beyond board tu-chinh"), e.problems().toString());
    assertEquals(good, Files.readString(target));
    assertEquals(List.of("station.yaml"), names());
  }

  @Test
  void quotesNamesSoYamlKeepsThemText() throws Exception {
    String text = StationConfigText.of(AnswersFile.parse(AnswersFileTest.GOOD.replace("\"Ấp 1\"", "\"yes\"")
        .replace("Tân Hưng", "\\\"Tân\\\" Hưng"), "a.yaml"), clock.instant());
    StationConfig read = StationConfigReader.parse(text, "station.yaml");
    assertEquals("yes", read.zones().get(0).name());
    assertEquals("Đài truyền thanh xã \"Tân\" Hưng", read.name());
    assertFalse(text.contains("null"));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
