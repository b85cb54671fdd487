package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.testkit.MutableClock;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameGapTest {
  private final MutableClock clock = MutableClock.at("2024-05-01T05:30:00Z");
  private final RecordingPause pause = new RecordingPause(clock);
  private final FrameGap gap = new FrameGap(Duration.ofMillis(50), clock, pause);
  private final ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyUSB0");

  @Test
  void aCheapBoardGetsTheWholeGapBetweenTwoFramesSentBackToBack() throws DeviceException {
    gap.send(line, frame("A0 01 01 A2"));
    gap.send(line, frame("A0 01 00 A1"));
    assertEquals(List.of(Duration.ofMillis(50)), pause.pauses());
    assertEquals(List.of("A0 01 01 A2", "A0 01 00 A1"), line.writtenHex());
  }

  @Test
  void onlyWhatIsLeftOfTheGapIsWaited() throws DeviceException {
    gap.send(line, frame("A0 01 01 A2"));
    clock.advance(Duration.ofMillis(30));
    gap.send(line, frame("A0 01 00 A1"));
    clock.advance(Duration.ofMillis(60));
    gap.send(line, frame("A0 01 01 A2"));
    assertEquals(List.of(Duration.ofMillis(20)), pause.pauses());
  }

  @Test
  void aFrameWhoseReplyFailedStillCountsForTheGap() throws DeviceException {
    assertThrows(BoardSilentException.class, () -> gap.exchange(line, frame("FF 01 03"), () -> {
      throw new BoardSilentException("board tu-chinh did not answer");
    }));
    gap.send(line, frame("FF 01 01"));
    assertEquals(List.of(Duration.ofMillis(50)), pause.pauses());
  }

  @Test
  void theReplyIsReadAfterBytesTheBoardSentUnaskedAreThrownAway() throws DeviceException {
    line.thenReply("55 55 55", "FF 01 01");
    gap.send(line, frame("A0 01 01 A2"));
    byte[] reply = new byte[3];
    int got = gap.exchange(line, frame("FF 01 03"), () -> line.read(reply, 0, 3, Duration.ofMillis(100)));
    assertEquals(3, got);
    assertEquals("FF 01 01", ScriptedSerialLine.hex(reply));
  }

  private static byte[] frame(String hex) {
    return HexFormat.ofDelimiter(" ").parseHex(hex);
  }
}
