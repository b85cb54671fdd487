package io.loaxa.devices;

import io.loaxa.devices.serial.JSerialCommPorts;
import java.time.Clock;
import java.util.Objects;

/**
 * What drivers need from the world around them: the time, a way to wait, the serial ports, and an
 * ear for ports coming and going. The station passes the real ones; tests pass a mutable clock, a
 * pause that moves it, and scripted ports.
 */
public record DeviceContext(Clock clock, Pause pause, SerialPorts ports, LineEvents events) {
  public DeviceContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(events, "events");
  }

  /** Real serial ports through jSerialComm, wall-clock pauses, outages to the log. */
  public static DeviceContext real(Clock clock) {
    return new DeviceContext(clock, Pause.sleeping(), new JSerialCommPorts(), LineEvents.logging());
  }
}
