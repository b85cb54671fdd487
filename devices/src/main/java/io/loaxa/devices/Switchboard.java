package io.loaxa.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station cabinet: every relay board, the amplifier's channel and each hamlet's line. Switches
 * the amplifier and zones in the safe order and reads back where the board can. Thread-safe: one
 * caller at a time switches.
 */
public final class Switchboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

  private final Map<String, RelayBoard> boards;
  private final Optional<ZoneLine> amplifier;
  private final Map<String, ZoneLine> zones;
  private boolean closed;

  /**
   * @param amplifier the line switching the amplifier's mains, if it is switched at all
   * @param zones the hamlet lines, by zone key
   */
  public Switchboard(List<RelayBoard> boards, Optional<ZoneLine> amplifier, List<ZoneLine> zones) {
    Map<String, RelayBoard> byKey = new LinkedHashMap<>();
    for (RelayBoard board : boards) {
      if (byKey.put(board.key(), board) != null) {
        throw new IllegalArgumentException("two boards with key " + board.key());
      }
    }
    this.boards = byKey;
    this.amplifier = Objects.requireNonNull(amplifier, "amplifier");
    Map<String, ZoneLine> lines = new TreeMap<>();
    for (ZoneLine line : zones) {
      checkWired(line);
      if (lines.put(line.zoneKey(), line) != null) {
        throw new IllegalArgumentException("zone " + line.zoneKey() + " wired twice");
      }
    }
    amplifier.ifPresent(this::checkWired);
    this.zones = lines;
  }

  private void checkWired(ZoneLine line) {
    RelayBoard board = boards.get(line.boardKey());
    if (board == null) {
      throw new IllegalArgumentException(line.zoneKey() + ": no board " + line.boardKey());
    }
    if (line.channel().number() > board.channelCount()) {
      throw new IllegalArgumentException(line.zoneKey() + ": " + line.channel() + " beyond board "
          + board.key() + " with " + board.channelCount() + " channels");
    }
  }

  /** The board with this key, e.g. for an installer's status page. */
  public Optional<RelayBoard> board(String key) {
    return Optional.ofNullable(boards.get(key));
  }

  public List<String> zoneKeys() {
    return List.copyOf(zones.keySet());
  }

  public synchronized void amplifierOn() throws DeviceException {
    if (amplifier.isPresent()) {
      ZoneLine line = amplifier.get();
      boards.get(line.boardKey()).switchOn(line.channel());
    }
  }

  public synchronized void amplifierOff() throws DeviceException {
    if (amplifier.isPresent()) {
      ZoneLine line = amplifier.get();
      boards.get(line.boardKey()).switchOff(line.channel());
    }
  }

  /** Switches the zones on; one failing zone does not stop the others. */
  public synchronized SwitchResult zonesOn(List<String> zoneKeys) {
    return switchZones(zoneKeys, true);
  }

  /** Switches the zones off; one failing zone does not stop the others. */
  public synchronized SwitchResult zonesOff(List<String> zoneKeys) {
    return switchZones(zoneKeys, false);
  }

  private SwitchResult switchZones(List<String> zoneKeys, boolean on) {
    List<String> confirmed = new ArrayList<>();
    List<String> commanded = new ArrayList<>();
    Map<String, String> failed = new TreeMap<>();
    for (String key : zoneKeys) {
      ZoneLine line = zones.get(key);
      if (line == null) {
        failed.put(key, "no such zone in the station config");
        continue;
      }
      RelayBoard board = boards.get(line.boardKey());
      try {
        if (on) {
          board.switchOn(line.channel());
        } else {
          board.switchOff(line.channel());
        }
        Optional<Boolean> state = board.readBack(line.channel());
        if (state.isEmpty()) {
          commanded.add(key);
        } else if (state.get() == on) {
          confirmed.add(key);
        } else {
          failed.put(key, board.key() + " " + line.channel() + " reads " + (state.get() ? "on" : "off") + " after switching " + (on ? "on" : "off"));
        }
      } catch (DeviceException e) {
        failed.put(key, e.getMessage());
      }
    }
    return new SwitchResult(confirmed, commanded, failed);
  }

  /**
   * Every zone off, then the amplifier off, on every board; keeps going past failures.
   *
   * @return the failures, empty when every channel is off
   */
  public synchronized List<String> allOff() {
    List<String> failures = new ArrayList<>();
    switchZones(new ArrayList<>(zones.keySet()), false).failed()
        .forEach((zone, why) -> failures.add(zone + ": " + why));
    try {
      amplifierOff();
    } catch (DeviceException e) {
      failures.add("amplifier: " + e.getMessage());
    }
    if (!failures.isEmpty()) {
      LOG.warn("all-off incomplete: {}", failures);
    }
    return failures;
  }

  /** What each zone's board reports: on, off, or unknown where it cannot report or did not answer. */
  public synchronized Map<String, Optional<Boolean>> status() {
    Map<String, Optional<Boolean>> states = new TreeMap<>();
    for (ZoneLine line : zones.values()) {
      try {
        states.put(line.zoneKey(), boards.get(line.boardKey()).readBack(line.channel()));
      } catch (DeviceException e) {
        states.put(line.zoneKey(), Optional.empty());
      }
    }
    return states;
  }

  /** Switches everything off and closes every board. Idempotent, never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    allOff();
    for (RelayBoard board : boards.values()) {
      board.close();
    }
  }
}
