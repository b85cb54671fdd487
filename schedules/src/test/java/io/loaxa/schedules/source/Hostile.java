package io.loaxa.schedules.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** What every refusal of a hostile file must be, whichever reader made it: positioned inside the file, in the operator's words. */
public final class Hostile {
  /** Longest one fuzz input may take to be read or refused; far above the milliseconds a real file takes. */
  public static final Duration BOUND = Duration.ofSeconds(3);

  private Hostile() {}

  /** Each problem names {@code file}, a line and column inside {@code text} (or just past its end), and no Java words. */
  public static void wellPlaced(SourceException e, String file, String text) {
    assertFalse(e.problems().isEmpty());
    long lines = text.chars().filter(c -> c == '\n').count() + 2;
    for (Problem p : e.problems()) {
      assertTrue(p.at().file().equals(file), p.toString());
      assertTrue(p.at().line() >= 1 && p.at().line() <= lines, "line inside the file: " + p);
      assertTrue(p.at().column() >= 1, "column from 1: " + p);
      assertFalse(p.message().isBlank(), p.toString());
      assertFalse(javaWords(p.message()), "Java's words: " + p);
    }
  }

  /**
   * Whether {@code message} holds an exception's name or a Java package outside the quotes around
   * the operator's own text ({@code unknown key 'java.x'} quotes what they wrote, which may be anything).
   */
  public static boolean javaWords(String message) {
    String ours = message.replaceAll("(?s)'.*'", "''");
    return ours.contains("Exception") || ours.contains("java.") || ours.contains("Error:");
  }

  /** Fails when {@code start} (from {@link System#nanoTime}) is more than {@link #BOUND} ago. */
  public static void inTime(long start, String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(BOUND) <= 0, what + " took " + took.toMillis() + " ms");
  }
}
