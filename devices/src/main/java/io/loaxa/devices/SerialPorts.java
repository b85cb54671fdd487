package io.loaxa.devices;

/** Opens serial ports by path: the station's USB-serial adapters as the operating system offers them. */
@FunctionalInterface
public interface SerialPorts {
  /**
   * @param port a device path, preferably under {@code /dev/serial/by-id} or {@code by-path}
   * @throws DeviceException when the port is not there or cannot be opened (in use, no permission)
   */
  SerialLine open(String port, SerialSettings settings) throws DeviceException;
}
