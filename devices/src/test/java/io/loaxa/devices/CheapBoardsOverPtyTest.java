package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.modbus.ModbusException;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.devices.testing.RecordingLineEvents;
import io.loaxa.testkit.Integration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Faults on the cheap boards, over real ptys against the python stand-ins written from their
 * datasheets: silence, garbage, bad CRC, exception replies, the dead-man timer, the adapter pulled.
 */
@Integration
class CheapBoardsOverPtyTest {
  private final RecordingLineEvents events = new RecordingLineEvents();
  private final DeviceContext context =
      new DeviceContext(Clock.systemUTC(), Pause.sleeping(), new JSerialCommPorts(), events);

  private RelayBoard open(PeerOnPty peer, String driver, int channels, Map<String, String> options)
      throws DeviceException {
    return RelayBoards.open(new BoardSpec("tu-chinh", driver, Optional.of(peer.port()), channels, options), context);
  }

  private static RelayChannel ch(int n) {
    return new RelayChannel(n);
  }

  @Test
  void aRegisterBoardInDeadManModeReleasesTheLineByItselfWhenNotReasserted() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("modbus-register", 4);
        RelayBoard board = open(peer, "modbus-register", 4, Map.of("holdSeconds", "1", "timeout", "150ms"))) {
      assertEquals(Optional.of(Duration.ofSeconds(1)), board.holdTime());
      board.switchOn(ch(2));
      assertEquals(Optional.of(true), board.readBack(ch(2)));
      assertTrue(peer.awaitRelay(2, false), "the board's own timer let the relay go");
      assertEquals(Optional.of(false), board.readBack(ch(2)));
    }
  }

  @Test
  void aRegisterBoardsGarbageBadCrcAndExceptionRepliesAreClearErrors() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("modbus-register", 4);
        RelayBoard board = open(peer, "modbus-register", 8, Map.of("timeout", "150ms"))) {
      peer.tell("badcrc");
      DeviceException crc = assertThrows(DeviceException.class, () -> board.switchOn(ch(1)));
      assertTrue(crc.getMessage().contains("CRC"), crc.getMessage());
      peer.tell("garbage");
      assertThrows(DeviceException.class, () -> board.readBack(ch(1)));
      assertEquals(Optional.of(true), board.readBack(ch(1)), "the next exchange is clean again");
      ModbusException beyond = assertThrows(ModbusException.class, () -> board.switchOn(ch(6)));
      assertEquals(2, beyond.code());
      peer.tell("mute");
      assertThrows(BoardSilentException.class, () -> board.switchOff(ch(1)));
    }
  }

  @Test
  void aNumatoModuleThatStopsAnsweringIsSilentNotSwitched() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("numato", 4);
        RelayBoard board = open(peer, "numato", 4, Map.of("timeout", "150ms"))) {
      ProbeReport probe = board.probe();
      assertTrue(probe.answered() && probe.detail().contains("00000008"), probe.detail());
      peer.tell("mute");
      assertThrows(BoardSilentException.class, () -> board.switchOn(ch(1)));
      peer.tell("unmute");
      board.switchOn(ch(1));
      assertEquals(Optional.of(true), board.readBack(ch(1)));
    }
  }

  @Test
  void aKmtronicBoardThatDoesNotAnswerItsStatusRequestFailsLoudly() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("kmtronic", 4);
        RelayBoard board = open(peer, "kmtronic", 4, Map.of("timeout", "150ms", "frameGap", "10ms"))) {
      board.switchOn(ch(3));
      assertEquals(Optional.of(true), board.readBack(ch(3)));
      peer.tell("garbage");
      DeviceException odd = assertThrows(DeviceException.class, () -> board.readBack(ch(3)));
      assertTrue(odd.getMessage().contains("not understood"), odd.getMessage());
      peer.tell("mute");
      assertThrows(BoardSilentException.class, () -> board.readBack(ch(3)));
    }
  }

  @Test
  void anLcusBoardIsCommandedNotConfirmedAndComesBackAfterItsAdapterIsReplugged() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("lcus", 4)) {
      RelayBoard board = open(peer, "lcus", 4, Map.of("frameGap", "10ms"));
      Switchboard switchboard = new Switchboard(List.of(board), Optional.empty(),
          List.of(new ZoneLine("ap-1", "tu-chinh", ch(1)), new ZoneLine("ap-2", "tu-chinh", ch(2))),
          SwitchPolicy.DEFAULT.withAttempts(1).withReassertEvery(Duration.ofMillis(1)), Clock.systemUTC(),
          Pause.sleeping());
      try {
        SwitchResult on = switchboard.zonesOn(List.of("ap-1"));
        assertEquals(List.of("ap-1"), on.commanded());
        assertTrue(peer.awaitRelay(1, true));
        peer.unplug();
        SwitchResult away = switchboard.zonesOn(List.of("ap-2"));
        assertTrue(away.failed().containsKey("ap-2"), away.toString());
        assertEquals(List.of("lost " + peer.port()), events.events());
        peer.plugBackIn();
        switchboard.tick();
        assertTrue(peer.awaitRelay(1, true), "re-asserted after the adapter came back");
        assertTrue(peer.awaitRelay(2, true), "the zone commanded while away is on too");
        assertEquals(List.of("lost " + peer.port(), "back " + peer.port()), events.events());
      } finally {
        switchboard.close();
      }
      assertTrue(peer.awaitRelay(1, false));
      assertTrue(peer.awaitRelay(2, false));
    }
  }

  @Test
  void aDtrRtsBoardOnAPtySaysClearlyThatTheAdapterHasNoModemLines() throws Exception {
    try (PeerOnPty peer = PeerOnPty.relayPeer("lcus", 2);
        RelayBoard board = open(peer, "dtr-rts", 2, Map.of())) {
      DeviceException e = assertThrows(DeviceException.class, () -> board.switchOn(ch(1)));
      assertTrue(e.getMessage().contains("does not drive DTR"), e.getMessage());
      assertTrue(events.events().isEmpty(), "a pty without modem lines is not a lost port");
    }
  }
}
