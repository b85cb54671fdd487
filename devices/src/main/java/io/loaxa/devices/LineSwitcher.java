package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Switches lines on their boards: a board's lines in one frame or staggered to limit inrush, each
 * round read back where the board can, retried as the {@link SwitchPolicy} says; one failing line
 * fails alone. What it switched goes into the {@link LineBook}, and whether each board answered into
 * its {@link BoardHealth}.
 */
final class LineSwitcher {
  private final Wiring wiring;
  private final SwitchPolicy policy;
  private final LineBook book;
  private final BoardHealth health;
  private final Clock clock;
  private final Pause pause;

  LineSwitcher(Wiring wiring, SwitchPolicy policy, LineBook book, BoardHealth health, Clock clock, Pause pause) {
    this.wiring = wiring;
    this.policy = policy;
    this.book = book;
    this.health = health;
    this.clock = clock;
    this.pause = pause;
  }

  /** Switches lines board by board, staggered or in one go, and writes the outcome into the book. */
  Switched switchLines(Map<RelayLine, RelayWire> lines, boolean wanted, Duration maxOn) {
    Switched outcome = new Switched();
    Map<String, Map<RelayLine, RelayWire>> byBoard = new LinkedHashMap<>();
    lines.forEach((line, wire) -> byBoard.computeIfAbsent(wire.boardKey(), b -> new LinkedHashMap<>()).put(line, wire));
    boolean stagger = wanted && !policy.stagger().isZero();
    boolean first = true;
    for (Map.Entry<String, Map<RelayLine, RelayWire>> group : byBoard.entrySet()) {
      RelayBoard board = wiring.board(group.getKey()).orElseThrow();
      if (stagger) {
        for (Map.Entry<RelayLine, RelayWire> line : group.getValue().entrySet()) {
          if (!first) {
            pause.pause(policy.stagger());
          }
          first = false;
          switchOnBoard(board, Map.of(line.getKey(), line.getValue()), wanted, policy.attempts(), outcome);
        }
      } else {
        switchOnBoard(board, group.getValue(), wanted, policy.attempts(), outcome);
      }
    }
    book.record(lines.keySet(), wanted, maxOn, outcome, clock.instant());
    return outcome;
  }

  /**
   * Switches every line of {@code lines} off on one board; never throws, a driver's bug fails the
   * lines with its message. Writes the outcome into the book.
   */
  Switched switchOffSafely(RelayBoard board, Map<RelayLine, RelayWire> lines) {
    Switched outcome = new Switched();
    if (lines.isEmpty()) {
      return outcome;
    }
    try {
      switchOnBoard(board, lines, false, policy.attempts(), outcome);
    } catch (RuntimeException e) {
      lines.keySet().forEach(line -> outcome.failed(line, "board " + board.key() + ": " + e.getMessage()));
    }
    book.record(lines.keySet(), false, Switchboard.NO_LIMIT, outcome, clock.instant());
    return outcome;
  }

  /**
   * Switches lines on one board: the whole group in one go, read back, up to {@code attempts} rounds.
   * A board that refuses the group (not one that is silent) gets each line on its own, so one bad
   * channel fails alone. Does not write the book.
   */
  void switchOnBoard(RelayBoard board, Map<RelayLine, RelayWire> lines, boolean wanted, int attempts,
      Switched outcome) {
    Map<RelayLine, RelayWire> pending = new LinkedHashMap<>(lines);
    Map<RelayLine, String> reasons = new HashMap<>();
    for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        pause.pause(policy.retryPause());
      }
      try {
        switchAndRead(board, pending, wanted, outcome, reasons);
        health.answered(board.key());
      } catch (BoardSilentException e) {
        health.silent(board.key(), e.getMessage());
        pending.forEach((line, wire) -> reasons.put(line, describe(board, wire, e)));
      } catch (DeviceException e) {
        health.answered(board.key());
        if (pending.size() == 1) {
          pending.forEach((line, wire) -> reasons.put(line, describe(board, wire, e)));
        } else {
          switchOneByOne(board, pending, wanted, outcome, reasons);
        }
      }
    }
    for (RelayLine line : pending.keySet()) {
      outcome.failed(line, reasons.getOrDefault(line, "not switched"));
    }
  }

  private void switchOneByOne(RelayBoard board, Map<RelayLine, RelayWire> pending, boolean wanted, Switched outcome,
      Map<RelayLine, String> reasons) {
    for (Map.Entry<RelayLine, RelayWire> line : new ArrayList<>(pending.entrySet())) {
      Map<RelayLine, RelayWire> single = new LinkedHashMap<>();
      single.put(line.getKey(), line.getValue());
      try {
        switchAndRead(board, single, wanted, outcome, reasons);
        pending.remove(line.getKey());
      } catch (DeviceException each) {
        reasons.put(line.getKey(), describe(board, line.getValue(), each));
      }
    }
  }

  /** One round: write the group, read it back, and move what is settled out of {@code pending}. */
  private static void switchAndRead(RelayBoard board, Map<RelayLine, RelayWire> pending, boolean wanted,
      Switched outcome, Map<RelayLine, String> reasons) throws DeviceException {
    Map<RelayChannel, Boolean> relays = new LinkedHashMap<>();
    for (RelayWire wire : pending.values()) {
      relays.put(wire.channel(), wire.relayFor(wanted));
    }
    board.switchAll(relays);
    Map<RelayChannel, Optional<Boolean>> states = board.readBackAll(relays.keySet());
    for (Map.Entry<RelayLine, RelayWire> e : new ArrayList<>(pending.entrySet())) {
      RelayWire wire = e.getValue();
      Optional<Boolean> relay = states.getOrDefault(wire.channel(), Optional.empty());
      if (relay.isEmpty()) {
        outcome.commanded(e.getKey());
        pending.remove(e.getKey());
      } else if (wire.lineFor(relay.get()) == wanted) {
        outcome.confirmed(e.getKey());
        pending.remove(e.getKey());
      } else {
        reasons.put(e.getKey(), "board " + board.key() + " " + wire.channel() + " reads "
            + (relay.get() ? "on" : "off") + " after switching it " + (wire.relayFor(wanted) ? "on" : "off"));
      }
    }
  }

  static String describe(RelayBoard board, RelayWire wire, Exception e) {
    return "board " + board.key() + " " + wire.channel() + ": " + e.getMessage();
  }
}
