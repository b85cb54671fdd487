package io.loaxa.devices;

import java.time.Duration;

/**
 * A serial port a relay board hangs on: a USB-serial adapter, an RS-485 dongle or a CDC-ACM board,
 * opened at fixed settings. Byte-level only; frames are the drivers' business.
 *
 * <p>Not thread-safe on its own: a driver holds the line's monitor ({@code synchronized (line)}) for
 * one whole request and reply, so boards sharing an RS-485 bus never interleave frames. Every method
 * throws {@link DeviceException} when the port has gone (adapter unplugged, pty closed); silence is
 * not a failure of the line but a short read.
 */
public interface SerialLine extends AutoCloseable {
  /** The port path as configured, e.g. {@code /dev/serial/by-id/usb-1a86_…-port0}. */
  String port();

  /** Sends every byte or throws. */
  void write(byte[] bytes) throws DeviceException;

  /**
   * Reads up to {@code length} bytes, waiting at most {@code timeout} for all of them.
   *
   * @return how many bytes arrived: {@code length} on success, fewer (0 on silence) when time ran out
   */
  int read(byte[] buffer, int offset, int length, Duration timeout) throws DeviceException;

  /** Throws away bytes already waiting: a late reply, line noise, an echo nobody wanted. */
  void discardInput() throws DeviceException;

  /** Drives the adapter's DTR output; throws when the adapter cannot (a pty cannot). */
  void setDtr(boolean on) throws DeviceException;

  /** Drives the adapter's RTS output; throws when the adapter cannot (a pty cannot). */
  void setRts(boolean on) throws DeviceException;

  /** Idempotent, never throws. */
  @Override
  void close();
}
