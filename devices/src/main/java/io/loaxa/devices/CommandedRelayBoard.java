package io.loaxa.devices;

import java.util.Optional;

/**
 * A serial relay board that never reports its relays (LCUS, DTR/RTS): switching it is commanded, not
 * confirmed. {@link #readBack} is empty and the switchboard re-asserts the wanted state from time to
 * time.
 */
public abstract class CommandedRelayBoard extends SerialRelayBoard {
  protected CommandedRelayBoard(String key, int channels, SerialLine line) {
    super(key, channels, line);
  }

  @Override
  public final Optional<Boolean> readBack(RelayChannel channel) {
    check(channel);
    return Optional.empty();
  }

  @Override
  public final boolean canReadBack() {
    return false;
  }
}
