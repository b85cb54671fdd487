package io.loaxa.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.LineEvents;
import io.loaxa.devices.Pause;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayBoards;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.RelayLine;
import io.loaxa.devices.RelayWire;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneLine;
import io.loaxa.devices.ZoneStatus;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.devices.testing.RecordingLineEvents;
import io.loaxa.testkit.Integration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The modbus-rtu driver and the switchboard over a real pty against Debian's python3-pymodbus as an
 * independent 8-coil slave: what the station switches is checked from the slave's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Integration
class ModbusRtuOverPtyTest {
  private PeerOnPty slave;
  private RecordingLineEvents events;
  private Switchboard switchboard;

  @BeforeAll
  void startSlave() throws Exception {
    slave = PeerOnPty.modbusSlave(1, 8);
  }

  @AfterAll
  void stopSlave() {
    if (slave != null) {
      slave.close();
    }
  }

  @BeforeEach
  void reset() throws Exception {
    slave.tell("reset");
    events = new RecordingLineEvents();
  }

  @AfterEach
  void closeSwitchboard() {
    if (switchboard != null) {
      switchboard.close();
      switchboard = null;
    }
  }

  private Switchboard cabinet(int channels, Map<String, String> options, int attempts) throws DeviceException {
    Clock clock = Clock.systemUTC();
    DeviceContext context = new DeviceContext(clock, Pause.sleeping(), new JSerialCommPorts(), events);
    java.util.Map<String, String> all = new java.util.HashMap<>(Map.of("timeout", "150ms"));
    all.putAll(options);
    RelayBoard board = RelayBoards.open(new BoardSpec("tu-chinh", "modbus-rtu", Optional.of(slave.port()), channels, all),
        context);
    List<ZoneLine> zones = List.of(
        new ZoneLine("ap-1", "tu-chinh", new RelayChannel(1)),
        new ZoneLine("ap-2", "tu-chinh", new RelayChannel(2)),
        new ZoneLine("ap-3", "tu-chinh", new RelayChannel(3)),
        new ZoneLine("ap-4", "tu-chinh", new RelayChannel(4)),
        new ZoneLine("ap-5", "tu-chinh", new RelayChannel(5)));
    List<ZoneLine> wired = channels > 8
        ? java.util.stream.Stream.concat(zones.stream(), java.util.stream.Stream.of(
            new ZoneLine("ap-10", "tu-chinh", new RelayChannel(10)))).toList()
        : zones;
    switchboard = new Switchboard(List.of(board), Optional.of(new RelayWire("tu-chinh", new RelayChannel(8))),
        wired, SwitchPolicy.DEFAULT.withAttempts(attempts).withRetryPause(Duration.ofMillis(20)), clock, Pause.sleeping());
    return switchboard;
  }

  @Test
  void switchesHamletsAndTheAmplifierAndTheSlaveSeesExactlyThoseCoils() throws Exception {
    Switchboard board = cabinet(8, Map.of(), 3);
    assertTrue(board.allOff().isEmpty());
    board.amplifierOn();
    SwitchResult on = board.zonesOn(List.of("ap-1", "ap-3", "ap-5"));
    assertEquals(List.of("ap-1", "ap-3", "ap-5"), on.confirmed());
    assertEquals("10101001", slave.relays());
    board.zonesOff(List.of("ap-1", "ap-3", "ap-5"));
    board.amplifierOff();
    assertEquals("00000000", slave.relays());
  }

  @Test
  void aWeldedRelayIsAFailedZoneWhileTheOthersAir() throws Exception {
    slave.tell("stuck 1");
    Switchboard board = cabinet(8, Map.of(), 2);
    SwitchResult on = board.zonesOn(List.of("ap-1", "ap-2", "ap-3"));
    assertEquals(List.of("ap-1", "ap-3"), on.confirmed());
    // pymodbus answers a write with the coil's state after it, so the welded coil shows in the reply
    assertTrue(on.failed().get("ap-2").contains("CH2"), on.failed().toString());
    assertTrue(on.failed().get("ap-2").contains("01 05 00 01 00 00"), on.failed().toString());
    assertEquals("10100000", slave.relays());
  }

