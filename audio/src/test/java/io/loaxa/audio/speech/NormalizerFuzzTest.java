package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.audio.SpeechScript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The normaliser fed any Unicode of any length (unpaired surrogates, control characters, texts past
 * the length limit): it answers the same sentences every time, or refuses with one of its three
 * documented sentences; nothing else escapes, and it answers within a time that grows with the text.
 */
class NormalizerFuzzTest {
  private static final VietnameseNormalizer NORTH = VietnameseNormalizer.northern();
  private static final VietnameseNormalizer SOUTH = new VietnameseNormalizer(Region.SOUTH, AbbreviationDictionary.defaults());

  /**
   * The text the bytes stand for: after {@code FF FE}, UTF-16LE code units as they are (any surrogate
   * alone); after {@code 00}, the rest as UTF-8 repeated to just past the length limit; else UTF-8.
   */
  static String text(byte[] input) {
    if (input.length >= 2 && (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xFE) {
      StringBuilder b = new StringBuilder();
      for (int i = 2; i + 1 < input.length; i += 2) {
        b.append((char) ((input[i] & 0xFF) | (input[i + 1] & 0xFF) << 8));
      }
      return b.toString();
    }
    if (input.length >= 2 && input[0] == 0) {
      String piece = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
      return piece.repeat(VietnameseNormalizer.MAX_TEXT_CHARS / piece.length() + 1);
    }
    return new String(input, StandardCharsets.UTF_8);
  }

  @FuzzTest(maxDuration = "2h")
  void anyTextIsSpokenTheSameEveryTimeOrRefusedWithADocumentedSentence(byte[] input) {
    String text = text(input);
    VietnameseNormalizer normalizer = input.length % 2 == 0 ? NORTH : SOUTH;
    long start = System.nanoTime();
    SpeechScript script;
    try {
      script = normalizer.script(text);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      assertTrue(m.equals("the text has nothing to speak") || m.startsWith("văn bản quá dài để đọc: ")
          || m.startsWith("số quá dài ở dòng "), "an undocumented refusal: " + m);
      assertTrue(!m.startsWith("văn bản quá dài") || text.length() > VietnameseNormalizer.MAX_TEXT_CHARS, m);
      inTime(start, text);
      return;
    }
    assertTrue(text.length() <= VietnameseNormalizer.MAX_TEXT_CHARS, "a text past the limit was read");
    assertFalse(script.sentences().isEmpty());
    for (SpeechScript.Sentence s : script.sentences()) {
      assertFalse(s.text().isBlank(), "a blank sentence");
      assertFalse(s.pauseAfter().isNegative());
    }
    assertEquals(Duration.ZERO, script.sentences().get(script.sentences().size() - 1).pauseAfter());
    inTime(start, text);
    assertEquals(script, normalizer.script(text), "the same text is spoken the same way");
  }

  private static void inTime(long start, String text) {
    Duration bound = Duration.ofSeconds(10).plusMillis(text.length() / 5);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(bound) <= 0, "normalising " + text.length() + " characters took " + took.toMillis() + " ms");
  }
}
