package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.modbus.ModbusCoilBoard;
import io.loaxa.testkit.MutableClock;
import io.loaxa.devices.testing.RecordingLineEvents;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayBoardsTest {
  private final MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
  private final List<String> openedPorts = new ArrayList<>();
  private final List<ScriptedSerialLine> openedLines = new ArrayList<>();
  private final DeviceContext context = new DeviceContext(clock, new RecordingPause(clock), (port, settings) -> {
    openedPorts.add(port + " " + settings);
    ScriptedSerialLine line = new ScriptedSerialLine(port);
    openedLines.add(line);
    return line;
  }, new RecordingLineEvents());

  private static BoardSpec spec(String key, String driver, String port, Map<String, String> options) {
    return new BoardSpec(key, driver, Optional.ofNullable(port), 8, options);
  }

  @Test
  void opensEveryDriverTheConfigMayName() throws DeviceException {
    for (String driver : Driver.names()) {
      int channels = driver.equals("dtr-rts") ? 2 : 8;
      try (RelayBoard board = RelayBoards.open(new BoardSpec("b", driver, Optional.of("/dev/ttyX"), channels, Map.of()),
          context)) {
        assertEquals(channels, board.channelCount(), driver);
      }
    }
  }

  @Test
  void anUnknownDriverIsAConfigErrorListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.open(spec("tu-chinh", "modbus", "/dev/ttyX", Map.of()), context));
    assertTrue(e.getMessage().contains("tu-chinh") && e.getMessage().contains("modbus-rtu"), e.getMessage());
    assertEquals("board tu-chinh: unknown driver 'modbus'; known: modbus-rtu, modbus-register, lcus, numato, kmtronic,"
        + " dtr-rts, simulated", e.getMessage());
  }

  @Test
  void aMisspeltOptionIsAConfigErrorNotIgnored() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.open(spec("tu-chinh", "modbus-rtu", "/dev/ttyX", Map.of("unti", "2")), context));
    assertTrue(e.getMessage().contains("unti"), e.getMessage());
    assertTrue(openedPorts.isEmpty(), "no port opened for a bad config");
  }

  @Test
  void badOptionValuesNameTheBoardAndTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.open(spec("tu-chinh", "modbus-rtu", "/dev/ttyX", Map.of("unit", "300")), context));
    assertEquals("board tu-chinh: option unit: out of range 1..247: 300", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.open(spec("tu-chinh", "modbus-rtu", "/dev/ttyX", Map.of("parity", "mark")), context));
    assertTrue(e.getMessage().startsWith("board tu-chinh: parity"), e.getMessage());
  }

  @Test
  void aSerialDriverWithoutAPortIsAConfigError() {
    assertThrows(IllegalArgumentException.class, () -> RelayBoards.open(spec("b", "lcus", null, Map.of()), context));
  }

  @Test
  void passesSerialSettingsFromTheOptions() throws DeviceException {
    RelayBoards.open(spec("b", "modbus-rtu", "/dev/ttyX", Map.of("baud", "19200", "parity", "even")), context).close();
    assertEquals(List.of("/dev/ttyX 19200 8E1"), openedPorts);
  }

  @Test
  void boardsOnOneBusShareOnePortThatClosesWithTheLastOfThem() throws DeviceException {
    List<RelayBoard> boards = RelayBoards.openAll(List.of(
        spec("a", "modbus-rtu", "/dev/ttyBus", Map.of("unit", "1")),
        spec("b", "modbus-register", "/dev/ttyBus", Map.of("unit", "2"))), context);
    assertEquals(1, openedPorts.size());
    assertTrue(boards.get(0) instanceof ModbusCoilBoard);
    boards.get(0).close();
    boards.get(0).close();
    assertFalse(openedLines.get(0).isClosed(), "board b still uses the bus");
    boards.get(1).close();
    assertTrue(openedLines.get(0).isClosed());
  }

  @Test
  void boardsOnOnePortMustAgreeOnItsSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RelayBoards.openAll(List.of(
        spec("a", "modbus-rtu", "/dev/ttyBus", Map.of("baud", "9600")),
        spec("b", "modbus-rtu", "/dev/ttyBus", Map.of("baud", "19200", "unit", "2"))), context));
    assertTrue(e.getMessage().contains("shares port"), e.getMessage());
  }

  @Test
  void validatingAConfigFindsBadOptionValuesWithoutOpeningAPort() {
    RelayBoards.validate(spec("b", "modbus-register", "/dev/ttyX", Map.of("holdSeconds", "30")));
    RelayBoards.validate(spec("b", "dtr-rts", "/dev/ttyX", Map.of()).withChannels(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.validate(spec("b", "modbus-register", "/dev/ttyX", Map.of("holdSeconds", "300"))));
    assertTrue(e.getMessage().contains("holdSeconds"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.validate(spec("b", "kmtronic", "/dev/ttyX", Map.of("readBack", "maybe"))));
    assertThrows(IllegalArgumentException.class,
        () -> RelayBoards.validate(spec("b", "dtr-rts", "/dev/ttyX", Map.of())));
    assertTrue(openedPorts.isEmpty());
  }

  @Test
  void durationsMayBeWrittenInSeveralWays() {
    BoardSpec spec = spec("b", "lcus", "/dev/x", Map.of("a", "200ms", "b", "2s", "c", "PT0.5S", "d", "150"));
    assertEquals(200, spec.durationOption("a", null).toMillis());
    assertEquals(2000, spec.durationOption("b", null).toMillis());
    assertEquals(500, spec.durationOption("c", null).toMillis());
    assertEquals(150, spec.durationOption("d", null).toMillis());
    assertThrows(IllegalArgumentException.class,
        () -> spec("b", "lcus", "/dev/x", Map.of("a", "soon")).durationOption("a", null));
  }

  @Test
  void probingAMissingPortSaysSoWithoutThrowing() {
    DeviceContext missing = new DeviceContext(clock, new RecordingPause(clock), (port, settings) -> {
      throw new PortGoneException("no such port " + port);
    }, new RecordingLineEvents());
    ProbeReport report = RelayBoards.probe(spec("b", "modbus-rtu", "/dev/ttyNone", Map.of()), missing);
    assertFalse(report.answered());
    assertTrue(report.detail().contains("no such port"), report.detail());
  }
}
