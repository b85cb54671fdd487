package io.loaxa.devices.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.PortGoneException;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialPorts;
import io.loaxa.devices.SerialSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens serial ports through jSerialComm, which ships natives for x86-64 and the Raspberry Pi. */
public final class JSerialCommPorts implements SerialPorts {
  @Override
  public SerialLine open(String port, SerialSettings settings) throws DeviceException {
    // jSerialComm resolves a by-id link once, when the port object is made, and turns a missing path
    // into a made-up /dev name: check first, and make a new port object on every open
    if (!Files.exists(Path.of(port))) {
      throw new PortGoneException("no such port " + port);
    }
    SerialPort serialPort;
    try {
      serialPort = SerialPort.getCommPort(port);
    } catch (SerialPortInvalidPortException e) {
      throw new PortGoneException("cannot use " + port + ": " + e.getMessage());
    }
    serialPort.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings), parity(settings));
    serialPort.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!serialPort.openPort()) {
      throw new DeviceException("cannot open " + port + " (in use by another program, or no permission: "
          + "add the user to the dialout group); error " + serialPort.getLastErrorCode());
    }
    return new JSerialCommLine(port, serialPort);
  }

  /** The serial ports the operating system lists (USB adapters, built-in UARTs); ptys are not listed. */
  public static List<String> listed() {
    return java.util.Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).sorted().toList();
  }

  private static int stopBits(SerialSettings settings) {
    return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
  }

  private static int parity(SerialSettings settings) {
    return switch (settings.parity()) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
    };
  }
}
