package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loaxa zones} and {@code loaxa relay probe} as an installer uses them, on a station whose
 * board is a modbus-rtu coil board: Debian's python3-pymodbus as the slave on the far end of a socat
 * pty pair. What the commands switch is read from the slave's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Integration
class ZonesCommandTest {
  @TempDir
  static Path dir;

  private PeerOnPty slave;
  private Path config;

  @BeforeAll
  void station() throws Exception {
    slave = PeerOnPty.modbusSlave(1, 8);
    config = dir.resolve("station.yaml");
    Files.writeString(config, """
        station: { name: "Đài truyền thanh xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards:
          - { key: tu-chinh, driver: modbus-rtu, port: "%s", unit: 1, channels: 8, timeout: 200ms }
        amplifier: { board: tu-chinh, channel: 8, warmUp: PT0.5S }
        zones:
          - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
          - { key: ap-2, name: "Ấp 2", board: tu-chinh, channel: 2 }
          - { key: ap-3, name: "Ấp 3", board: tu-chinh, channel: 3, inverted: true }
        """.formatted(slave.port()), StandardCharsets.UTF_8);
  }

  @AfterAll
  void stop() {
    if (slave != null) {
      slave.close();
    }
  }

  @BeforeEach
  void reset() throws Exception {
    slave.tell("reset");
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void theLineTestLeavesZonesAndAmplifierOnAfterTheCommandReturnsUntilSwitchedOff() throws Exception {
    CliRun on = loaxa("zones", "on", "ap-1", "ap-2", "--config", config.toString(), "--data", data());
    assertEquals(0, on.code(), on.out() + on.err());
    assertTrue(on.out().contains("ap-1: on, confirmed by read-back"), on.out());
    assertEquals("11000001", slave.relays(), "the lines stay on after the command has exited");

    CliRun status = loaxa("zones", "status", "--config", config.toString(), "--data", data());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.out().lines().anyMatch(l -> l.startsWith("ap-1") && l.contains("Ấp 1") && l.contains(" on ")),
        status.out());
    assertTrue(status.out().lines().anyMatch(l -> l.startsWith("ap-3") && l.contains(" on ") && l.contains("normally-closed")),
        "an inverted line with its relay released is on:\n" + status.out());
    assertEquals("11000001", slave.relays(), "status switches nothing");

    CliRun off = loaxa("zones", "off", "ap-1", "--config", config.toString(), "--data", data());
    assertEquals(0, off.code(), off.err());
    assertTrue(off.out().contains("amplifier: left on"), off.out());
    assertEquals("01000001", slave.relays());

    assertEquals(0, loaxa("zones", "all-off", "--config", config.toString(), "--data", data()).code());
    assertEquals("00100000", slave.relays(), "all off holds the normally-closed line's relay so it is silent");
  }

  @Test
  void anUnknownZoneIsAUserErrorAndSwitchesNothing() throws Exception {
    CliRun r = loaxa("zones", "on", "ap-1", "ap-9", "--config", config.toString(), "--data", data());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no zone ap-9") && r.err().contains("ap-1, ap-2, ap-3"), r.err());
    assertEquals("00000000", slave.relays());
  }

  @Test
  void aBoardThatDoesNotAnswerIsReportedWithTheZone() throws Exception {
    slave.tell("mute");
    CliRun r = loaxa("zones", "on", "ap-2", "--config", config.toString(), "--data", data());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("ap-2: board tu-chinh CH2") && r.err().contains("did not answer"), r.err());
  }

  @Test
  void probeTellsTheInstallerWhatTheBoardIs() throws Exception {
    CliRun r = loaxa("relay", "probe", "--driver", "modbus-rtu", "--port", slave.port(), "--unit", "1");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("answers:       yes"), r.out());
    assertTrue(r.out().contains("channels found: 8"), r.out());
    assertTrue(r.out().contains("read-back:     yes"), r.out());

    CliRun wrongUnit = loaxa("relay", "probe", "--driver", "modbus-rtu", "--port", slave.port(), "--unit", "7",
        "--option", "timeout=100ms");
    assertEquals(1, wrongUnit.code());
    assertTrue(wrongUnit.err().contains("did not answer"), wrongUnit.err());

    CliRun noPort = loaxa("relay", "probe", "--driver", "lcus", "--port", dir.resolve("ttyNone").toString());
    assertTrue(noPort.out().contains("no such port"), noPort.out());
    assertEquals(1, loaxa("relay", "probe", "--driver", "modbus").code());
  }

  @Test
  void withADaemonRunningTheCommandsGoThroughItAndItsStopSwitchesEverythingOff() throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = dir.resolve("daemon-data");
    Path log = dir.resolve("daemon.log");
    Process daemon = LoaxaProcess.daemon(log, "--config", config.toString(), "--data", data.toString()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (ControlFile.running(data).isEmpty() && daemon.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50); // polling another process's start
      }
      assertTrue(daemon.isAlive() && ControlFile.running(data).isPresent(), "daemon up: " + Files.readString(log));

      CliRun on = loaxa("zones", "on", "ap-2", "--config", config.toString(), "--data", data.toString());
      assertEquals(0, on.code(), on.out() + on.err());
      assertTrue(on.out().contains("through the running daemon"), on.out());
      assertEquals("01100001", slave.relays(), "ap-2 and the amplifier on; the normally-closed ap-3 held silent since start");

      CliRun status = loaxa("zones", "status", "--data", data.toString());
      assertTrue(status.out().lines().anyMatch(l -> l.startsWith("ap-2") && l.contains(" on ") && l.endsWith("on")),
          "the daemon reports and remembers what it commanded:\n" + status.out());

      CliRun unknown = loaxa("zones", "off", "ap-7", "--data", data.toString());
      assertEquals(1, unknown.code());
      assertTrue(unknown.err().contains("no zone ap-7"), unknown.err());

      daemon.destroy();
      assertTrue(daemon.waitFor(15, TimeUnit.SECONDS), "stopped");
      assertEquals("00100000", slave.relays(), "the daemon's stop releases every relay:\n" + Files.readString(log));
    } finally {
      daemon.destroyForcibly();
    }
  }
}
