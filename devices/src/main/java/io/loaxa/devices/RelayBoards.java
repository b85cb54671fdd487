package io.loaxa.devices;

import io.loaxa.devices.simulated.SimulatedRelayBoard;
import java.time.Clock;
import java.util.List;

/** Opens the relay board a {@link BoardSpec} names, by its driver. */
public final class RelayBoards {
  private RelayBoards() {}

  /** The driver names a station config may use. */
  public static List<String> drivers() {
    return List.of("simulated");
  }

  /**
   * @throws DeviceException when the board's port cannot be opened
   * @throws IllegalArgumentException when the driver name is unknown (a configuration error)
   */
  public static RelayBoard open(BoardSpec spec, Clock clock) throws DeviceException {
    switch (spec.driver()) {
      case "simulated":
        return new SimulatedRelayBoard(spec.key(), spec.channels(), clock);
      default:
        throw new IllegalArgumentException("board " + spec.key() + ": unknown driver '" + spec.driver()
            + "'; known: " + String.join(", ", drivers()));
    }
  }
}
