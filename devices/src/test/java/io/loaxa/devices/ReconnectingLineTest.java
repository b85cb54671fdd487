package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.MutableClock;
import io.loaxa.devices.testing.RecordingLineEvents;
import io.loaxa.devices.testing.ScriptedSerialLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectingLineTest {
  private static final String PORT = "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0";
  private final MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
  private final RecordingLineEvents events = new RecordingLineEvents();
  private final List<ScriptedSerialLine> opened = new ArrayList<>();
  private boolean plugged = true;

  private final SerialPorts ports = (port, settings) -> {
    if (!plugged) {
      throw new PortGoneException("no such port " + port);
    }
    ScriptedSerialLine line = new ScriptedSerialLine(port).answering(request -> request);
    opened.add(line);
    return line;
  };

  @Test
  void anAdapterPulledOutIsReportedOnceAndPluggedBackOnceWithoutRestarting() throws DeviceException {
    ReconnectingLine line = new ReconnectingLine(PORT, SerialSettings.DEFAULT, ports, events, clock);
    line.write(new byte[] {1});
    opened.get(0).pullOut();
    plugged = false;
    assertThrows(PortGoneException.class, () -> line.write(new byte[] {2}));
    for (int i = 0; i < 5; i++) {
      assertThrows(PortGoneException.class, () -> line.write(new byte[] {3}));
      assertThrows(PortGoneException.class, () -> line.read(new byte[1], 0, 1, Duration.ofMillis(10)));
    }
    assertFalse(line.isUp());
    assertTrue(opened.get(0).isClosed(), "the dead port is closed, not leaked");
    clock.advance(Duration.ofMinutes(3));
    plugged = true;
    line.write(new byte[] {4});
    byte[] echo = new byte[1];
    assertEquals(1, line.read(echo, 0, 1, Duration.ofMillis(10)));
    assertEquals(4, echo[0]);
    assertTrue(line.isUp());
    assertEquals(List.of("lost " + PORT, "back " + PORT), events.events());
    assertEquals(2, opened.size());
  }

  @Test
  void aPortMissingAtStartIsReportedLostOnceAndPickedUpWhenItAppears() throws DeviceException {
    plugged = false;
    ReconnectingLine line = new ReconnectingLine(PORT, SerialSettings.DEFAULT, ports, events, clock);
    assertThrows(PortGoneException.class, () -> line.write(new byte[] {1}));
    plugged = true;
    line.write(new byte[] {1});
    assertEquals(List.of("lost " + PORT, "back " + PORT), events.events());
  }

  @Test
  void closingTwiceIsHarmlessAndUseAfterCloseIsABug() {
    ReconnectingLine line = new ReconnectingLine(PORT, SerialSettings.DEFAULT, ports, events, clock);
    line.close();
    line.close();
    assertThrows(IllegalStateException.class, () -> line.write(new byte[] {1}));
  }

  @Test
  void anAdapterWithoutModemLinesIsNotALostPort() {
    ReconnectingLine line = new ReconnectingLine(PORT, SerialSettings.DEFAULT, ports, events, clock);
    opened.get(0).withoutModemLines();
    assertThrows(DeviceException.class, () -> line.setDtr(true));
    assertTrue(line.isUp());
    assertTrue(events.events().isEmpty());
  }
}
