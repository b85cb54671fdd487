package io.loaxa.schedules.source;

/**
 * One thing wrong in a file the operator wrote, at the place it is wrong. A warning names something
 * the station will do that the operator may not expect (an airing that skips some years); it does
 * not stop the file being imported.
 */
public record Problem(Position at, String message, boolean warning) {
  /** A problem that stops the file being used. */
  public Problem(Position at, String message) {
    this(at, message, false);
  }

  /** A warning: the file is used as written. */
  public static Problem warning(Position at, String message) {
    return new Problem(at, message, true);
  }

  /** {@code FILE:LINE:COL: message}, the form editors and {@code schedule check} print. */
  @Override
  public String toString() {
    return at + ": " + (warning ? "warning: " : "") + message;
  }
}
