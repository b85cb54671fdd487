package io.loaxa.devices;

import java.util.Objects;

/**
 * Where one line is wired in the cabinet: a board, a channel on it, and which of the relay's contacts
 * carries the line.
 *
 * @param inverted the line is wired through the relay's normally-closed contact: it carries sound
 *     while the relay is released, so switching the line on means switching the relay off
 */
public record RelayWire(String boardKey, RelayChannel channel, boolean inverted) {
  public RelayWire {
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channel, "channel");
  }

  /** A line on the relay's normally-open contact: relay on, line on. */
  public RelayWire(String boardKey, RelayChannel channel) {
    this(boardKey, channel, false);
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
