package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorConfigSectionTest {
  private static final String STATION = """
      station: { name: "Đài xã Thử", timeZone: Asia/Ho_Chi_Minh }
      boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
      zones:
        - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
        - { key: ap-2, name: "Ấp 2", board: tu-chinh, channel: 2 }
      """;

  @Test
  void aStationWithoutAMonitorBlockHasNoMonitor() throws Exception {
    assertEquals(Optional.empty(), StationConfigReader.parse(STATION, "station.yaml").monitor());
  }

  @Test
  void theMonitorBlockIsReadWithEverySetting() throws Exception {
    StationConfig config = StationConfigReader.parse(STATION + """
        monitor: { input: "USB Audio", zones: [ap-2], silence-dbfs: -45, dead-air-seconds: 3, outside-seconds: 8, reaction: off, selftest: "06:00" }
        """, "station.yaml");
    assertEquals(Optional.of(new MonitorConfig("USB Audio", List.of(new ZoneKey("ap-2")), -45, Duration.ofSeconds(3),
        Duration.ofSeconds(8), MonitorConfig.Reaction.OFF, Optional.of(LocalTime.of(6, 0)))), config.monitor());
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() throws Exception {
    MonitorConfig m = StationConfigReader.parse(STATION + "monitor: {}\n", "station.yaml").monitor().orElseThrow();
    assertEquals(new MonitorConfig("default", List.of(), -50, Duration.ofSeconds(2), Duration.ofSeconds(5),
        MonitorConfig.Reaction.ALERT, Optional.empty()), m);
  }

  @Test
  void everyProblemInTheMonitorBlockIsPlacedAndNamed() {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        monitor:
          zones: [ap-9]
          silence-dbfs: loud
          reaction: shout
          outside: 5
        """, "station.yaml"));
    List<String> messages = e.problems().stream().map(Problem::toString).toList();
    assertEquals(4, messages.size(), messages.toString());
    assertEquals(true, messages.stream().anyMatch(m -> m.equals("station.yaml:7:11: monitor.zones: không có thôn 'ap-9'; các thôn: ap-1, ap-2 "
        + "(monitor.zones: no zone 'ap-9'; the zones are ap-1, ap-2)")), messages.toString());
    assertEquals(true, messages.stream().anyMatch(m -> m.startsWith("station.yaml:8:") && m.contains("silence-dbfs")), messages.toString());
    assertEquals(true, messages.stream().anyMatch(m -> m.startsWith("station.yaml:9:") && m.contains("shout")), messages.toString());
    assertEquals(true, messages.stream().anyMatch(m -> m.startsWith("station.yaml:10:") && m.contains("outside")), messages.toString());
  }
}
