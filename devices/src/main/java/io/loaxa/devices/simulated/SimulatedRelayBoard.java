package io.loaxa.devices.simulated;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory relay board with read-back. Can be told to fail a channel, as a stuck relay or a
 * broken line would. Thread-safe.
 */
public final class SimulatedRelayBoard implements RelayBoard {
  /** One switch the board made. */
  public record Switch(Instant at, RelayChannel channel, boolean on) {}

  private final String key;
  private final int channels;
  private final Clock clock;
  private final boolean[] state;
  private final List<Switch> history = new ArrayList<>();
  private final Set<Integer> failing = new HashSet<>();
  private boolean closed;

  public SimulatedRelayBoard(String key, int channels, Clock clock) {
    if (channels < 1 || channels > 256) {
      throw new IllegalArgumentException("channels out of range 1..256: " + channels);
    }
    this.key = key;
    this.channels = channels;
    this.clock = clock;
    this.state = new boolean[channels + 1];
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public int channelCount() {
    return channels;
  }

  /** From now on the channel does not answer, as a board whose relay is dead. */
  public synchronized void failChannel(RelayChannel channel) {
    failing.add(channel.number());
  }

  @Override
  public void switchOn(RelayChannel channel) throws DeviceException {
    set(channel, true);
  }

  @Override
  public void switchOff(RelayChannel channel) throws DeviceException {
    set(channel, false);
  }

  private synchronized void set(RelayChannel channel, boolean on) throws DeviceException {
    check(channel);
    if (failing.contains(channel.number())) {
      throw new DeviceException(key + " " + channel + " does not answer");
    }
    state[channel.number()] = on;
    history.add(new Switch(clock.instant(), channel, on));
  }

  @Override
  public synchronized Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    check(channel);
    if (failing.contains(channel.number())) {
      throw new DeviceException(key + " " + channel + " does not answer");
    }
    return Optional.of(state[channel.number()]);
  }

  private void check(RelayChannel channel) {
    if (channel.number() > channels) {
      throw new IllegalArgumentException(channel + " beyond board " + key + " with " + channels + " channels");
    }
    if (closed) {
      throw new IllegalStateException("board " + key + " is closed");
    }
  }

  public synchronized boolean isOn(RelayChannel channel) {
    return state[channel.number()];
  }

  /** True when no channel is on. */
  public synchronized boolean allOff() {
    for (boolean on : state) {
      if (on) {
        return false;
      }
    }
    return true;
  }

  public synchronized List<Switch> history() {
    return List.copyOf(history);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
