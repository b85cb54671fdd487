package io.loaxa.devices.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.testing.ScriptedSerialLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The modem's answers held to their limits: line length, lines before OK, what its words may put in a message. */
class GsmModemLimitsTest {
  private final List<Duration> pauses = new ArrayList<>();

  private GsmModem modem(String answer) {
    ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyUSB2")
        .answering(written -> answer.getBytes(StandardCharsets.ISO_8859_1));
    return new GsmModem(line, new GsmModem.Settings(false, 3, Duration.ofMillis(50), Duration.ofMillis(50), 1,
        Duration.ZERO), pauses::add);
  }

  @Test
  void aLineLongerThan256CharactersIsRefusedAsAWrongDeviceOnThePort() {
    ModemException e = assertThrows(ModemException.class, () -> modem("x".repeat(100_000)).send("+84912345678", "a"));
    assertEquals("modem GSM trên /dev/ttyUSB2 gửi một dòng dài hơn 256 ký tự khi trả lời AT / the GSM modem on"
        + " /dev/ttyUSB2 sent a line longer than 256 characters answering AT: a wrong baud rate or another device on"
        + " the port", e.getMessage());
  }

  @Test
  void moreThan32LinesWithoutOkAreRefusedNamingTheLastOne() {
    ModemException e = assertThrows(ModemException.class,
        () -> modem("+CSQ: 10,0\r\n".repeat(100)).send("+84912345678", "a"));
    assertTrue(e.getMessage().startsWith("modem GSM trên /dev/ttyUSB2 trả lời AT quá 32 dòng mà chưa có OK / the GSM"
        + " modem on /dev/ttyUSB2 answered AT with more than 32 lines and no OK (last: '+CSQ: 10,0')"), e.getMessage());
  }

  @Test
  void aSilentModemIsAModemExceptionThatQuotesItsLastWordsPrintable() {
    ModemSilentException e = assertThrows(ModemSilentException.class,
        () -> modem("hel\u0007lo \u001b[31mred\r\nit's me\r\n").send("+84912345678", "a"));
    assertTrue(e.getMessage().endsWith("did not answer AT within 50 ms (it said 'hel?lo ?[31mred', 'it`s me')"), e.getMessage());
    assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl));
  }

  @Test
  void aRefusalQuotesAtMost60CharactersOfTheModemsWords() {
    ModemException e = assertThrows(ModemException.class,
        () -> modem("+CME ERROR: " + "y".repeat(200) + "\r\n").send("+84912345678", "a"));
    assertEquals("the GSM modem on /dev/ttyUSB2 answered '+CME ERROR: " + "y".repeat(48) + "…' to AT", e.getMessage());
  }
}
