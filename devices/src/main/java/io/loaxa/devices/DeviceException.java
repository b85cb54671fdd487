package io.loaxa.devices;

/**
 * A device failed in the field: a board that does not answer, a USB adapter unplugged, a reply with
 * a bad checksum. The airing goes on for the healthy zones and logs the failed ones.
 */
public class DeviceException extends Exception {
  public DeviceException(String message) {
    super(message);
  }

  public DeviceException(String message, Throwable cause) {
    super(message, cause);
  }
}
