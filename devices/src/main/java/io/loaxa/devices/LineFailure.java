package io.loaxa.devices;

import java.util.Objects;

/** A line the switchboard could not put in the state it wanted, and why; prints as {@code line: reason}. */
public record LineFailure(RelayLine line, String reason) {
  public LineFailure {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return line.label() + ": " + reason;
  }
}
