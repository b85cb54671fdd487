package io.loaxa.devices.numato;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import io.loaxa.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A Numato module's answer to {@code relay read}, any bytes with a pause anywhere: a state only when
 * what came before the prompt, less the echo, says on or off (and that answer formatted back as the
 * module writes it reads the same), otherwise a {@link DeviceException} in words; never more than
 * the answer limit read.
 *
 * <p>Input: byte 0 the channel (1..8), byte 1 where the answer pauses, byte 2 the pause in ms, the
 * rest the answer.
 */
class NumatoReplyFuzzTest {
  @FuzzTest(maxDuration = "2h")
  void anyAnswerIsAStateOnlyWhenItSaysOnOrOffBeforeThePrompt(byte[] input) {
    if (input.length < 3) {
      return;
    }
    int channel = 1 + (input[0] & 7);
    byte[] answer = Arrays.copyOfRange(input, 3, input.length);
    ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyACM0").answering(r -> answer);
    if (input[1] != 0) {
      line.pausingAfter(input[1] & 0xFF, Duration.ofMillis(input[2] & 0xFF));
    }
    MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
    NumatoBoard board = new NumatoBoard("numato", 8, line, Duration.ZERO, Duration.ofMillis(300), clock,
        new RecordingPause(clock));
    Optional<Boolean> state;
    try {
      state = board.readBack(new RelayChannel(channel));
    } catch (DeviceException e) {
      // what the module sent is quoted between '…' and may say anything; the words around it may not be Java's
      String ours = e.getMessage().replaceAll("(?s)'.*'", "'…'");
      assertFalse(ours.matches("(?s).*(Exception|java\\.|Index \\d+ out of bounds).*"), e.getMessage());
      assertTrue(line.reads() <= 600, "read " + line.reads() + " times");
      return;
    }
    assertTrue(line.reads() <= 600, "read " + line.reads() + " times");
    assertTrue(state.isPresent());
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int prompt = text.indexOf(NumatoCommands.PROMPT);
    assertTrue(prompt >= 0 && prompt <= 512, "a state without a prompt in its limit");
    String said = NumatoCommands.answer(NumatoCommands.relayRead(channel), text.substring(0, prompt));
    assertEquals(state.get() ? "on" : "off", said.trim().toLowerCase(Locale.ROOT));
    String formatted = "relay read " + NumatoCommands.relayIndex(channel) + "\n\r" + said + "\n\r";
    assertEquals(said, NumatoCommands.answer(NumatoCommands.relayRead(channel), formatted), "format then parse");
  }
}
