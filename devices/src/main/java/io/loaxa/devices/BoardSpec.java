package io.loaxa.devices;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One relay board as the station config describes it.
 *
 * @param driver the config {@code driver:} name ({@code simulated}, {@code modbus-rtu}, …)
 * @param port the serial port path (by-id or by-path); empty for boards with no port
 * @param options the driver's further settings ({@code baud}, {@code unit}, {@code parity}, …) as written
 */
public record BoardSpec(String key, String driver, Optional<String> port, int channels, Map<String, String> options) {
  public BoardSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(port, "port");
    options = Map.copyOf(options);
    if (channels < 1 || channels > 256) {
      throw new IllegalArgumentException("board " + key + ": channels out of range 1..256: " + channels);
    }
  }

  /** The same board with another channel count. */
  public BoardSpec withChannels(int count) {
    return new BoardSpec(key, driver, port, count, options);
  }

  /** The port, which this driver cannot do without. */
  public String requirePort() {
    return port.filter(p -> !p.isBlank()).orElseThrow(() ->
        new IllegalArgumentException("board " + key + ": driver " + driver + " needs a port (e.g. /dev/serial/by-id/…)"));
  }

  /** Fails on an option the driver does not know, so a misspelt {@code unti: 2} is not silently ignored. */
  public void requireOnlyOptions(Set<String> known) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("board " + key + ": driver " + driver + " has no option "
          + String.join(", ", unknown) + "; it knows " + String.join(", ", new TreeSet<>(known)));
    }
  }

  public int intOption(String name, int fallback, int min, int max) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.decode(text.trim());
    } catch (NumberFormatException e) {
      throw bad(name, "expected a whole number, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw bad(name, "out of range " + min + ".." + max + ": " + value);
    }
    return value;
  }

  public boolean booleanOption(String name, boolean fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw bad(name, "expected true or false, got '" + text + "'");
    };
  }

  /** A duration written as ISO-8601 ({@code PT0.2S}), with a unit ({@code 200ms}, {@code 2s}) or as plain milliseconds. */
  public Duration durationOption(String name, Duration fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration value;
      if (t.startsWith("pt")) {
        value = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        value = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      } else if (t.endsWith("s")) {
        value = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
      } else {
        value = Duration.ofMillis(Long.parseLong(t));
      }
      if (value.isNegative()) {
        throw bad(name, "must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw bad(name, "expected a duration such as 200ms, 2s or PT0.2S, got '" + text + "'");
    }
  }

  /** Serial settings from the {@code baud}, {@code dataBits}, {@code parity} and {@code stopBits} options. */
  public SerialSettings serialSettings() {
    try {
      return SerialSettings.from(options);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("board " + key + ": " + e.getMessage(), e);
    }
  }

  private IllegalArgumentException bad(String option, String why) {
    return new IllegalArgumentException("board " + key + ": option " + option + ": " + why);
  }
}
