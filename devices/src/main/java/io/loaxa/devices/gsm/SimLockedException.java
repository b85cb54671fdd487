package io.loaxa.devices.gsm;

import java.util.OptionalInt;

/**
 * The SIM card is locked and stays so until someone acts: it refused the configured PIN, wants a
 * PIN none is configured for, or wants its PUK. Trying again cannot help (and could lock the card),
 * so callers give up instead of retrying.
 */
public final class SimLockedException extends ModemException {
  public SimLockedException(String message) {
    super(message, OptionalInt.empty());
  }
}
