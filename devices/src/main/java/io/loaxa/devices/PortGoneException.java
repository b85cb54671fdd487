package io.loaxa.devices;

/** The serial port itself went away: the USB adapter was unplugged or its tty closed under us. */
public class PortGoneException extends BoardSilentException {
  public PortGoneException(String message) {
    super(message);
  }
}
