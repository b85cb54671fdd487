package io.loaxa.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialSettings;
import io.loaxa.testkit.MutableClock;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coil board's frames and its handling of bad replies, against a scripted line. */
class ModbusCoilBoardTest {
  private final MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
  private final RecordingPause pause = new RecordingPause(clock);
  private final ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyRS485");
  private final boolean[] coils = new boolean[8];

  /** A well-behaved 8-coil slave at unit 1, written against the frames the datasheet prints. */
  private byte[] slave(byte[] request) {
    int fc = request[1] & 0xFF;
    int address = (request[2] & 0xFF) << 8 | request[3] & 0xFF;
    int count = (request[4] & 0xFF) << 8 | request[5] & 0xFF;
    switch (fc) {
      case 0x05:
        coils[address] = (request[4] & 0xFF) == 0xFF;
        return request.clone();
      case 0x0F:
        for (int i = 0; i < count; i++) {
          coils[address + i] = (request[7 + i / 8] & (1 << (i % 8))) != 0;
        }
        return Crc16.append(java.util.Arrays.copyOf(request, 6));
      case 0x01:
        byte[] body = new byte[3 + (count + 7) / 8];
        body[0] = 1;
        body[1] = 1;
        body[2] = (byte) ((count + 7) / 8);
        for (int i = 0; i < count; i++) {
          if (coils[address + i]) {
            body[3 + i / 8] |= (byte) (1 << (i % 8));
          }
        }
        return Crc16.append(body);
      default:
        return new byte[0];
    }
  }

  private ModbusCoilBoard board(int coilOffset) {
    return new ModbusCoilBoard("tu-chinh", 8, line, SerialSettings.DEFAULT, 1, coilOffset, Duration.ofMillis(300),
        Duration.ZERO, true, clock, pause);
  }

  @Test
  void printedChannelOneIsCoilZero() throws DeviceException {
    line.answering(this::slave);
    ModbusCoilBoard board = board(0);
    board.switchOn(new RelayChannel(1));
    board.switchOff(new RelayChannel(2));
    assertEquals(List.of("01 05 00 00 FF 00 8C 3A", "01 05 00 01 00 00 9C 0A"), line.writtenHex());
  }

  @Test
  void switchesEightZonesWithOneFrameAndConfirmsThemWithAnother() throws DeviceException {
    line.answering(this::slave);
    ModbusCoilBoard board = board(0);
    board.readBackAll(channels(1, 8));
    Map<RelayChannel, Boolean> wanted = new LinkedHashMap<>();
    channels(1, 8).forEach(c -> wanted.put(c, true));
    board.switchAll(wanted);
    Map<RelayChannel, Optional<Boolean>> states = board.readBackAll(channels(1, 8));
    assertEquals(List.of("01 01 00 00 00 08 3D CC", "01 0F 00 00 00 08 01 FF BE D5", "01 01 00 00 00 08 3D CC"),
        line.writtenHex());
    assertTrue(states.values().stream().allMatch(s -> s.equals(Optional.of(true))));
  }

  @Test
  void aMultiCoilWriteKeepsTheChannelsBetweenAsTheyAre() throws DeviceException {
    line.answering(this::slave);
    coils[1] = true;
    ModbusCoilBoard board = board(0);
    board.switchAll(Map.of(new RelayChannel(1), true, new RelayChannel(3), true));
    assertEquals("01 01 00 00 00 03", line.writtenHex().get(0).substring(0, 17), "reads the range it does not know");
    assertTrue(coils[0] && coils[1] && coils[2]);
    board.switchAll(Map.of(new RelayChannel(1), false, new RelayChannel(3), false));
    assertEquals(3, line.writtenHex().size(), "knows the range now: no second read");
    assertTrue(!coils[0] && coils[1] && !coils[2]);
  }

  @Test
  void honoursTheCoilOffset() throws DeviceException {
    line.answering(this::slave);
    board(2).switchOn(new RelayChannel(1));
    assertTrue(line.writtenHex().get(0).startsWith("01 05 00 02 FF 00"));
  }

  @Test
  void anExceptionReplyBecomesAClearError() {
    line.thenReply("01 85 02 C3 51");
    ModbusException e = assertThrows(ModbusException.class, () -> board(0).switchOn(new RelayChannel(1)));
    assertEquals(2, e.code());
    assertTrue(e.getMessage().contains("illegal data address"));
  }

  @Test
  void silenceIsABoardThatDoesNotAnswer() {
    BoardSilentException e = assertThrows(BoardSilentException.class, () -> board(0).switchOn(new RelayChannel(1)));
    assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
  }

  @Test
  void aReplyWithABadCrcIsRejected() {
    line.thenReply("01 05 00 00 FF 00 8C 3B");
    DeviceException e = assertThrows(DeviceException.class, () -> board(0).switchOn(new RelayChannel(1)));
    assertTrue(e.getMessage().contains("CRC"), e.getMessage());
  }

  @Test
  void garbageBeforeTheReplyIsRejectedAndTheNextExchangeWorks() throws DeviceException {
    line.thenReply("00 FF 13 01 05 00 00 FF 00 8C 3A").answering(this::slave);
    ModbusCoilBoard board = board(0);
    assertThrows(DeviceException.class, () -> board.switchOn(new RelayChannel(1)));
    board.switchOn(new RelayChannel(1));
    assertEquals(Optional.of(true), board.readBack(new RelayChannel(1)));
  }

  @Test
  void keepsTheModbusSilenceBetweenFrames() throws DeviceException {
    line.answering(this::slave);
    ModbusCoilBoard board = board(0);
    board.switchOn(new RelayChannel(1));
    board.switchOn(new RelayChannel(2));
    assertEquals(1, pause.pauses().size());
    Duration gap = pause.pauses().get(0);
    assertTrue(gap.toNanos() > 3_500_000 && gap.toNanos() < 4_200_000, gap.toString());
  }

  @Test
  void probeCountsTheCoilsTheSlaveAdmitsTo() {
    line.answering(request -> {
      int count = (request[4] & 0xFF) << 8 | request[5] & 0xFF;
      if (count > 8) {
        return Crc16.append(new byte[] {1, (byte) 0x81, 2});
      }
      return slave(request);
    });
    ProbeReport report = board(0).probe();
    assertTrue(report.answered());
    assertEquals(Optional.of(8), report.channelsFound());
    assertTrue(report.readBack());
  }

  @Test
  void aChannelBeyondTheBoardIsABug() {
    assertThrows(IllegalArgumentException.class, () -> board(0).switchOn(new RelayChannel(9)));
  }

  private static List<RelayChannel> channels(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(RelayChannel::new).toList();
  }
}
