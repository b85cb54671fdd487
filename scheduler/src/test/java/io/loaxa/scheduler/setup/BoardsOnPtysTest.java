package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.Driver;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayBoards;
import io.loaxa.devices.RelayChannel;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.scheduler.report.Language;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MutableClock;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.testkit.PtyPair;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding boards on socat pty pairs: the independent pymodbus slave answers, an empty pty does not. */
@Integration
class BoardsOnPtysTest {
  @TempDir
  Path dir;

  final DeviceContext real = DeviceContext.real(Clock.systemUTC());

  @Test
  void theModbusSlaveIsFoundWithItsUnitAndChannelsAndNoRelayMoves() throws Exception {
    try (PeerOnPty slave = PeerOnPty.modbusSlave(1, 8)) {
      try (RelayBoard b = RelayBoards.open(new BoardSpec("b", "modbus-rtu", Optional.of(slave.port()), 8, Map.of()), real)) {
        b.switchOn(new RelayChannel(3));
      }
      assertEquals("00100000", slave.relays());

      List<BoardFinder.Found> found = new BoardFinder(real).ask(slave.port()).found();

      BoardFinder.Found coil = found.stream().filter(f -> f.driver() == Driver.MODBUS_RTU).findFirst().orElseThrow(() ->
          new AssertionError("modbus-rtu answered: " + found));
      assertEquals(Optional.of(1), coil.unit());
      assertEquals(Optional.of(8), coil.channels());
      assertEquals("00100000", slave.relays(), "probing read the coils and switched none");
    }
  }

  @Test
  void aPtyWithNothingOnItAnswersNothingWithinABoundedTime() throws Exception {
    try (PtyPair empty = PtyPair.start(dir)) {
      long start = System.nanoTime();
      List<BoardFinder.Found> found = new BoardFinder(real).ask(empty.a().toString()).found();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(List.of(), found);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "asked every driver in " + took);
      System.out.println("silent pty: " + BoardFinder.ASKED.size() + " drivers asked in " + took.toMillis() + " ms");
    }
  }

  @Test
  void aPortThatIsNotThereAnswersNothing() {
    BoardFinder.Asked asked = new BoardFinder(real).ask(dir.resolve("ttyUSB9").toString());
    assertEquals(List.of(), asked.found());
    assertTrue(asked.notOpened().orElseThrow().contains("no such port"), asked.toString());
  }

  @Test
  void portsAreListedByTheirStableNamesWithTheDeviceEachPointsTo() throws Exception {
    try (PtyPair pair = PtyPair.start(Files.createDirectories(dir.resolve("pty")))) {
      Path byId = Files.createDirectories(dir.resolve("serial/by-id"));
      Path byPath = Files.createDirectories(dir.resolve("serial/by-path"));
      Files.createSymbolicLink(byId.resolve("usb-1a86_USB_Serial-if00-port0"), pair.a());
      Files.createSymbolicLink(byPath.resolve("platform-xhci-hcd.0-usb-0:1.2:1.0-port0"), pair.a());
      List<SerialPortList.Port> ports = new SerialPortList(dir.resolve("serial"), () -> List.of("/dev/ttyS0")).ports();
      String device = pair.a().toRealPath().toString();
      assertTrue(device.startsWith("/dev/pts/"), device);
      assertEquals(List.of(new SerialPortList.Port(byId.resolve("usb-1a86_USB_Serial-if00-port0").toString(), Optional.of(device)),
          new SerialPortList.Port(byPath.resolve("platform-xhci-hcd.0-usb-0:1.2:1.0-port0").toString(), Optional.of(device))), ports);
    }
    assertEquals(List.of(new SerialPortList.Port("/dev/ttyS0", Optional.empty())),
        new SerialPortList(dir.resolve("none"), () -> List.of("/dev/ttyS0")).ports(), "the library's list when there are no links");
  }

  @Test
  void theWizardFindsTheModbusBoardOffersItAndTestsALineOnIt() throws Exception {
    try (PeerOnPty slave = PeerOnPty.modbusSlave(1, 8); PtyPair empty = PtyPair.start(Files.createDirectories(dir.resolve("empty")))) {
      Path byId = Files.createDirectories(dir.resolve("serial/by-id"));
      Files.createSymbolicLink(byId.resolve("usb-1a86_USB_Serial-if00-port0"), Path.of(slave.port()));
      Files.createSymbolicLink(byId.resolve("usb-FTDI_FT232R-if00-port0"), empty.a());
      MutableClock clock = MutableClock.at("2026-12-07T02:30:00Z");
      StringWriter screen = new StringWriter();
      String[] seenDuringTone = new String[1];
      SoundOutputs sound = new SoundOutputs() {
        @Override
        public List<String> names() {
          return List.of();
        }

        @Override
        public SoundOutput named(String name) {
          return new SoundOutput() {
            @Override
            public String name() {
              return name;
            }

            @Override
            public OpenLine open(io.loaxa.audio.PcmFormat format) throws io.loaxa.audio.AudioException {
              try {
                seenDuringTone[0] = slave.relays();
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              return new SimulatedSoundOutput(clock, clock::advance).open(format);
            }
          };
        }
      };
      String typed = String.join("\n", "Đài truyền thanh xã Tân Hưng", "", "", "k", // no tone here
          "", "", "", "", "tu-chinh", "",  // port 2 (the answering one) offered, modbus-rtu, unit 1, 8 channels
          "", "Ấp 1", "", "",              // amplifier tu-chinh/8, one hamlet on channel 1
          "", "", "") + "\n";              // test lines, test Ấp 1, write
      SetupWizard.Parts parts = new SetupWizard.Parts(sound, new SerialPortList(dir.resolve("serial"), List::of), real,
          specs -> RelayBoards.openAll(specs, real), clock);
      StationConfigFile.Written w = new SetupWizard(new StreamConsole(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
          new PrintWriter(screen)), Language.VI, parts, dir.resolve("station.yaml")).interactive();

      String said = screen.toString();
      assertTrue(said.contains("trả lời: modbus-rtu, địa chỉ 1, 8 kênh"), said);
      assertTrue(said.contains("usb-FTDI_FT232R-if00-port0 -> /dev/pts/"), said);
      assertTrue(said.contains("không có bo nào trả lời"), said);
      assertTrue(said.contains("Thử Ấp 1: bật rồi tắt, bo xác nhận đã bật"), said);
      assertEquals("10000001", seenDuringTone[0], "Ấp 1 and the amplifier on while the tone played");
      assertEquals("00000000", slave.relays(), "both off after the test");
      StationConfig config = StationConfigReader.read(dir.resolve("station.yaml"));
      assertEquals(w.config(), config);
      assertEquals(byId.resolve("usb-1a86_USB_Serial-if00-port0").toString(), config.boards().get(0).port().orElseThrow());
      assertEquals("modbus-rtu", config.boards().get(0).driver());
    }
  }
}
