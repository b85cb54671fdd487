package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.kmtronic.KmtronicBoard;
import io.loaxa.devices.modbus.Crc16;
import io.loaxa.devices.modbus.ModbusCoilBoard;
import io.loaxa.devices.numato.NumatoBoard;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import io.loaxa.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Relay boards that answer badly, one limit each: too many bytes, a bad CRC, another unit's or
 * another function's reply, a reply that pauses mid-way, a chatterbox without a prompt. Each is a
 * {@link DeviceException} with the bytes or the figure in it, never an array bounds error, and the
 * driver stops reading within a bounded number of reads.
 */
class HostileRepliesTest {
  private static final RelayChannel CH1 = new RelayChannel(1);
  private final MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
  private final RecordingPause pause = new RecordingPause(clock);
  private final ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyRS485");

  private ModbusCoilBoard modbus() {
    return new ModbusCoilBoard("tu-chinh", 8, line, SerialSettings.DEFAULT, 1, 0, Duration.ofMillis(300),
        Duration.ZERO, true, clock, pause);
  }

  /** FC01 reply of unit 1 for one coil that is on. */
  private static byte[] coilOn() {
    return Crc16.append(new byte[] {1, 1, 1, 1});
  }

  @Test
  void aModbusReplyOfThreeHundredBytesIsRefusedForTheBytesBeyondItsFrame() {
    line.answering(request -> {
      byte[] flood = new byte[300];
      new Random(15).nextBytes(flood);
      System.arraycopy(request, 0, flood, 0, 8); // a good echo, then 292 bytes more
      return flood;
    });
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().switchOn(CH1));
    assertTrue(e.getMessage().contains("sent 292 bytes beyond a 8-byte reply"), e.getMessage());
    assertTrue(e.getMessage().startsWith("unit 1 trên /dev/ttyRS485 gửi thêm 292 byte"), e.getMessage());
    assertTrue(line.reads() < 20, "read " + line.reads() + " times");
  }

  @Test
  void threeHundredBytesOfNoiseAreRefusedAsGarbledNotReadWithoutEnd() {
    line.answering(request -> {
      byte[] noise = new byte[300];
      new Random(16).nextBytes(noise);
      return noise;
    });
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().readBack(CH1));
    assertTrue(e.getMessage().contains("CRC") || e.getMessage().contains("reply from unit"), e.getMessage());
    assertTrue(line.reads() < 20, "read " + line.reads() + " times");
  }

  @Test
  void aReplyWithABadCrcIsRefusedShowingItsBytes() {
    byte[] bad = coilOn();
    bad[bad.length - 1] ^= 0x01;
    line.answering(request -> bad);
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().readBack(CH1));
    assertTrue(e.getMessage().contains("fails its CRC check: 01 01 01 01"), e.getMessage());
  }

  @Test
  void anotherUnitsReplyIsRefused() {
    line.answering(request -> Crc16.append(new byte[] {2, 1, 1, 1}));
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().readBack(CH1));
    assertTrue(e.getMessage().contains("reply from unit 2 where unit 1 was asked"), e.getMessage());
  }

  @Test
  void aReplyToAnotherFunctionIsRefused() {
    line.answering(request -> Crc16.append(new byte[] {1, 3, 1, 1}));
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().readBack(CH1));
    assertTrue(e.getMessage().contains("unexpected reply from unit 1 to function 1"), e.getMessage());
  }

  @Test
  void aReplyThatFallsSilentLongerThanTheInterByteGapIsCutShort() {
    line.answering(request -> coilOn()).pausingAfter(3, Duration.ofMillis(200));
    DeviceException e = assertThrows(DeviceException.class, () -> modbus().readBack(CH1));
    assertTrue(e.getMessage().contains("cut short after 3 of 6 bytes: 01 01 01"), e.getMessage());
  }

  @Test
  void aReplyThatPausesWithinTheGapIsWhole() throws DeviceException {
    line.answering(request -> coilOn()).pausingAfter(3, Duration.ofMillis(20));
    assertEquals(Optional.of(true), modbus().readBack(CH1));
  }

  @Test
  void aKmtronicBoardThatAnswersMoreThanThreeBytesIsRefused() {
    KmtronicBoard board = new KmtronicBoard("kho", 4, line, Duration.ZERO, Duration.ofMillis(300), true, clock, pause);
    line.answering(request -> new byte[] {(byte) 0xFF, 1, 1, (byte) 0xFF, 1, 1});
    DeviceException e = assertThrows(DeviceException.class, () -> board.readBack(CH1));
    assertTrue(e.getMessage().contains("sent 3 bytes beyond a 3-byte reply"), e.getMessage());
  }

  @Test
  void aNumatoModuleThatTalksWithoutAPromptIsRefusedAtItsLimit() {
    NumatoBoard board = new NumatoBoard("numato", 8, line, Duration.ZERO, Duration.ofMillis(300), clock, pause);
    byte[] chatter = new byte[5000];
    Arrays.fill(chatter, (byte) 'x');
    line.answering(request -> chatter);
    DeviceException e = assertThrows(DeviceException.class, () -> board.readBack(CH1));
    assertTrue(e.getMessage().contains("sent a reply longer than the 512 bytes allowed"), e.getMessage());
    assertTrue(line.reads() < 600, "read " + line.reads() + " times");
  }

  @Test
  void aNumatoModuleThatFallsSilentMidAnswerEndsWithoutAPrompt() {
    NumatoBoard board = new NumatoBoard("numato", 8, line, Duration.ZERO, Duration.ofMillis(300), clock, pause);
    line.answering(request -> "relay read 0\n\ron\n\r>".getBytes(StandardCharsets.US_ASCII))
        .pausingAfter(14, Duration.ofSeconds(1));
    DeviceException e = assertThrows(DeviceException.class, () -> board.readBack(CH1));
    assertTrue(e.getMessage().contains("answer ended without a prompt"), e.getMessage());
  }

  @Test
  void aSilentBoardIsStillSilentNotGarbled() {
    line.answering(request -> new byte[0]);
    assertThrows(BoardSilentException.class, () -> modbus().readBack(CH1));
  }
}
