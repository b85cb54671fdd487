package io.loaxa.devices.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.testing.ScriptedSerialLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The GSM modem fed any answers to its AT commands — garbage, lines without end, lines that never
 * reach {@code OK}, {@code +CME}/{@code +CMS ERROR}s, a prompt that never comes: sending an alert
 * either goes through (one {@code +CMGS} reference per part, the parts the text becomes) or ends as a
 * {@link ModemException} (or its silent / SIM-locked kinds) whose message is one printable line of
 * bounded length that never holds the SIM PIN, in bounded time. And the SMS codec: any Unicode text
 * becomes GSM 7-bit or UCS-2 parts within the SMS size that, prefixes taken off and hex decoded, give
 * the text back.
 *
 * <p>Modem input: byte 0 bit 0 keeps diacritics (UCS-2), bit 1 gives the modem a SIM PIN; the rest,
 * split at 0x00, are the modem's answers to the driver's writes in turn (silence once they run out).
 */
class GsmModemFuzzTest {
  private static final String PIN = "4711";
  private static final String TEXT = "Mất điện ở thôn Đông từ 05:30; đường dây ấp 2 không có tiếng";

  @FuzzTest(maxDuration = "2h")
  void anyModemAnswerSendsTheAlertOrEndsAsAModemRefusalInWords(byte[] input) {
    if (input.length < 1) {
      return;
    }
    boolean ucs2 = (input[0] & 1) != 0;
    List<byte[]> answers = new ArrayList<>();
    int from = 1;
    for (int i = 1; i <= input.length; i++) {
      if (i == input.length || input[i] == 0) {
        answers.add(Arrays.copyOfRange(input, from, i));
        from = i + 1;
      }
    }
    int[] next = {0};
    ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyUSB2")
        .answering(written -> next[0] < answers.size() ? answers.get(next[0]++) : new byte[0]);
    List<Duration> pauses = new ArrayList<>();
    GsmModem.Settings settings = new GsmModem.Settings(ucs2, 3, Duration.ofMillis(5), Duration.ofMillis(5), 2,
        Duration.ofSeconds(5));
    GsmModem modem = new GsmModem(line, settings, pauses::add);
    if ((input[0] & 2) != 0) {
      modem.unlockingWith(new SimUnlock(PIN, "/etc/loaxa/sim-pin"));
    }
    long start = System.nanoTime();
    try {
      GsmModem.Receipt receipt = modem.send("+84912345678", TEXT);
      bounded(start);
      assertEquals(modem.partsOf(TEXT), receipt.parts());
      assertEquals(receipt.parts().size(), receipt.references().size());
    } catch (DeviceException e) {
      bounded(start);
      ModemException m = assertInstanceOf(ModemException.class, e, "a modem fault is a ModemException");
      inWords(m.getMessage());
    }
    assertTrue(pauses.size() <= 1, "two attempts, one gap: " + pauses);
  }

  @FuzzTest(maxDuration = "2h")
  void anyTextBecomesSmsPartsThatGiveItBack(FuzzedDataProvider data) {
    boolean ucs2 = data.consumeBoolean();
    int maxParts = data.consumeInt(1, 20);
    String text = data.consumeRemainingAsString();
    String body = ucs2 ? text : SmsText.gsm7(text);
    if (!ucs2) {
      assertTrue(SmsText.isGsm7(body), "only GSM 7-bit characters every modem sends: " + body);
    }
    List<String> parts = SmsText.parts(body, ucs2, maxParts);
    int size = ucs2 ? SmsText.UCS2_LENGTH : SmsText.GSM7_LENGTH;
    assertTrue(!parts.isEmpty() && parts.size() <= maxParts, parts.size() + " parts");
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      assertTrue(part.length() <= size, "a part of " + part.length() + " units");
      // a text that fits goes as it is; one split or cut has "(i/n) " in front of every part, even a lone one
      String piece = body.length() <= size ? part : part.substring(prefixOf(part, i, parts.size()));
      if (ucs2) {
        String hex = SmsText.ucs2Hex(part);
        assertEquals(part, new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_16BE), "UCS-2 hex decodes back");
        assertTrue(!wellFormed(body) || wellFormed(piece), "a part cut inside a surrogate pair: " + piece);
      }
      joined.append(piece);
    }
    String back = joined.toString();
    if (back.equals(body)) {
      return;
    }
    assertTrue(back.endsWith("...") && parts.size() == maxParts, "only a text too long for maxParts is cut");
    assertTrue(body.startsWith(back.substring(0, back.length() - 3)), "a cut text is the text's beginning");
  }

  private static int prefixOf(String part, int i, int total) {
    String prefix = "(" + (i + 1) + "/" + total + ") ";
    assertTrue(part.startsWith(prefix), part);
    return prefix.length();
  }

  /** No lone surrogate. */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void bounded(long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 2_000, "took " + ms + " ms");
  }

  static void inWords(String m) {
    assertTrue(m != null && !m.isBlank());
    assertTrue(m.length() <= 600, "a message of " + m.length() + " characters");
    assertFalse(m.chars().anyMatch(Character::isISOControl), "a control character in: " + m);
    // the modem's words are quoted and may say anything; the words around them are ours
    String ours = m.replaceAll("'[^']*'", "''");
    assertFalse(ours.contains(PIN), "the PIN in: " + m);
    assertFalse(ours.matches("(?s).*(Exception|java\\.|For input string|Index \\d+ out of bounds).*"), "Java's words: " + m);
  }
}
