package io.loaxa.devices;

import java.util.Objects;
import java.util.Optional;

/**
 * One line as the switchboard sees it: what its board reports, what loaxa last commanded, and why
 * the board could not be asked.
 *
 * @param zoneKey the zone's key, or {@code amplifier}
 * @param reported the line's state as the board reports it (inverted wiring already accounted for);
 *     empty when the board cannot report or did not answer
 * @param commanded the line's state as last switched by loaxa, if it has switched it
 * @param error why the board did not answer, if it did not
 */
public record ZoneStatus(String zoneKey, String boardKey, RelayChannel channel, boolean inverted,
    Optional<Boolean> reported, Optional<Boolean> commanded, Optional<String> error) {
  public ZoneStatus {
    Objects.requireNonNull(zoneKey, "zoneKey");
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(commanded, "commanded");
    Objects.requireNonNull(error, "error");
  }
}
