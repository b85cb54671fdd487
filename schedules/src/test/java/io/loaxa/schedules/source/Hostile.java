package io.loaxa.schedules.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

/** What every refusal of a hostile file must be, whichever reader made it: positioned inside the file, in the operator's words. */
public final class Hostile {
  /**
   * Longest one fuzz input may take to be read or refused: far above the milliseconds a file takes,
   * with room for a loaded machine and the fuzzer's instrumentation; a hang or a blow-up passes it.
   */
  public static final Duration BOUND = Duration.ofSeconds(10);

  private Hostile() {}

  /** Each problem names {@code file}, a line and column inside {@code text} (or just past its end), and no Java words. */
  public static void wellPlaced(SourceException e, String file, String text) {
    assertFalse(e.problems().isEmpty());
    // YAML also breaks lines at a lone CR, NEL, LS and PS
    long lines = text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029).count() + 2;
    for (Problem p : e.problems()) {
      assertTrue(p.at().file().equals(file), p.toString());
      assertTrue(p.at().line() >= 1 && p.at().line() <= lines, "line inside the file: " + p);
      assertTrue(p.at().column() >= 1, "column from 1: " + p);
      assertFalse(p.message().isBlank(), p.toString());
      assertFalse(javaWords(p.message(), text), "Java's words: " + p);
    }
  }

  /**
   * Whether {@code message} holds an exception's name or a Java package that is not the operator's
   * own text quoted back ({@code unknown key 'java.x'}: what they wrote may be anything).
   */
  public static boolean javaWords(String message, String written) {
    return List.of("Exception", "java.", "Error:", "\tat ").stream().anyMatch(w -> message.contains(w) && !written.contains(w));
  }

  /** Fails when {@code start} (from {@link System#nanoTime}) is more than {@link #BOUND} ago. */
  public static void inTime(long start, String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(BOUND) <= 0, what + " took " + took.toMillis() + " ms");
  }
}
