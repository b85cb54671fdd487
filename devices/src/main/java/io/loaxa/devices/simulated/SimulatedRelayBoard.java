package io.loaxa.devices.simulated;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory relay board with read-back: the demo station's cabinet. It can be told to misbehave
 * the ways real boards do: a channel that refuses (a dead relay driver), a relay stuck in place (a
 * welded contact: the write is accepted, the read-back disagrees), a board gone silent (unplugged),
 * a few failures in a row (a noisy bus), no read-back at all (an LCUS board). Thread-safe.
 */
public final class SimulatedRelayBoard implements RelayBoard {
  /** One switch the board made. */
  public record Switch(Instant at, RelayChannel channel, boolean on) {}

  private final String key;
  private final int channels;
  private final Clock clock;
  private final boolean reports;
  private final boolean[] state;
  private final List<Switch> history = new ArrayList<>();
  private final Set<Integer> failing = new HashSet<>();
  private final Set<Integer> stuck = new HashSet<>();
  private Optional<Duration> holdTime = Optional.empty();
  private int failNext;
  private int writes;
  private boolean silent;
  private boolean closed;

  public SimulatedRelayBoard(String key, int channels, Clock clock) {
    this(key, channels, clock, true);
  }

  /** @param reports false for a board that never reports its relays (like an LCUS board) */
  public SimulatedRelayBoard(String key, int channels, Clock clock, boolean reports) {
    if (channels < 1 || channels > 256) {
      throw new IllegalArgumentException("channels out of range 1..256: " + channels);
    }
    this.key = key;
    this.channels = channels;
    this.clock = clock;
    this.reports = reports;
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

  /** From now on the channel refuses every command, as a board whose relay driver is dead. */
  public synchronized void failChannel(RelayChannel channel) {
    failing.add(channel.number());
  }

  /** From now on the relay stays as it is whatever it is told, as a welded contact. */
  public synchronized void stickChannel(RelayChannel channel) {
    stuck.add(channel.number());
  }

  /** The next {@code count} commands or reads fail, as on a noisy bus. */
  public synchronized void failNext(int count) {
    failNext = count;
  }

  /** The board stops answering altogether (true) or answers again (false), as a USB adapter pulled and put back. */
  public synchronized void silent(boolean silent) {
    this.silent = silent;
  }

  /** Behave like a dead-man board: a switch-on holds this long (not released by itself here). */
  public synchronized void holdTime(Duration hold) {
    holdTime = Optional.of(hold);
  }

  /** The relays power-cycle: all released, as after a brown-out of the board alone. */
  public synchronized void powerCycle() {
    java.util.Arrays.fill(state, false);
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
    answer(channel);
    writes++;
    if (!stuck.contains(channel.number())) {
      state[channel.number()] = on;
    }
    history.add(new Switch(clock.instant(), channel, on));
  }

  @Override
  public synchronized Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    if (!reports) {
      check(channel);
      return Optional.empty();
    }
    answer(channel);
    return Optional.of(state[channel.number()]);
  }

  private void answer(RelayChannel channel) throws DeviceException {
    check(channel);
    if (silent) {
      throw new BoardSilentException("board " + key + " does not answer");
    }
    if (failNext > 0) {
      failNext--;
      throw new DeviceException("board " + key + ": garbled reply");
    }
    if (failing.contains(channel.number())) {
      throw new DeviceException("board " + key + " " + channel + " refuses the command");
    }
  }

  private void check(RelayChannel channel) {
    channel.requireOn(key, channels);
    if (closed) {
      throw new IllegalStateException("board " + key + " is closed");
    }
  }

  @Override
  public boolean canReadBack() {
    return reports;
  }

  @Override
  public synchronized Optional<Duration> holdTime() {
    return holdTime;
  }

  @Override
  public synchronized ProbeReport probe() {
    if (silent) {
      return new ProbeReport(key, false, Optional.empty(), reports, "board " + key + " does not answer");
    }
    return new ProbeReport(key, true, Optional.of(channels), reports, "simulated board with " + channels + " channels");
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

  /** Commands the board accepted, counted one per channel. */
  public synchronized int writes() {
    return writes;
  }

  public synchronized List<Switch> history() {
    return List.copyOf(history);
  }

  /** Sets several relays; the simulator takes them one by one, as the default does. */
  @Override
  public void switchAll(Map<RelayChannel, Boolean> wanted) throws DeviceException {
    RelayBoard.super.switchAll(wanted);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
