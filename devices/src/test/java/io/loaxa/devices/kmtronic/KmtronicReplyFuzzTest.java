package io.loaxa.devices.kmtronic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import io.loaxa.testkit.MutableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A KMtronic board's status reply, any bytes with a pause anywhere: a state only for exactly
 * {@code FF nn 00|01} for the relay asked (the state formatted back as a reply gives the same bytes),
 * otherwise a {@link DeviceException} in words; bounded reads however much the board sends.
 *
 * <p>Input: byte 0 the relay asked (1..8), byte 1 where the reply pauses, byte 2 the pause in ms,
 * the rest the reply.
 */
class KmtronicReplyFuzzTest {
  @FuzzTest(maxDuration = "2h")
  void anyStatusReplyIsAStateOnlyWhenItIsExactlyTheRelaysOwn(byte[] input) {
    if (input.length < 3) {
      return;
    }
    int relay = 1 + (input[0] & 7);
    byte[] reply = Arrays.copyOfRange(input, 3, input.length);
    ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyUSB0").answering(r -> reply);
    if (input[1] != 0) {
      line.pausingAfter(input[1] & 0xFF, Duration.ofMillis(input[2] & 0xFF));
    }
    MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
    KmtronicBoard board = new KmtronicBoard("kho", 8, line, Duration.ZERO, Duration.ofMillis(300), true, clock,
        new RecordingPause(clock));
    Optional<Boolean> state;
    try {
      state = board.readBack(new RelayChannel(relay));
    } catch (DeviceException e) {
      assertFalse(e.getMessage().matches("(?s).*(Exception|java\\.|Index \\d+ out of bounds).*"), e.getMessage());
      assertTrue(line.reads() <= 40, "read " + line.reads() + " times");
      return;
    }
    assertTrue(state.isPresent());
    assertArrayEquals(KmtronicFrames.command(relay, state.get()), Arrays.copyOf(reply, 3), "the state, formatted back");
  }
}
