package io.loaxa.devices.gsm;

import io.loaxa.devices.DeviceException;
import java.util.OptionalInt;

/**
 * The modem failed, with its own words: it refused ({@code ERROR} or {@code +CMS ERROR: n}, n per 3GPP
 * TS 27.005, e.g. 38 network out of order, 330 SMSC address unknown, 500 unknown error), answered past
 * the limits ({@link GsmModem#MOST_LINE}, {@link GsmModem#MOST_LINES}), fell silent
 * ({@link ModemSilentException}) or its SIM card is locked ({@link SimLockedException}).
 */
public class ModemException extends DeviceException {
  private final OptionalInt cmsError;

  public ModemException(String message, OptionalInt cmsError) {
    super(message);
    this.cmsError = cmsError;
  }

  /** The {@code +CMS ERROR} number, empty for a plain {@code ERROR}. */
  public OptionalInt cmsError() {
    return cmsError;
  }
}
