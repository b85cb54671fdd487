package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationConfigReaderTest {

  @Test
  void readsTheStationOfTheDesignSketch() throws Exception {
    String yaml = """
        station: { name: "Đài truyền thanh xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
        boards:
          - { key: tu-chinh, driver: simulated, port: /dev/serial/by-id/usb-1a86-port0, baud: 9600, unit: 1, channels: 8 }
        amplifier: { board: tu-chinh, channel: 8, warmUp: PT2S }
        zones:
          - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
          - { key: ap-2, name: "Ấp 2", board: tu-chinh, channel: 2 }
        audio: { output: default }
        """;
    StationConfig config = StationConfigReader.parse(yaml, "station.yaml");

    assertEquals("Đài truyền thanh xã Tân Hưng", config.name());
    assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), config.timeZone());
    assertEquals(List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2")), config.zoneKeys());
    assertEquals("Ấp 2", config.zones().get(1).name());
    assertEquals(Duration.ofSeconds(2), config.warmUp());
    assertEquals("9600", config.boards().get(0).options().get("baud"));
    assertEquals("/dev/serial/by-id/usb-1a86-port0", config.boards().get(0).port().orElseThrow());
  }

  @Test
  void reportsEveryProblemAtOnceWithItsLineAndColumn() {
    String yaml = """
        station: { name: "Xã Thử", timeZone: Asia/Hanoi_City }
        boards:
          - { key: tu-chinh, driver: simulated, channels: 8 }
        amplifier: { board: tu-chinh, channel: 9, warmUp: 2 giây }
        zones:
          - { key: ap-1, board: tu-chinh, channel: 1 }
          - { key: ap-1, board: tu-chinh, channel: 2 }
          - { key: ap-3, board: tu-phu, channel: 3 }
          - { key: ap-4, board: tu-chinh, channel: 1 }
        volume: 11
        """;
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(yaml, "station.yaml"));

    List<String> lines = e.problems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "station.yaml:10:1: unknown key 'volume' in the station config; expected amplifier, audio, boards, content, monitor, speech, station, "
            + "switching, web, zones",
        "station.yaml:1:38: unknown time zone 'Asia/Hanoi_City' (e.g. Asia/Ho_Chi_Minh)",
        "station.yaml:4:51: bad warmUp '2 giây'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, "
            + "1h30m, 45s",
        "station.yaml:4:12: amplifier: channel 9 beyond board tu-chinh with 8 channels",
        "station.yaml:7:5: zone key 'ap-1' used twice",
        "station.yaml:8:5: zone ap-3: no board with key 'tu-phu'",
        "station.yaml:9:5: zone ap-4: tu-chinh channel 1 already switches zone ap-1"), lines);
  }

  @Test
  void readsInvertedLinesAndTheSwitchingPolicy() throws Exception {
    String yaml = """
        station: { name: "Xã Thử" }
        boards:
          - { key: tu-chinh, driver: modbus-rtu, port: /dev/serial/by-id/usb-1a86-port0, unit: 3, parity: even }
        zones:
          - { key: ap-1, board: tu-chinh, channel: 1, inverted: true }
          - { key: ap-2, board: tu-chinh, channel: 2 }
        switching: { attempts: 2, retryPause: PT0.1S, stagger: PT0.5S, maxOn: PT2H }
        """;
    StationConfig config = StationConfigReader.parse(yaml, "station.yaml");
    assertEquals(true, config.zones().get(0).inverted());
    assertEquals(false, config.zones().get(1).inverted());
    assertEquals(2, config.switching().attempts());
    assertEquals(Duration.ofMillis(100), config.switching().retryPause());
    assertEquals(Duration.ofMillis(500), config.switching().stagger());
    assertEquals(Duration.ofHours(2), config.switching().maxOn());
    assertEquals("3", config.boards().get(0).options().get("unit"));
  }

  @Test
  void aDriverOptionThatIsMisspeltOrOutOfRangeIsReportedWhereItIsWritten() {
    String yaml = """
        station: { name: "Xã Thử" }
        boards:
          - { key: a, driver: modbus-rtu, port: /dev/ttyUSB0, unti: 2 }
          - { key: b, driver: modbus-register, port: /dev/ttyUSB1, holdSeconds: 600 }
          - { key: c, driver: lcus }
        zones:
          - { key: ap-1, board: a, channel: 1, inverted: sometimes }
        switching: { attempts: 0 }
        """;
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(yaml, "station.yaml"));
    List<String> lines = e.problems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "station.yaml:3:55: driver modbus-rtu has no option 'unti'; it knows [baud, coilOffset, dataBits, frameGap, "
            + "multiCoilWrite, parity, stopBits, timeout, unit]",
        "station.yaml:4:73: board b: option holdSeconds: out of range 0..255: 600",
        "station.yaml:5:5: board c: driver lcus needs a port (e.g. /dev/serial/by-id/…)",
        "station.yaml:7:50: inverted is true or false, not 'sometimes'",
        "station.yaml:8:24: attempts is a whole number from 1 to 10, not '0'"), lines);
  }

  @Test
  void aYamlSyntaxErrorNamesItsPlace() {
    SourceException e = assertThrows(SourceException.class,
        () -> StationConfigReader.parse("station: { name: x\nboards: [\n", "broken.yaml"));
    assertEquals("broken.yaml", e.problems().get(0).at().file());
    assertEquals(true, e.problems().get(0).at().line() >= 2);
  }

  @Test
  void anUnknownDriverIsReportedWithEveryDriverTheStationKnows() {
    String yaml = """
        station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards:
          - { key: tu-chinh, driver: modbus, channels: 8 }
        zones:
          - { key: ap-1, board: tu-chinh, channel: 1 }
        """;
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(yaml, "station.yaml"));

    assertEquals(List.of("station.yaml:3:30: unknown driver 'modbus'; known: modbus-rtu, modbus-register, lcus, numato,"
        + " kmtronic, dtr-rts, simulated"), e.problems().stream().map(Problem::toString).toList());
  }
}
