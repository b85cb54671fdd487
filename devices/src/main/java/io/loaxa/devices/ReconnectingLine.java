package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A serial line that survives its USB adapter being unplugged and plugged back. When the port fails
 * it is closed and reported lost once; every later use tries to open it again by its path (a
 * {@code /dev/serial/by-id} link follows the adapter to its new tty) and reports it back once it opens.
 * Uses while the port is away fail fast with a {@link DeviceException}. Not thread-safe on its own,
 * like any {@link SerialLine}: callers hold its monitor for a whole exchange.
 */
public final class ReconnectingLine implements SerialLine {
  private final String port;
  private final SerialSettings settings;
  private final SerialPorts ports;
  private final LineEvents events;
  private final Clock clock;
  private SerialLine current;
  private Instant downSince;
  private boolean closed;

  /** Opens the port now if it is there; if not, reports it lost and keeps trying on each use. */
  public ReconnectingLine(String port, SerialSettings settings, SerialPorts ports, LineEvents events, Clock clock) {
    this.port = Objects.requireNonNull(port, "port");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      line();
    } catch (DeviceException e) {
      // reported through events; the station starts without the board and picks it up when it appears
    }
  }

  @Override
  public String port() {
    return port;
  }

  /** True while the port is open and has not failed. */
  public synchronized boolean isUp() {
    return current != null;
  }

  private synchronized SerialLine line() throws DeviceException {
    if (closed) {
      throw new IllegalStateException("serial line " + port + " is closed");
    }
    if (current != null) {
      return current;
    }
    try {
      current = ports.open(port, settings);
    } catch (DeviceException e) {
      down(e.getMessage());
      throw new PortGoneException(port + " unavailable: " + e.getMessage());
    }
    if (downSince != null) {
      events.back(port, Duration.between(downSince, clock.instant()));
      downSince = null;
    }
    return current;
  }

  private synchronized DeviceException lost(DeviceException e) {
    if (current != null) {
      current.close();
      current = null;
    }
    down(e.getMessage());
    return e;
  }

  private void down(String reason) {
    if (downSince == null) {
      downSince = clock.instant();
      events.lost(port, reason);
    }
  }

  @Override
  public void write(byte[] bytes) throws DeviceException {
    SerialLine line = line();
    try {
      line.write(bytes);
    } catch (DeviceException e) {
      throw lost(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws DeviceException {
    SerialLine line = line();
    try {
      return line.read(buffer, offset, length, timeout);
    } catch (DeviceException e) {
      throw lost(e);
    }
  }

  @Override
  public void discardInput() throws DeviceException {
    SerialLine line = line();
    try {
      line.discardInput();
    } catch (DeviceException e) {
      throw lost(e);
    }
  }

  @Override
  public void setDtr(boolean on) throws DeviceException {
    SerialLine line = line();
    try {
      line.setDtr(on);
    } catch (PortGoneException e) {
      throw lost(e);
    }
    // any other refusal is the adapter's limit (a pty has no modem lines), not a lost port
  }

  @Override
  public void setRts(boolean on) throws DeviceException {
    SerialLine line = line();
    try {
      line.setRts(on);
    } catch (PortGoneException e) {
      throw lost(e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