  @Test
  void anExceptionReplyFailsOnlyTheZoneWiredBeyondTheSlave() throws Exception {
    Switchboard board = cabinet(10, Map.of(), 1);
    SwitchResult on = board.zonesOn(List.of("ap-1", "ap-2", "ap-10"));
    assertEquals(List.of("ap-1", "ap-2"), on.confirmed(), on.failed().toString());
    String why = on.failed().get("ap-10");
    assertTrue(why.contains("CH10") && why.contains("exception 2") && why.contains("illegal data address"), why);
    assertEquals("11000000", slave.relays());
  }

  @Test
  void garbageBytesAndAWrongCrcAreRetriedAway() throws Exception {
    Switchboard board = cabinet(8, Map.of(), 3);
    slave.tell("garbage 1");
    assertEquals(List.of("ap-1", "ap-2"), board.zonesOn(List.of("ap-1", "ap-2")).confirmed());
    slave.tell("badcrc 1");
    assertEquals(List.of("ap-3"), board.zonesOn(List.of("ap-3")).confirmed());
    assertEquals("11100000", slave.relays());
  }

  @Test
  void withOneAttemptAGarbledReplyIsAFailedZoneNamingTheCrc() throws Exception {
    Switchboard board = cabinet(8, Map.of(), 1);
    slave.tell("badcrc 1");
    SwitchResult on = board.zonesOn(List.of("ap-4"));
    assertTrue(on.failed().get("ap-4").contains("CRC"), on.failed().toString());
  }

  @Test
  void whenTheSlaveStopsAnsweringMidAiringTheLinesAreSwitchedOffOnceItIsBack() throws Exception {
    Switchboard board = cabinet(8, Map.of(), 2);
    board.amplifierOn();
    assertEquals(2, board.zonesOn(List.of("ap-1", "ap-2")).confirmed().size());
    slave.tell("mute");
    SwitchResult off = board.zonesOff(List.of("ap-1", "ap-2"));
    assertTrue(off.failed().get("ap-1").contains("did not answer"), off.failed().toString());
    assertTrue(board.linesOn().contains(RelayLine.zone("ap-1")));
    board.tick();
    assertEquals("11000001", slave.relays(), "a silent slave keeps its relays");
    slave.tell("unmute");
    board.tick();
    assertEquals("00000001", slave.relays());
    assertFalse(board.linesOn().contains(RelayLine.zone("ap-1")));
    board.amplifierOff();
    assertEquals("00000000", slave.relays());
  }

  @Test
  void whenTheUsbAdapterVanishesAndReturnsItIsReportedOnceEachWayAndTheLinesComeBack() throws Exception {
    Switchboard board = cabinet(8, Map.of(), 1);
    assertEquals(2, board.zonesOn(List.of("ap-1", "ap-2")).confirmed().size());
    slave.unplug();
    try {
      SwitchResult more = board.zonesOn(List.of("ap-3"));
      assertTrue(more.failed().containsKey("ap-3"));
      List<ZoneStatus> report = board.report();
      assertTrue(report.stream().allMatch(z -> z.error().isPresent()), report.toString());
      board.tick();
      board.tick();
      assertEquals(List.of("lost " + slave.port()), events.events());
    } finally {
      slave.plugBackIn();
    }
    assertEquals("00000000", slave.relays(), "the board came back from a power cycle");
    List<String> done = board.tick();
    assertEquals(List.of("lost " + slave.port(), "back " + slave.port()), events.events());
    assertTrue(done.stream().anyMatch(d -> d.contains("answers again")), done.toString());
    assertEquals("11100000", slave.relays(), "every line that should be on is on again");
  }

  @Test
  void aWrongUnitIdIsABoardThatDoesNotAnswer() throws Exception {
    Switchboard board = cabinet(8, Map.of("unit", "2"), 1);
    SwitchResult on = board.zonesOn(List.of("ap-1"));
    assertTrue(on.failed().get("ap-1").contains("unit 2") && on.failed().get("ap-1").contains("did not answer"),
        on.failed().toString());
  }

  @Test
  void probeFindsTheEightCoilsWithoutSwitchingAnything() throws Exception {
    slave.tell("reset");
    ProbeReport report = RelayBoards.probe(new BoardSpec("tu-chinh", "modbus-rtu", Optional.of(slave.port()), 8,
        Map.of("timeout", "150ms")), new DeviceContext(Clock.systemUTC(), Pause.sleeping(), new JSerialCommPorts(),
        LineEvents.logging()));
    assertTrue(report.answered(), report.detail());
    assertEquals(Optional.of(8), report.channelsFound(), report.detail());
    assertEquals("00000000", slave.relays());
  }
}
