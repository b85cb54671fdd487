package io.loaxa.devices.gsm;

import io.loaxa.devices.DeviceException;

/** The modem did not answer within the timeout: unplugged, hung, or another program holds the port. */
public class ModemSilentException extends DeviceException {
  public ModemSilentException(String message) {
    super(message);
  }
}
