package io.loaxa.devices;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A board of relays in the station cabinet; switches hamlet lines and the amplifier.
 *
 * <p>Drivers translate, they do not decide: one call is one attempt, a failure is a
 * {@link DeviceException} ({@link BoardSilentException} when the board as a whole cannot be reached),
 * and retrying, skipping a zone and timing belong to the {@link Switchboard}. A channel beyond the
 * board, or a call after {@link #close()}, is a bug: {@link IllegalArgumentException} /
 * {@link IllegalStateException}. Implementations are thread-safe.
 */
public interface RelayBoard extends AutoCloseable {
  /** The board's key in the station config. */
  String key();

  /** Channels as printed on the board: 1..n. */
  int channelCount();

  void switchOn(RelayChannel channel) throws DeviceException;

  void switchOff(RelayChannel channel) throws DeviceException;

  /** What the board reports for the channel; empty when the board cannot report. */
  Optional<Boolean> readBack(RelayChannel channel) throws DeviceException;

  /** False for boards that never report their relays (LCUS, DTR/RTS): switching them is commanded, not confirmed. */
  default boolean canReadBack() {
    return true;
  }

  /**
   * Switches several channels at once, each to its wanted state (true: relay on). Boards that can set
   * many relays in one frame (Modbus FC15) override this; the rest switch one channel after another.
   */
  default void switchAll(Map<RelayChannel, Boolean> wanted) throws DeviceException {
    for (Map.Entry<RelayChannel, Boolean> e : wanted.entrySet()) {
      if (e.getValue()) {
        switchOn(e.getKey());
      } else {
        switchOff(e.getKey());
      }
    }
  }

  /** What the board reports for several channels, in one frame where it can. */
  default Map<RelayChannel, Optional<Boolean>> readBackAll(Collection<RelayChannel> channels) throws DeviceException {
    Map<RelayChannel, Optional<Boolean>> states = new LinkedHashMap<>();
    for (RelayChannel channel : channels) {
      states.put(channel, readBack(channel));
    }
    return states;
  }

  /**
   * How long a switch-on holds before the board itself lets the relay go (a dead-man timer on
   * register boards); empty when a relay stays on until told otherwise. The switchboard re-asserts
   * lines that must stay on well before this runs out.
   */
  default Optional<Duration> holdTime() {
    return Optional.empty();
  }

  /**
   * What an installer needs on day one: does the board answer, how many channels could be found, can it
   * read back. Reads only; never switches a relay. Never throws for a field fault: the report says it.
   */
  default ProbeReport probe() {
    if (!canReadBack()) {
      return new ProbeReport(key(), false, Optional.empty(), false,
          "this board never answers; switch a zone on and listen for the relay to click");
    }
    try {
      Optional<Boolean> state = readBack(new RelayChannel(1));
      return new ProbeReport(key(), true, Optional.empty(), state.isPresent(),
          "CH1 reads " + state.map(on -> on ? "on" : "off").orElse("unknown"));
    } catch (DeviceException e) {
      return new ProbeReport(key(), false, Optional.empty(), canReadBack(), e.getMessage());
    }
  }

  /** Idempotent, never throws. */
  @Override
  void close();
}
