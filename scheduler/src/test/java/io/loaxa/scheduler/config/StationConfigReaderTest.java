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
        "station.yaml:10:1: khóa lạ 'volume' trong cấu hình đài; các khóa dùng được: alerts, amplifier, approval, audio, boards, "
            + "content, hub, monitor, speech, station, switching, web, zones (unknown key 'volume' in the station config; expected "
            + "alerts, amplifier, approval, audio, boards, content, hub, monitor, speech, station, switching, web, zones)",
        "station.yaml:1:38: không biết múi giờ 'Asia/Hanoi_City' (ví dụ Asia/Ho_Chi_Minh) (unknown time zone 'Asia/Hanoi_City' "
            + "[e.g. Asia/Ho_Chi_Minh])",
        "station.yaml:4:51: thời lượng '2 giây' của trường 'warmUp' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, "
            + "PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad warmUp '2 giây'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S "
            + "or the short form 30m, 1h30m, 45s)",
        "station.yaml:4:12: tăng âm: kênh 9 vượt quá bo rơ-le tu-chinh, bo này có 8 kênh (amplifier: channel 9 beyond board "
            + "tu-chinh with 8 channels)",
        "station.yaml:7:5: khóa thôn 'ap-1' dùng hai lần (zone key 'ap-1' used twice)",
        "station.yaml:8:5: thôn ap-3: không có bo rơ-le nào có khóa 'tu-phu' (zone ap-3: no board with key 'tu-phu')",
        "station.yaml:9:5: thôn ap-4: kênh 1 của bo rơ-le tu-chinh đã dùng cho thôn ap-1 (zone ap-4: tu-chinh channel 1 already "
            + "switches zone ap-1)"), lines);
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
        "station.yaml:3:55: trình điều khiển modbus-rtu không có tùy chọn 'unti'; các tùy chọn: [baud, coilOffset, dataBits, "
            + "frameGap, multiCoilWrite, parity, stopBits, timeout, unit] (driver modbus-rtu has no option 'unti'; it knows "
            + "[baud, coilOffset, dataBits, frameGap, multiCoilWrite, parity, stopBits, timeout, unit])",
        "station.yaml:4:73: board b: option holdSeconds: out of range 0..255: 600",
        "station.yaml:5:5: board c: driver lcus needs a port (e.g. /dev/serial/by-id/…)",
        "station.yaml:7:50: trường 'inverted' là true hoặc false, không phải 'sometimes' (inverted is true or false, not "
            + "'sometimes')",
        "station.yaml:8:24: trường 'attempts' là một số nguyên từ 1 đến 10, không phải '0' (attempts is a whole number from 1 to "
            + "10, not '0')"), lines);
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

    assertEquals(List.of("station.yaml:3:30: không biết trình điều khiển 'modbus'; đã có: modbus-rtu, modbus-register, lcus,"
        + " numato, kmtronic, dtr-rts, simulated (unknown driver 'modbus'; known: modbus-rtu, modbus-register, lcus, numato,"
        + " kmtronic, dtr-rts, simulated)"), e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void contentApprovalIsOffUnlessTheConfigTurnsItOnWithTheOneBooleanSpelling() throws Exception {
    String station = """
        station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards: [ { key: tu, driver: simulated, channels: 8 } ]
        zones: [ { key: ap-1, board: tu, channel: 1 } ]
        """;
    assertEquals(false, StationConfigReader.parse(station, "station.yaml").approval());
    assertEquals(true, StationConfigReader.parse(station + "approval: on\n", "station.yaml").approval());
    assertEquals(true, StationConfigReader.parse(station + "approval: yes\n", "station.yaml").approval());
    assertEquals(false, StationConfigReader.parse(station + "approval: off\n", "station.yaml").approval());
    SourceException e = assertThrows(SourceException.class,
        () -> StationConfigReader.parse(station + "approval: maybe\n", "station.yaml"));
    assertEquals(4, e.problems().get(0).at().line(), e.getMessage());
    assertEquals(true, e.getMessage().contains("approval là on, off hoặc required, hoặc một bảng { required: yes, "
        + "emergencyBypass: yes }; không phải 'maybe' (approval is on, off or required, or a mapping { required: yes, "
        + "emergencyBypass: yes }; not 'maybe')"), e.getMessage());
  }

  @Test
  void anEmergencyLoudnessOutsideTheRangeOrNotANumberIsRefusedInBothLanguages() {
    assertEquals(List.of("station.yaml:4:29: audio.emergencyLoudness: -3 LUFS nằm ngoài khoảng -40..-6; mức thường của đài là "
        + io.loaxa.audio.Loudness.STATION_TARGET_LUFS + " (audio.emergencyLoudness: -3 LUFS is outside -40..-6 [the station's "
        + "normal target is " + io.loaxa.audio.Loudness.STATION_TARGET_LUFS + "])"),
        problems(SMALL_STATION + "audio: { emergencyLoudness: -3 }\n"));
    assertEquals(List.of("station.yaml:4:29: audio.emergencyLoudness: 'to' không phải độ to tính bằng LUFS, ví dụ -14 "
        + "(audio.emergencyLoudness: 'to' is not a loudness in LUFS such as -14)"),
        problems(SMALL_STATION + "audio: { emergencyLoudness: to }\n"));
  }

  @Test
  void aZoneKeyOutsideTheSpellingIsRefusedInBothLanguages() {
    assertEquals(List.of("station.yaml:3:17: khóa thôn 'Ấp 1': hãy dùng chữ thường, chữ số, '-' hoặc '_' (zone key 'Ấp 1': "
        + "use lower-case letters, digits, '-' or '_')"), problems("""
        station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards: [ { key: tu, driver: simulated, channels: 8 } ]
        zones: [ { key: "Ấp 1", board: tu, channel: 1 } ]
        """));
  }

  private static final String SMALL_STATION = """
      station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
      boards: [ { key: tu, driver: simulated, channels: 8 } ]
      zones: [ { key: ap-1, board: tu, channel: 1 } ]
      """;

  private static List<String> problems(String yaml) {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(yaml, "station.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void approvalIsWrittenAsASwitchAsRequiredOrAsABlockThatMayLetEmergenciesBypassIt() throws Exception {
    StationConfig required = StationConfigReader.parse(SMALL_STATION + "approval: required\n", "station.yaml");
    assertEquals(true, required.approval());
    assertEquals(true, required.emergencyBypass(), "a storm warning does not wait for an approver by default");
    StationConfig block = StationConfigReader.parse(SMALL_STATION + "approval: { required: yes, emergencyBypass: yes }\n",
        "station.yaml");
    assertEquals(true, block.approval());
    assertEquals(true, block.emergencyBypass());
    StationConfig byDefault = StationConfigReader.parse(SMALL_STATION + "approval: { required: on }\n", "station.yaml");
    assertEquals(true, byDefault.approval());
    assertEquals(true, byDefault.emergencyBypass());
    StationConfig held = StationConfigReader.parse(SMALL_STATION + "approval: { required: yes, emergencyBypass: no }\n",
        "station.yaml");
    assertEquals(true, held.approval());
    assertEquals(false, held.emergencyBypass());
  }

  @Test
  void refusesAMisspeltApprovalBlockAtItsLine() {
    assertEquals(List.of("station.yaml:4:28: khóa lạ 'emergencyBypas' trong mục 'approval'; các khóa dùng được: "
        + "emergencyBypass, required (unknown key 'emergencyBypas' in approval; expected emergencyBypass, required)"),
        problems(SMALL_STATION + "approval: { required: yes, emergencyBypas: yes }\n"));
    assertEquals(List.of("station.yaml:5:20: trường 'emergencyBypass' là true hoặc false, không phải 'sometimes' (emergencyBypass "
        + "is true or false, not 'sometimes')"),
        problems(SMALL_STATION + "approval:\n  emergencyBypass: sometimes\n  required: yes\n"));
    assertEquals(List.of("station.yaml:4:44: approval.emergencyBypass: yes cần required: yes; khi không cần duyệt, mọi tin "
        + "khẩn cấp vẫn phát ngay (approval.emergencyBypass: yes needs required: yes; without approval every emergency airs "
        + "at once anyway)"), problems(SMALL_STATION + "approval: { required: no, emergencyBypass: yes }\n"));
    assertEquals(List.of("station.yaml:4:44: approval.emergencyBypass: no cần required: yes; khi không cần duyệt, mọi tin "
        + "khẩn cấp phát ngay (approval.emergencyBypass: no needs required: yes; without approval every emergency airs at "
        + "once)"), problems(SMALL_STATION + "approval: { required: no, emergencyBypass: no }\n"));
  }

  @Test
  void theUploadCapIsThirtyTwoMegabytesUnlessTheContentBlockSaysWithinOneTo1024() throws Exception {
    StationConfig plain = StationConfigReader.parse(SMALL_STATION + "content: ghi-am\n", "station.yaml");
    assertEquals("ghi-am", plain.contentDir());
    assertEquals(32L * 1024 * 1024, plain.maxUploadBytes());
    StationConfig block = StationConfigReader.parse(SMALL_STATION + "content: { folder: ghi-am, maxUploadMb: 100 }\n",
        "station.yaml");
    assertEquals("ghi-am", block.contentDir());
    assertEquals(100L * 1024 * 1024, block.maxUploadBytes());
    assertEquals("content", StationConfigReader.parse(SMALL_STATION + "content: { maxUploadMb: 1 }\n", "station.yaml")
        .contentDir());
    assertEquals(List.of("station.yaml:4:41: trường 'maxUploadMb' là một số nguyên từ 1 đến 1024, không phải '2048' (maxUploadMb "
        + "is a whole number from 1 to 1024, not '2048')"),
        problems(SMALL_STATION + "content: { folder: ghi-am, maxUploadMb: 2048 }\n"));
    assertEquals(List.of("station.yaml:5:16: trường 'maxUploadMb' là một số nguyên từ 1 đến 1024, không phải '0' (maxUploadMb is a "
        + "whole number from 1 to 1024, not '0')"),
        problems(SMALL_STATION + "content:\n  maxUploadMb: 0\n"));
    assertEquals(List.of("station.yaml:4:12: khóa lạ 'maxUpload' trong mục 'content'; các khóa dùng được: folder, maxUploadMb"
        + " (unknown key 'maxUpload' in content; expected folder, maxUploadMb)"),
        problems(SMALL_STATION + "content: { maxUpload: 10 }\n"));
  }
}
