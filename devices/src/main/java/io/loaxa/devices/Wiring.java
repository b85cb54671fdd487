package io.loaxa.devices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the station cabinet is wired: which board and channel switch each hamlet's line and the
 * amplifier's mains, checked when the switchboard is built.
 */
final class Wiring {
  private final Map<String, RelayBoard> boards;
  private final Optional<RelayWire> amplifier;
  private final Map<String, RelayWire> zones;
  /** Every relay but the amplifier's, board by board, in channel order: what all-off releases first. */
  private final Map<String, Map<RelayLine, RelayWire>> releasedFirst;

  /**
   * @throws IllegalArgumentException when two boards share a key, or a line names an unknown board, a
   *     channel beyond it, or a channel another line already uses, or a zone is wired twice
   */
  Wiring(List<RelayBoard> boards, Optional<RelayWire> amplifier, List<ZoneLine> zones) {
    Map<String, RelayBoard> byKey = new LinkedHashMap<>();
    for (RelayBoard board : boards) {
      if (byKey.put(board.key(), board) != null) {
        throw new IllegalArgumentException("two boards with key " + board.key());
      }
    }
    this.boards = byKey;
    this.amplifier = Objects.requireNonNull(amplifier, "amplifier");
    Map<String, RelayWire> lines = new TreeMap<>();
    Map<String, RelayLine> wired = new HashMap<>();
    for (ZoneLine zone : zones) {
      checkWired(zone.line(), zone.wire(), wired);
      if (lines.put(zone.zoneKey(), zone.wire()) != null) {
        throw new IllegalArgumentException("zone " + zone.zoneKey() + " wired twice");
      }
    }
    amplifier.ifPresent(wire -> checkWired(RelayLine.AMPLIFIER, wire, wired));
    this.zones = lines;
    this.releasedFirst = releasedFirst(wired);
  }

  private void checkWired(RelayLine line, RelayWire wire, Map<String, RelayLine> wired) {
    RelayBoard board = boards.get(wire.boardKey());
    if (board == null) {
      throw new IllegalArgumentException(line + ": no board " + wire.boardKey());
    }
    wire.channel().requireOn(board.key(), board.channelCount());
    RelayLine other = wired.put(relay(wire.boardKey(), wire.channel()), line);
    if (other != null) {
      throw new IllegalArgumentException(line + ": board " + wire.boardKey() + " " + wire.channel()
          + " already switches " + other);
    }
  }

  private static String relay(String boardKey, RelayChannel channel) {
    return boardKey + "/" + channel.number();
  }

  private Map<String, Map<RelayLine, RelayWire>> releasedFirst(Map<String, RelayLine> wired) {
    Map<String, Map<RelayLine, RelayWire>> order = new LinkedHashMap<>();
    for (RelayBoard board : boards.values()) {
      Map<RelayLine, RelayWire> lines = new LinkedHashMap<>();
      for (int n = 1; n <= board.channelCount(); n++) {
        RelayChannel channel = new RelayChannel(n);
        RelayLine line = wired.getOrDefault(relay(board.key(), channel), new RelayLine.Spare(board.key(), channel));
        if (!(line instanceof RelayLine.Amplifier)) {
          lines.put(line, wire(line).orElseThrow());
        }
      }
      order.put(board.key(), lines);
    }
    return order;
  }

  Collection<RelayBoard> boards() {
    return boards.values();
  }

  Optional<RelayBoard> board(String key) {
    return Optional.ofNullable(boards.get(key));
  }

  RelayBoard boardOf(RelayWire wire) {
    return boards.get(wire.boardKey());
  }

  List<String> zoneKeys() {
    return List.copyOf(zones.keySet());
  }

  Optional<RelayWire> zone(String zoneKey) {
    return Optional.ofNullable(zones.get(zoneKey));
  }

  Optional<RelayWire> amplifier() {
    return amplifier;
  }

  /** Where a line is wired; a spare relay is wired to its own channel, normally open. */
  Optional<RelayWire> wire(RelayLine line) {
    if (line instanceof RelayLine.Zone zone) {
      return zone(zone.zoneKey());
    }
    if (line instanceof RelayLine.Spare spare) {
      return board(spare.boardKey()).map(b -> new RelayWire(spare.boardKey(), spare.channel()));
    }
    return amplifier;
  }

  /** The zones in key order, then the amplifier: the lines a status report lists. */
  Map<RelayLine, RelayWire> wiredLines() {
    Map<RelayLine, RelayWire> lines = new LinkedHashMap<>();
    zones.forEach((key, wire) -> lines.put(RelayLine.zone(key), wire));
    amplifier.ifPresent(wire -> lines.put(RelayLine.AMPLIFIER, wire));
    return lines;
  }

  /** Every relay on the board except the amplifier's, zones and spares, in channel order. */
  Map<RelayLine, RelayWire> releasedFirstOn(RelayBoard board) {
    return releasedFirst.get(board.key());
  }

  /** The channels of these wires that are on this board, in the order given. */
  static List<RelayChannel> channelsOn(RelayBoard board, Collection<RelayWire> lines) {
    List<RelayChannel> channels = new ArrayList<>();
    for (RelayWire wire : lines) {
      if (wire.boardKey().equals(board.key())) {
        channels.add(wire.channel());
      }
    }
    return channels;
  }
}
