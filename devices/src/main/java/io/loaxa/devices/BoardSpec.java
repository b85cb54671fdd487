package io.loaxa.devices;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
}
