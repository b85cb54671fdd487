package io.loaxa.devices.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.PortGoneException;
import io.loaxa.devices.SerialLine;
import java.time.Duration;

/**
 * One open port. Reads use jSerialComm's own blocking reads with a timeout (JDK stream reads on a
 * tty fail with "Illegal seek"); a read or write that returns -1 means the tty is gone.
 */
final class JSerialCommLine implements SerialLine {
  private final String port;
  private final SerialPort serialPort;
  private int readTimeoutMillis = -1;
  private boolean closed;

  JSerialCommLine(String port, SerialPort serialPort) {
    this.port = port;
    this.serialPort = serialPort;
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public void write(byte[] bytes) throws DeviceException {
    open();
    int written = serialPort.writeBytes(bytes, bytes.length);
    if (written != bytes.length) {
      throw new PortGoneException(port + ": write failed (" + written + " of " + bytes.length + " bytes sent)");
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws DeviceException {
    open();
    if (length == 0) {
      return 0;
    }
    // 0 would mean "wait forever" to jSerialComm
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toNanos() + 999_999) / 1_000_000));
    if (millis != readTimeoutMillis) {
      serialPort.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, millis, 0);
      readTimeoutMillis = millis;
    }
    int read = serialPort.readBytes(buffer, length, offset);
    if (read < 0) {
      throw new PortGoneException(port + ": read failed, the port has gone");
    }
    return read;
  }

  @Override
  public void discardInput() throws DeviceException {
    open();
    int waiting = serialPort.bytesAvailable();
    if (waiting < 0) {
      throw new PortGoneException(port + ": the port has gone");
    }
    if (waiting > 0) {
      byte[] junk = new byte[waiting];
      if (serialPort.readBytes(junk, waiting) < 0) {
        throw new PortGoneException(port + ": read failed, the port has gone");
      }
    }
  }

  @Override
  public void setDtr(boolean on) throws DeviceException {
    open();
    if (!(on ? serialPort.setDTR() : serialPort.clearDTR())) {
      refused("DTR");
    }
  }

  @Override
  public void setRts(boolean on) throws DeviceException {
    open();
    if (!(on ? serialPort.setRTS() : serialPort.clearRTS())) {
      refused("RTS");
    }
  }

  private void refused(String line) throws DeviceException {
    if (!java.nio.file.Files.exists(java.nio.file.Path.of(port))) {
      throw new PortGoneException(port + ": the port has gone");
    }
    throw new DeviceException(port + ": the adapter does not drive " + line
        + " (a pty or an adapter without modem lines cannot switch a dtr-rts board)");
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("serial port " + port + " is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      serialPort.closePort();
    }
  }
}
