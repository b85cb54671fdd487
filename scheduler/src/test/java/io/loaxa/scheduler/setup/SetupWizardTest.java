package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.LineEvents;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialPorts;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.scheduler.report.Language;
import io.loaxa.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard driven through its console with plain streams, on a simulated board and a simulated sound output. */
class SetupWizardTest {
  @TempDir
  Path dir;

  final MutableClock clock = MutableClock.at("2026-12-07T02:30:00Z");
  final SimulatedSoundOutput speakers = new SimulatedSoundOutput(clock, clock::advance);
  final SimulatedRelayBoard board = new SimulatedRelayBoard("tu-chinh", 8, clock);
  final StringWriter screen = new StringWriter();

  SetupWizard wizard(Language language, String... typed) {
    String input = String.join("\n", typed) + "\n";
    SoundOutputs sound = new SoundOutputs() {
      @Override
      public List<String> names() {
        return List.of("USB Audio Device [plughw:1,0]");
      }

      @Override
      public SoundOutput named(String name) {
        return speakers;
      }
    };
    SerialPorts none = (port, settings) -> {
      throw new io.loaxa.devices.PortGoneException("no such port " + port);
    };
    SetupWizard.Parts parts = new SetupWizard.Parts(sound, new SerialPortList(dir.resolve("dev-serial"), List::of),
        new DeviceContext(clock, clock::advance, none, LineEvents.logging()), specs -> List.of(board), clock);
    return new SetupWizard(new StreamConsole(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(screen)), language, parts, dir.resolve("etc/station.yaml"));
  }

  @Test
  void aTechnicianAnswersThePromptsAndGetsAConfigTheStationReads() throws Exception {
    StationConfigFile.Written w = wizard(Language.VI,
        "Đài truyền thanh xã Tân Hưng", "", // name, time zone
        "1", "", "",                        // the USB output, play the tone, heard it
        "", "", "tu-chinh", "",              // simulated board (no ports), 8 channels, its key, no second board
        "",                                  // amplifier on tu-chinh/8
        "Ấp 1", "", "Ấp Đông", "tu-chinh/3", "", // two hamlets
        "", "", "k",                          // line test: Ấp 1 yes, Ấp Đông no
        "").interactive();                    // write it

    StationConfig config = StationConfigReader.read(dir.resolve("etc/station.yaml"));
    assertEquals(w.config(), config);
    assertEquals("Đài truyền thanh xã Tân Hưng", config.name());
    assertEquals("USB Audio Device [plughw:1,0]", config.audioOutput());
    assertEquals(List.of("ap-1:1", "ap-dong:3"), config.zones().stream().map(z -> z.key().value() + ":" + z.channel()).toList());
    assertEquals(8, config.amplifier().orElseThrow().channel());
    assertEquals("simulated", config.boards().get(0).driver());
    String said = screen.toString();
    assertTrue(said.contains("Không thấy cổng nào"), said);
    assertTrue(said.contains("Thử Ấp 1: bật rồi tắt, bo xác nhận đã bật"), said);
    assertEquals(2, speakers.plays().size(), "the test tone, then the tone on Ấp 1's line");
    assertEquals("CH8 on, CH1 on, CH1 off, CH8 off", board.history().stream()
        .map(s -> "CH" + s.channel().number() + (s.on() ? " on" : " off")).collect(Collectors.joining(", ")));
    assertFalse(board.history().stream().anyMatch(s -> s.channel().equals(new RelayChannel(3))), "Ấp Đông was not tested");
    assertTrue(board.allOff());
  }

  @Test
  void runAgainTheCurrentConfigGivesTheDefaults() throws Exception {
    wizard(Language.VI, "Đài truyền thanh xã Tân Hưng", "Asia/Bangkok", "1", "k", "", "", "tu-chinh", "", "", "Ấp 1", "", "", "k", "")
        .interactive();
    screen.getBuffer().setLength(0);
    StationConfigFile.Written again = wizard(Language.EN, "", "", "", "n", "", "", "", "", "", "Ấp 1", "", "", "n", "").interactive();
    assertEquals("Đài truyền thanh xã Tân Hưng", again.config().name());
    assertEquals(java.time.ZoneId.of("Asia/Bangkok"), again.config().timeZone());
    assertEquals("USB Audio Device [plughw:1,0]", again.config().audioOutput());
    assertTrue(screen.toString().contains("Choose a number [1]:"), screen.toString());
    assertTrue(again.backup().isPresent());
  }

  @Test
  void inputEndingMidwayWritesNothing() {
    SetupWizard w = wizard(Language.EN, "Tân Hưng", "");
    assertThrows(SetupAbandoned.class, w::interactive);
    assertTrue(screen.toString().contains("3. Sound outputs:"), screen.toString());
    assertFalse(Files.exists(dir.resolve("etc/station.yaml")));
  }

  @Test
  void unattendedAnswersAreTestedAndWrittenWithoutAQuestion() throws Exception {
    SetupAnswers answers = AnswersFile.parse(AnswersFileTest.GOOD.replace("driver: modbus-rtu, port: /dev/serial/by-id/usb-1a86-port0, unit: 3",
        "driver: simulated"), "fleet.yaml");
    StationConfigFile.Written w = wizard(Language.VI).unattended(answers);
    assertEquals(3, w.config().zones().size());
    assertTrue(screen.toString().contains("Thử Ấp Đông: bật rồi tắt"), screen.toString());
    assertTrue(board.allOff());
    assertEquals(6, board.history().stream().filter(s -> s.channel().number() == 8).count(), "the amplifier on and off for each of three hamlets");
  }

  @Test
  void blocksTheWizardDoesNotAskAboutAreKeptFromTheOldConfigUnlessTheyAreBroken() throws Exception {
    Path target = dir.resolve("etc/station.yaml");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "station: { name: \"Xã A\" }\nweb:\n  listen: \"0.0.0.0:8080\"\n"
        + "boards: [ { key: b, driver: simulated } ]\nzones: [ { key: ap-1, board: b, channel: 1 } ]\n");
    SetupAnswers answers = AnswersFile.parse(AnswersFileTest.GOOD.replace("driver: modbus-rtu, port: /dev/serial/by-id/usb-1a86-port0, unit: 3",
        "driver: simulated").replace("lineTest: yes", "lineTest: no"), "fleet.yaml");
    StationConfigFile.Written w = wizard(Language.EN).unattended(answers);
    assertEquals(8080, w.config().web().port());
    assertTrue(screen.toString().contains("Kept from the old config: web."), screen.toString());

    Files.writeString(target, Files.readString(target).replace("listen: \"0.0.0.0:8080\"", "listen: nowhere"));
    StationConfigFile.Written again = wizard(Language.EN).unattended(answers);
    assertEquals(io.loaxa.scheduler.config.WebConfig.LOCAL_ONLY, again.config().web());
    assertTrue(screen.toString().contains("The old blocks web have problems and are not kept"), screen.toString());
    assertTrue(Files.readString(again.backup().orElseThrow()).contains("listen: nowhere"), "the broken block stays in the backup");
  }

  @Test
  void declinedAtTheEndTheOldConfigStays() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/station.yaml"), "old");
    UserError e = assertThrows(UserError.class, () -> wizard(Language.EN, "Xã A", "", "0", "n", "", "", "", "", "", "Ấp 1", "", "", "n", "n")
        .interactive());
    assertTrue(e.getMessage().contains("nothing written"), e.getMessage());
    assertEquals("old", Files.readString(dir.resolve("etc/station.yaml")));
  }
}
