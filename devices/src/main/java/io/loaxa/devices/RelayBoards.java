package io.loaxa.devices;

import io.loaxa.devices.dtrrts.DtrRtsBoard;
import io.loaxa.devices.kmtronic.KmtronicBoard;
import io.loaxa.devices.lcus.LcusBoard;
import io.loaxa.devices.modbus.ModbusCoilBoard;
import io.loaxa.devices.modbus.ModbusRegisterBoard;
import io.loaxa.devices.numato.NumatoBoard;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the relay board a {@link BoardSpec} names, by its driver. Serial boards sit on a
 * {@link ReconnectingLine}: a board whose USB adapter is missing at start still opens, reports the
 * port lost, and comes to life when the adapter appears.
 */
public final class RelayBoards {
  private RelayBoards() {}

  /**
   * Opens a board on real serial ports.
   *
   * @throws DeviceException when the board cannot be set up in the field (not thrown for a missing
   *     port: that board starts unreachable and reconnects)
   * @throws IllegalArgumentException for a configuration error: unknown driver, bad option, no port
   */
  public static RelayBoard open(BoardSpec spec, Clock clock) throws DeviceException {
    return open(spec, DeviceContext.real(clock));
  }

  public static RelayBoard open(BoardSpec spec, DeviceContext context) throws DeviceException {
    return openAll(List.of(spec), context).get(0);
  }

  /**
   * Opens every board; boards on one port (several Modbus units on one RS-485 bus) share one line and
   * take turns on it. All configuration errors are found before any port is opened.
   */
  public static List<RelayBoard> openAll(List<BoardSpec> specs, DeviceContext context) throws DeviceException {
    Map<String, SerialSettings> settingsByPort = new HashMap<>();
    Map<String, String> firstBoardByPort = new HashMap<>();
    for (BoardSpec spec : specs) {
      Driver driver = driver(spec);
      spec.requireOnlyOptions(driver.options());
      if (driver.needsPort()) {
        String port = spec.requirePort();
        SerialSettings settings = spec.serialSettings();
        SerialSettings earlier = settingsByPort.putIfAbsent(port, settings);
        firstBoardByPort.putIfAbsent(port, spec.key());
        if (earlier != null && !earlier.equals(settings)) {
          throw new IllegalArgumentException("board " + spec.key() + " shares port " + port + " with board "
              + firstBoardByPort.get(port) + " but asks for " + settings + " instead of " + earlier);
        }
        if (earlier != null && !driver.replies()) {
          throw new IllegalArgumentException("board " + spec.key() + ": a " + spec.driver()
              + " board cannot share port " + port + " with board " + firstBoardByPort.get(port));
        }
      }
    }
    Map<String, SharedLine> lines = new HashMap<>();
    List<RelayBoard> boards = new ArrayList<>();
    try {
      for (BoardSpec spec : specs) {
        if (!driver(spec).needsPort()) {
          boards.add(new SimulatedRelayBoard(spec.key(), spec.channels(), context.clock()));
          continue;
        }
        String port = spec.requirePort();
        SharedLine shared = lines.computeIfAbsent(port, p -> new SharedLine(new ReconnectingLine(p,
            settingsByPort.get(p), context.ports(), context.events(), context.clock())));
        boards.add(driver(spec, shared.user(), context));
      }
    } catch (RuntimeException e) {
      boards.forEach(RelayBoard::close);
      throw e;
    }
    return boards;
  }

  private static Driver driver(BoardSpec spec) {
    return Driver.named(spec.driver()).orElseThrow(() -> unknown(spec.key(), spec.driver()));
  }

  private static RelayBoard driver(BoardSpec spec, SerialLine line, DeviceContext context) {
    Clock clock = context.clock();
    Pause pause = context.pause();
    return switch (driver(spec)) {
      case MODBUS_RTU -> ModbusCoilBoard.of(spec, line, clock, pause);
      case MODBUS_REGISTER -> ModbusRegisterBoard.of(spec, line, clock, pause);
      case LCUS -> LcusBoard.of(spec, line, clock, pause);
      case KMTRONIC -> KmtronicBoard.of(spec, line, clock, pause);
      case NUMATO -> NumatoBoard.of(spec, line, clock, pause);
      case DTR_RTS -> DtrRtsBoard.of(spec, line);
      case SIMULATED -> throw new IllegalStateException("board " + spec.key() + ": a simulated board has no line");
    };
  }

  /**
   * Checks a board's driver, port and options the way opening it would, without opening anything:
   * for reading a station config, so a bad value is reported with the file's line before the
   * station starts.
   *
   * @throws IllegalArgumentException naming the board and the option
   */
  public static void validate(BoardSpec spec) {
    spec.requireOnlyOptions(driver(spec).options());
    if (!driver(spec).needsPort()) {
      return;
    }
    SerialLine unopened = new UnopenedLine(spec.requirePort());
    spec.serialSettings();
    Clock still = Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
    driver(spec, unopened, new DeviceContext(still, d -> { }, (p, s) -> unopened, LineEvents.logging())).close();
  }

  /** Stands in for a port while options are checked: modem lines accepted, bytes refused. */
  private record UnopenedLine(String port) implements SerialLine {
    @Override
    public void write(byte[] bytes) throws DeviceException {
      throw new DeviceException(port + " is not open");
    }

    @Override
    public int read(byte[] buffer, int offset, int length, java.time.Duration timeout) throws DeviceException {
      throw new DeviceException(port + " is not open");
    }

    @Override
    public void discardInput() {
      // nothing is waiting on a port that is not open
    }

    @Override
    public void setDtr(boolean on) {
      // the dtr-rts driver drops its outputs when made; nothing to drop here
    }

    @Override
    public void setRts(boolean on) {
      // as setDtr
    }

    @Override
    public void close() {
      // never opened
    }
  }

  /**
   * Opens the port directly (no reconnecting: a missing port is the answer), asks the board what it
   * can tell without switching anything, and closes it again. For {@code loaxa relay probe}.
   */
  public static ProbeReport probe(BoardSpec spec, DeviceContext context) {
    spec.requireOnlyOptions(driver(spec).options());
    if (!driver(spec).needsPort()) {
      try (RelayBoard board = new SimulatedRelayBoard(spec.key(), spec.channels(), context.clock())) {
        return board.probe();
      }
    }
    SerialLine line;
    try {
      line = context.ports().open(spec.requirePort(), spec.serialSettings());
    } catch (DeviceException e) {
      return new ProbeReport(spec.key(), false, Optional.empty(), false, e.getMessage());
    }
    try (RelayBoard board = driver(spec, line, context)) {
      return board.probe();
    } catch (RuntimeException e) {
      line.close();
      throw e;
    }
  }

  private static IllegalArgumentException unknown(String key, String driver) {
    return new IllegalArgumentException("board " + key + ": unknown driver '" + driver + "'; known: "
        + String.join(", ", Driver.names()));
  }

  /**
   * One line used by several boards on one bus: every board holds this same object, so its monitor
   * keeps their exchanges apart; the port closes when the last board closes.
   */
  private static final class SharedLine extends ForwardingSerialLine {
    private int users;

    SharedLine(SerialLine line) {
      super(line);
    }

    synchronized SerialLine user() {
      users++;
      return this;
    }

    /** Called once by each board (boards guard their own close). */
    @Override
    public synchronized void close() {
      if (users > 0 && --users == 0) {
        line.close();
      }
    }
  }
}
