package io.loaxa.devices;

import java.time.Duration;

/**
 * A serial line that hands every call on to another: the base of a line that changes one thing about
 * the one it wraps (who may close it, what it counts) and overrides only that.
 */
public abstract class ForwardingSerialLine implements SerialLine {
  protected final SerialLine line;

  protected ForwardingSerialLine(SerialLine line) {
    this.line = line;
  }

  @Override
  public String port() {
    return line.port();
  }

  @Override
  public void write(byte[] bytes) throws DeviceException {
    line.write(bytes);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws DeviceException {
    return line.read(buffer, offset, length, timeout);
  }

  @Override
  public void discardInput() throws DeviceException {
    line.discardInput();
  }

  @Override
  public void setDtr(boolean on) throws DeviceException {
    line.setDtr(on);
  }

  @Override
  public void setRts(boolean on) throws DeviceException {
    line.setRts(on);
  }

  @Override
  public void close() {
    line.close();
  }
}
