package io.loaxa.devices;

import io.loaxa.devices.dtrrts.DtrRtsBoard;
import io.loaxa.devices.kmtronic.KmtronicBoard;
import io.loaxa.devices.lcus.LcusBoard;
import io.loaxa.devices.modbus.ModbusCoilBoard;
import io.loaxa.devices.modbus.ModbusRegisterBoard;
import io.loaxa.devices.numato.NumatoBoard;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A kind of relay board a station config may name under {@code driver:}: its name in the config, the
 * options it understands, and whether the board ever replies.
 */
public enum Driver {
  MODBUS_RTU("modbus-rtu", ModbusCoilBoard.OPTIONS, true),
  MODBUS_REGISTER("modbus-register", ModbusRegisterBoard.OPTIONS, true),
  /** LCUS boards take commands and never reply; they have no address, so one owns its port. */
  LCUS("lcus", LcusBoard.OPTIONS, false),
  NUMATO("numato", NumatoBoard.OPTIONS, true),
  KMTRONIC("kmtronic", KmtronicBoard.OPTIONS, true),
  /** Two relays on a serial port's modem lines: nothing to reply with, and the port is all of it. */
  DTR_RTS("dtr-rts", DtrRtsBoard.OPTIONS, false),
  // a stand-in for any board: a config switched to it for a test bench keeps its other settings
  SIMULATED("simulated", Stream.of(ModbusCoilBoard.OPTIONS, ModbusRegisterBoard.OPTIONS, LcusBoard.OPTIONS,
      KmtronicBoard.OPTIONS, NumatoBoard.OPTIONS).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet()), true);

  private final String configName;
  private final Set<String> options;
  private final boolean replies;

  Driver(String configName, Set<String> options, boolean replies) {
    this.configName = configName;
    this.options = options;
    this.replies = replies;
  }

  /** The name a station config writes, e.g. {@code modbus-rtu}. */
  public String configName() {
    return configName;
  }

  /** The board options this driver understands, besides key, driver, port and channels. */
  public Set<String> options() {
    return options;
  }

  /**
   * Whether the board ever answers: false for boards that are silent by design, whose switching is
   * commanded and never confirmed, and which cannot share a port with another board.
   */
  public boolean replies() {
    return replies;
  }

  /** Whether this driver talks over a serial port (every driver but the simulated board). */
  public boolean needsPort() {
    return this != SIMULATED;
  }

  /** The driver a config names, if it is one of these. */
  public static Optional<Driver> named(String configName) {
    return Arrays.stream(values()).filter(d -> d.configName.equals(configName)).findFirst();
  }

  /** Every name a station config may use, in the order they are listed to the operator. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Driver::configName).toList();
  }

  @Override
  public String toString() {
    return configName;
  }
}
