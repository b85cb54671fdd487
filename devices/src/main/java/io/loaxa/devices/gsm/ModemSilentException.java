package io.loaxa.devices.gsm;

import java.util.OptionalInt;

/**
 * The modem did not answer within the timeout: unplugged, hung, or another program holds the port.
 * A kind of {@link ModemException}, so a caller that only tells "the modem failed" catches one type.
 */
public class ModemSilentException extends ModemException {
  public ModemSilentException(String message) {
    super(message, OptionalInt.empty());
  }
}
