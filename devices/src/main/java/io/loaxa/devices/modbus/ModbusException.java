package io.loaxa.devices.modbus;

import io.loaxa.devices.DeviceException;

/**
 * A Modbus slave refused a request with an exception reply (function code with its high bit set):
 * the board answered, so this concerns the request, not the line.
 */
public final class ModbusException extends DeviceException {
  private final int unit;
  private final int function;
  private final int code;

  public ModbusException(int unit, int function, int code) {
    super("unit " + unit + " refused function " + function + " with exception " + code + " (" + meaning(code) + ")");
    this.unit = unit;
    this.function = function;
    this.code = code;
  }

  public int unit() {
    return unit;
  }

  public int function() {
    return function;
  }

  /** The exception code: 1 illegal function, 2 illegal data address, 3 illegal data value, 4 device failure, … */
  public int code() {
    return code;
  }

  static String meaning(int code) {
    return switch (code) {
      case 1 -> "illegal function: the board does not support this command";
      case 2 -> "illegal data address: no such coil or register on the board; check channels and offset";
      case 3 -> "illegal data value";
      case 4 -> "slave device failure";
      case 5 -> "acknowledge: busy with a long command";
      case 6 -> "slave device busy";
      case 8 -> "memory parity error";
      case 10 -> "gateway path unavailable";
      case 11 -> "gateway target device failed to respond";
      default -> "unknown exception code";
    };
  }
}
