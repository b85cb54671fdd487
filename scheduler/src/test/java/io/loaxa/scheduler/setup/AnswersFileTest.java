package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.source.SourceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswersFileTest {
  static final String GOOD = """
      station: { name: "Đài truyền thanh xã Tân Hưng" }
      audio: { output: default, testTone: no }
      boards:
        - { key: tu-chinh, driver: modbus-rtu, port: /dev/serial/by-id/usb-1a86-port0, unit: 3, channels: 8 }
      amplifier: { board: tu-chinh, channel: 8 }
      hamlets:
        - { name: "Ấp 1", board: tu-chinh, channel: 1 }
        - { name: "Ấp Đông", board: tu-chinh, channel: 2 }
        - { name: "Khu phố chợ", key: cho, board: tu-chinh, channel: 3 }
      lineTest: yes
      """;

  @Test
  void readsAFleetStationsAnswersWithKeysMadeFromTheHamletNames() throws SourceException {
    SetupAnswers a = AnswersFile.parse(GOOD, "tan-hung.yaml");
    assertEquals("Đài truyền thanh xã Tân Hưng", a.stationName());
    assertEquals(SetupAnswers.VIETNAM, a.timeZone());
    assertEquals(List.of("ap-1", "ap-dong", "cho"), a.hamlets().stream().map(h -> h.key().value()).toList());
    assertEquals("3", a.boards().get(0).options().get("unit"));
    assertEquals(8, a.amplifier().orElseThrow().channel());
    assertTrue(a.lineTest());
    assertEquals(false, a.testTone());
  }

  @Test
  void refusesABadAnswersFileWithEveryProblemAtItsLine() {
    String bad = """
        station: { name: "Xã A", timeZone: Asia/Hanoi_City }
        boards:
          - { key: tu-1, driver: modbus-rtux, port: /dev/ttyUSB0 }
          - { key: tu-2, driver: lcus, port: /dev/ttyUSB1, channels: 4 }
        hamlets:
          - { name: "Ấp 1", board: tu-2, channel: 5 }
          - { name: "Ấp 1", board: tu-3, channel: 1 }
        lineTest: perhaps
        """;
    SourceException e = assertThrows(SourceException.class, () -> AnswersFile.parse(bad, "xa-a.yaml"));
    List<String> lines = e.problems().stream().map(Object::toString).toList();
    String all = String.join("\n", lines);
    assertTrue(all.contains("xa-a.yaml:1:"), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("xa-a.yaml:1:") && l.endsWith(": station.timeZone: không biết múi giờ "
        + "'Asia/Hanoi_City'; hãy viết một múi giờ như Asia/Ho_Chi_Minh (station.timeZone: unknown time zone 'Asia/Hanoi_City'; "
        + "write one such as Asia/Ho_Chi_Minh)")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("xa-a.yaml:3:") && l.contains("không biết trình điều khiển 'modbus-rtux'; "
        + "đã có: ") && l.contains(" (unknown driver 'modbus-rtux'; known: ")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("xa-a.yaml:6:") && l.endsWith(": Ấp 1: kênh 5 vượt quá bo rơ-le tu-2, "
        + "bo này có 4 kênh (hamlet Ấp 1: channel 5 beyond board tu-2 with 4 channels)")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("xa-a.yaml:7:") && l.endsWith(": khóa thôn 'ap-1' dùng hai lần; hãy "
        + "cho một thôn một key: riêng (hamlet key 'ap-1' used twice; give one of them a key: of its own)")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("xa-a.yaml:8:") && l.contains("lineTest")), all);
  }

  @Test
  void keysAreMadeFromVietnameseNamesWithoutTheirMarks() {
    assertEquals("ap-dong-1", ZoneKeys.fromName("Ấp Đông 1"));
    assertEquals("thon-thuong-ha", ZoneKeys.fromName("  Thôn Thượng–Hạ "));
  }
}
