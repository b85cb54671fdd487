package io.loaxa.devices.numato;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.DeviceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumatoCommandsTest {
  private static String text(byte[] command) {
    return new String(command, StandardCharsets.US_ASCII);
  }

  @Test
  void printedChannelOneIsRelayZero() {
    assertEquals("relay on 0\r", text(NumatoCommands.relayOn(1)));
    assertEquals("relay off 7\r", text(NumatoCommands.relayOff(8)));
    assertEquals("relay read 9\r", text(NumatoCommands.relayRead(10)));
  }

  @Test
  void relaysBeyondNineAreLetters() {
    assertEquals("A", NumatoCommands.relayIndex(11));
    assertEquals("F", NumatoCommands.relayIndex(16));
    assertEquals("V", NumatoCommands.relayIndex(32));
  }

  @Test
  void findsTheAnswerBetweenTheEchoAndThePrompt() throws DeviceException {
    byte[] read = NumatoCommands.relayRead(1);
    assertEquals("on", NumatoCommands.answer(read, "relay read 0\n\ron\n\r"));
    assertTrue(NumatoCommands.relayState(1, NumatoCommands.answer(read, "relay read 0\n\ron\n\r")));
    assertFalse(NumatoCommands.relayState(1, NumatoCommands.answer(read, "\n\rrelay read 0\n\roff\n\r")));
    assertEquals("", NumatoCommands.answer(NumatoCommands.relayOn(1), "relay on 0\n\r"));
  }

  @Test
  void anAnswerOtherThanOnOrOffIsAnError() {
    assertThrows(DeviceException.class, () -> NumatoCommands.relayState(1, "Invalid relay number"));
  }
}
