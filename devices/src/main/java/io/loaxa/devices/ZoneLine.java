package io.loaxa.devices;

import java.util.Objects;

/** Where one hamlet's speaker line is wired: a zone key, a board and a channel on it. */
public record ZoneLine(String zoneKey, String boardKey, RelayChannel channel) {
  public ZoneLine {
    Objects.requireNonNull(zoneKey, "zoneKey");
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channel, "channel");
  }
}
