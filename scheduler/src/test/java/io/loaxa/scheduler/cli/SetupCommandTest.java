package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Tools;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loaxa setup} as the installer runs it: from an answers file, and typed at a terminal. */
@Integration
class SetupCommandTest {
  @TempDir
  Path dir;

  @Test
  void aFleetStationIsSetUpFromItsAnswersAndTheStationStartsOnTheResult() throws Exception {
    Path answers = Files.writeString(dir.resolve("tan-hung.yaml"), """
        station: { name: "Đài truyền thanh xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
        audio: { output: default, testTone: no }
        boards:
          - { key: tu-chinh, driver: simulated, channels: 8 }
        amplifier: { board: tu-chinh, channel: 8 }
        hamlets:
          - { name: "Ấp 1", board: tu-chinh, channel: 1 }
          - { name: "Ấp 2", board: tu-chinh, channel: 2 }
        lineTest: yes
        """);
    Path config = dir.resolve("etc/station.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "station: { name: \"cấu hình cũ\" }\n");

    CliRun run = loaxa("setup", "--answers", answers.toString(), "--config", config.toString());

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("Thử Ấp 2: bật rồi tắt"), run.out());
    assertEquals("Đài truyền thanh xã Tân Hưng", StationConfigReader.read(config).name());
    List<Path> backups = backups(config);
    assertEquals(1, backups.size(), backups.toString());
    assertEquals("station: { name: \"cấu hình cũ\" }\n", Files.readString(backups.get(0)));
    CliRun zones = loaxa("zones", "status", "--config", config.toString(), "--data", dir.resolve("data").toString());
    assertEquals(0, zones.code(), zones.out() + zones.err());
    assertTrue(zones.out().contains("ap-2"), zones.out());
  }

  @Test
  void aBadAnswersFileIsRefusedWithFileAndLineAndNothingIsWritten() throws Exception {
    Path answers = Files.writeString(dir.resolve("bad.yaml"), """
        station: { name: "Xã A" }
        boards:
          - { key: tu-chinh, driver: simulated, channel: 8 }
        hamlets:
          - { name: "Ấp 1", board: tu-chinh, channel: 9 }
        """);
    Path config = dir.resolve("station.yaml");
    CliRun run = loaxa("setup", "--answers", answers.toString(), "--config", config.toString(), "--lang", "en");
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("the answers file has problems, nothing written"), run.err());
    assertTrue(run.err().contains(answers + ":3:"), run.err());
    assertTrue(run.err().contains(answers + ":5:") && run.err().contains("kênh 9 vượt quá bo rơ-le tu-chinh")
        && run.err().contains("(hamlet Ấp 1: channel 9 beyond board tu-chinh"), run.err());
    assertFalse(Files.exists(config));
  }

  @Test
  void anInstallerAnswersThePromptsAtATerminal() throws Exception {
    Tools.require(Tools.PYTHON);
    PulseAudioSink.ensureRunning();
    try (PeerOnPty slave = PeerOnPty.modbusSlave(1, 8)) {
      Path byId = Files.createDirectories(dir.resolve("serial/by-id"));
      Files.createSymbolicLink(byId.resolve("usb-1a86_USB_Serial-if00-port0"), Path.of(slave.port()));
      Path config = dir.resolve("station.yaml");
      Files.writeString(config, "# the one before\n");
      List<String[]> steps = List.of(
          new String[] {"1. Tên đài", "Đài truyền thanh xã Tân Hưng"},
          new String[] {"2. Múi giờ", ""},
          new String[] {"Chọn số [0]:", ""},
          new String[] {"Phát tiếng thử 1 kHz", ""},
          new String[] {"Có nghe thấy tiếng thử không?", "c"},
          new String[] {"Cổng: số trong danh sách", ""},
          new String[] {"Loại bo", ""},
          new String[] {"Địa chỉ Modbus", ""},
          new String[] {"Số kênh [8]:", ""},
          new String[] {"Tên gọi của bo", "tu-chinh"},
          new String[] {"Thêm một bo rơ-le nữa?", ""},
          new String[] {"6. Tăng âm", ""},
          new String[] {"Tên thôn/ấp thứ 1:", "Ấp Bắc"},
          new String[] {"Ấp Bắc: bo/kênh", ""},
          new String[] {"Tên thôn/ấp thứ 2:", "Ấp Nam"},
          new String[] {"Ấp Nam: bo/kênh", "tu-chinh/4"},
          new String[] {"Tên thôn/ấp thứ 3:", ""},
          new String[] {"7. Thử đường dây", ""},
          new String[] {"Thử Ấp Bắc (", ""},
          new String[] {"Thử Ấp Nam (", "k"},
          new String[] {"Ghi cấu hình này?", ""});
      Path stepsFile = dir.resolve("steps.txt");
      Files.writeString(stepsFile, String.join("\n", steps.stream().map(s -> s[0] + "\t" + s[1]).toList()) + "\n");
      Path transcript = dir.resolve("screen.txt");
      Path driver = dir.resolve("at_the_terminal.py");
      try (InputStream in = SetupCommandTest.class.getResourceAsStream("at_the_terminal.py")) {
        Files.copy(in, driver);
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(Tools.PYTHON, driver.toString(), stepsFile.toString(), transcript.toString(),
          java, "-cp", System.getProperty("java.class.path"), Loaxa.class.getName(),
          "setup", "--config", config.toString(), "--serial-links", dir.resolve("serial").toString()));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
      assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the wizard finished");
      String screen = Files.exists(transcript) ? Files.readString(transcript, StandardCharsets.UTF_8) : "";
      assertEquals(0, p.exitValue(), Files.readString(dir.resolve("driver.log")) + "\n" + screen);

      assertTrue(screen.contains("trả lời: modbus-rtu, địa chỉ 1, 8 kênh"), screen);
      assertTrue(screen.contains("Đã phát tiếng thử"), screen);
      assertTrue(screen.contains("Thử Ấp Bắc: bật rồi tắt, bo xác nhận đã bật"), screen);
      assertEquals("00000000", slave.relays(), "every relay off after the line test");
      StationConfig written = StationConfigReader.read(config);
      assertEquals(List.of("ap-bac:1", "ap-nam:4"), written.zones().stream().map(z -> z.key().value() + ":" + z.channel()).toList());
      assertEquals(byId.resolve("usb-1a86_USB_Serial-if00-port0").toString(), written.boards().get(0).port().orElseThrow());
      assertEquals(List.of("# the one before\n"), backups(config).stream().map(b -> {
        try {
          return Files.readString(b);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList());
    }
  }

  private static List<Path> backups(Path config) throws java.io.IOException {
    try (Stream<Path> s = Files.list(config.getParent())) {
      return s.filter(p -> p.getFileName().toString().startsWith(config.getFileName() + ".") && p.toString().endsWith(".bak")).toList();
    }
  }
}
