package io.loaxa.devices;

import java.util.Locale;
import java.util.Map;

/**
 * How a serial port is set up: baud rate, data bits, parity, stop bits. Relay boards are almost all
 * 9600 8N1; RS-485 Modbus boards sometimes ship at 8E1.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {
  /** The parity bit of each character. */
  public enum Parity { NONE, EVEN, ODD }

  public static final SerialSettings DEFAULT = new SerialSettings(9600, 8, Parity.NONE, 1);

  public SerialSettings {
    if (baud < 50 || baud > 4_000_000) {
      throw new IllegalArgumentException("baud out of range 50..4000000: " + baud);
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("data bits out of range 5..8: " + dataBits);
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
    }
    java.util.Objects.requireNonNull(parity, "parity");
  }

  /** Bits on the wire per character: start, data, parity, stop. */
  public int bitsPerCharacter() {
    return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
  }

  /** Reads {@code baud}, {@code dataBits}, {@code parity} (none/even/odd) and {@code stopBits} from board options. */
  public static SerialSettings from(Map<String, String> options) {
    int baud = intOption(options, "baud", DEFAULT.baud);
    int dataBits = intOption(options, "dataBits", DEFAULT.dataBits);
    int stopBits = intOption(options, "stopBits", DEFAULT.stopBits);
    Parity parity = DEFAULT.parity;
    String text = options.get("parity");
    if (text != null) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "none", "n" -> parity = Parity.NONE;
        case "even", "e" -> parity = Parity.EVEN;
        case "odd", "o" -> parity = Parity.ODD;
        default -> throw new IllegalArgumentException("parity: expected none, even or odd, got '" + text + "'");
      }
    }
    try {
      return new SerialSettings(baud, dataBits, parity, stopBits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static int intOption(Map<String, String> options, String name, int fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a whole number, got '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return baud + " " + dataBits + parity.name().charAt(0) + stopBits;
  }
}
