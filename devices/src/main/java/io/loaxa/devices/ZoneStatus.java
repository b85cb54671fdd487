package io.loaxa.devices;

import java.util.Objects;
import java.util.Optional;

/**
 * One line as the switchboard sees it: what its board reports, what loaxa last commanded, and why
 * the board could not be asked.
 *
 * @param line a zone's line or the amplifier's
 * @param reported the line's state as the board reports it (inverted wiring already accounted for);
 *     empty when the board cannot report or did not answer
 * @param commanded the line's state as last switched by loaxa, if it has switched it
 * @param error why the board did not answer, if it did not
 */
public record ZoneStatus(RelayLine line, String boardKey, RelayChannel channel, boolean inverted,
    Optional<Boolean> reported, Optional<Boolean> commanded, Optional<String> error) {
  public ZoneStatus {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(commanded, "commanded");
    Objects.requireNonNull(error, "error");
  }

  /** Whether this is the amplifier's line rather than a hamlet's. */
  public boolean isAmplifier() {
    return line instanceof RelayLine.Amplifier;
  }
}
