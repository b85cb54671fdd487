package io.loaxa.devices;

import java.util.Objects;

/**
 * Where one hamlet's speaker line is wired: a zone key, a board and a channel on it.
 *
 * @param inverted the line is wired through the relay's normally-closed contact: it carries sound
 *     while the relay is released, so switching the line on means switching the relay off
 */
public record ZoneLine(String zoneKey, String boardKey, RelayChannel channel, boolean inverted) {
  public ZoneLine {
    Objects.requireNonNull(zoneKey, "zoneKey");
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channel, "channel");
  }

  /** A line on the relay's normally-open contact: relay on, line on. */
  public ZoneLine(String zoneKey, String boardKey, RelayChannel channel) {
    this(zoneKey, boardKey, channel, false);
  }

  /** The zone's line, as the switchboard names it. */
  public RelayLine.Zone line() {
    return RelayLine.zone(zoneKey);
  }

  /** The board, channel and contact the line is wired to. */
  public RelayWire wire() {
    return new RelayWire(boardKey, channel, inverted);
  }
}
