package io.loaxa.schedules.source;

import java.util.List;

/**
 * One thing wrong in a file the operator wrote, at the place it is wrong. A warning names something
 * the station will do that the operator may not expect (an airing that skips some years); it does
 * not stop the file being imported. {@code overlaps} names the airings (by key) an airing here
 * overlaps, so that screens can point at them without reading the message; empty for every other
 * problem.
 */
public record Problem(Position at, String message, boolean warning, List<String> overlaps) {
  public Problem {
    overlaps = List.copyOf(overlaps);
  }

  /** A problem or a warning that overlaps nothing. */
  public Problem(Position at, String message, boolean warning) {
    this(at, message, warning, List.of());
  }

  /** A problem that stops the file being used. */
  public Problem(Position at, String message) {
    this(at, message, false);
  }

  /** A warning: the file is used as written. */
  public static Problem warning(Position at, String message) {
    return new Problem(at, message, true);
  }

  /** An airing that overlaps the airings {@code others} (its own key when it overlaps itself). */
  public static Problem overlap(Position at, String message, List<String> others) {
    return new Problem(at, message, false, others);
  }

  /** {@code FILE:LINE:COL: message}, the form editors and {@code schedule check} print. */
  @Override
  public String toString() {
    return at + ": " + (warning ? "warning: " : "") + message;
  }
}
