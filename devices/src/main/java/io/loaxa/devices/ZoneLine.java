package io.loaxa.devices;

import java.util.Objects;

/**
 * Where one hamlet's speaker line (or the amplifier's mains) is wired: a zone key, a board and a
 * channel on it.
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

  /** The relay state that puts the line in the wanted state. */
  public boolean relayFor(boolean lineOn) {
    return lineOn != inverted;
  }

  /** The line's state for a relay state the board reported. */
  public boolean lineFor(boolean relayOn) {
    return relayOn != inverted;
  }
}
