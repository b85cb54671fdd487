package io.loaxa.schedules.source;

/** One thing wrong in a file the operator wrote, at the place it is wrong. */
public record Problem(Position at, String message) {
  /** {@code FILE:LINE:COL: message}, the form editors and {@code schedule check} print. */
  @Override
  public String toString() {
    return at + ": " + message;
  }
}
