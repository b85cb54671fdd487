package io.loaxa.scheduler.setup;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Driver;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks each serial port, with each driver whose boards reply, whether a relay board is there. Only
 * reads are sent (coil or register status, a version or relay-state query): no relay is switched.
 * Boards that never reply (LCUS, DTR/RTS) cannot be found this way; the installer names them.
 */
public final class BoardFinder {
  /** The drivers tried, in the order tried: those that answer a read. */
  public static final List<Driver> ASKED = List.of(Driver.MODBUS_RTU, Driver.MODBUS_REGISTER, Driver.NUMATO, Driver.KMTRONIC);
  /** The Modbus address asked: boards leave the factory as unit 1. */
  public static final int UNIT = 1;
  private static final int CHANNELS_ASKED = 8;

  private final DeviceContext context;

  public BoardFinder(DeviceContext context) {
    this.context = context;
  }

  /** What answered on one port with one driver. */
  public record Found(String port, Driver driver, Optional<Integer> unit, Optional<Integer> channels, String detail) {}

  /**
   * What one port said.
   *
   * @param found every driver that got an answer, in {@link #ASKED} order; empty when nothing answered
   * @param notOpened why the port could not be opened (in use by the service, no permission, gone); empty when it opened
   */
  public record Asked(List<Found> found, Optional<String> notOpened) {
    public Asked {
      found = List.copyOf(found);
    }
  }

  public Asked ask(String port) {
    List<Found> found = new ArrayList<>();
    Optional<String> notOpened = notOpened(port);
    if (notOpened.isPresent()) {
      return new Asked(found, notOpened);
    }
    for (Driver driver : ASKED) {
      boolean modbus = driver == Driver.MODBUS_RTU || driver == Driver.MODBUS_REGISTER;
      Map<String, String> options = modbus ? Map.of("unit", Integer.toString(UNIT)) : Map.of();
      BoardSpec spec = new BoardSpec("probe", driver.configName(), Optional.of(port), CHANNELS_ASKED, options);
      ProbeReport report = RelayBoards.probe(spec, context);
      if (report.answered()) {
        found.add(new Found(port, driver, modbus ? Optional.of(UNIT) : Optional.empty(), report.channelsFound(), report.detail()));
      }
    }
    return new Asked(found, notOpened);
  }

  /** Opens and closes the port once, so a port in use or missing is said as such, not as a silent board. */
  private Optional<String> notOpened(String port) {
    try {
      context.ports().open(port, new BoardSpec("probe", Driver.MODBUS_RTU.configName(), Optional.of(port), 1, Map.of()).serialSettings()).close();
      return Optional.empty();
    } catch (DeviceException e) {
      return Optional.of(e.getMessage());
    }
  }
}
