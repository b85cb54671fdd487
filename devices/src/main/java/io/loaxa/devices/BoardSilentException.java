package io.loaxa.devices;

/**
 * The board as a whole cannot be reached: no reply within the timeout, or its port is away. Unlike a
 * refusal for one channel, trying its other channels one by one would only wait out more timeouts.
 */
public class BoardSilentException extends DeviceException {
  public BoardSilentException(String message) {
    super(message);
  }

  public BoardSilentException(String message, Throwable cause) {
    super(message, cause);
  }
}
