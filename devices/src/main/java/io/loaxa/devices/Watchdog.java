package io.loaxa.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switchboard's watch over lines between switchings: switches off lines on past their maximum,
 * re-asserts lines on dead-man boards and on boards that cannot report, and gives a board that
 * answers again the lines it should have on. Runs its rounds on its own thread when started; the
 * caller holds the switchboard's lock for each round.
 */
final class Watchdog {
  private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

  private final Wiring wiring;
  private final LineSwitcher switcher;
  private final LineBook book;
  private final BoardHealth health;
  private final SwitchPolicy policy;
  private Instant lastReassert;
  private ScheduledExecutorService thread;

  Watchdog(Wiring wiring, LineSwitcher switcher, LineBook book, BoardHealth health, SwitchPolicy policy) {
    this.wiring = wiring;
    this.switcher = switcher;
    this.book = book;
    this.health = health;
    this.policy = policy;
  }

  /** One round at {@code now}; what it did, one sentence each. */
  List<String> round(Instant now) {
    List<String> done = new ArrayList<>();
    switchOffOverdue(now, done);
    reassertHeld(now, done);
    if (lastReassert == null || !now.isBefore(lastReassert.plus(policy.reassertEvery()))) {
      lastReassert = now;
      reassertUnreported(done);
    }
    recoverSilent(done);
    return done;
  }

  private void switchOffOverdue(Instant now, List<String> done) {
    Map<RelayLine, RelayWire> overdue = new LinkedHashMap<>();
    List<RelayLine> retrying = new ArrayList<>();
    List<RelayLine> overrun = new ArrayList<>();
    book.held().forEach((line, held) -> {
      if (!(line instanceof RelayLine.Amplifier) && !now.isBefore(held.deadline)) {
        wiring.wire(line).ifPresent(wire -> overdue.put(line, wire));
        (held.offPending ? retrying : overrun).add(line);
      }
    });
    if (!overdue.isEmpty()) {
      if (!overrun.isEmpty()) {
        LOG.warn("lines on past their maximum, switching off: {}", overrun);
      }
      Switched result = switcher.switchLines(overdue, false, Switchboard.NO_LIMIT);
      done.add("switched off " + (retrying.isEmpty() ? "past their maximum" : "(again)") + ": " + result.switched()
          + (result.failures().isEmpty() ? "" : "; still failing: " + result.failures()));
    }
    LineBook.Held amp = book.held().get(RelayLine.AMPLIFIER);
    Optional<RelayWire> ampWire = wiring.amplifier();
    if (amp != null && ampWire.isPresent() && !now.isBefore(amp.deadline)) {
      if (!amp.offPending) {
        LOG.warn("amplifier on since {} past its maximum, switching off", amp.since);
      }
      Switched result = switcher.switchLines(Map.of(RelayLine.AMPLIFIER, ampWire.get()), false, Switchboard.NO_LIMIT);
      done.add(result.failures().isEmpty() ? "amplifier switched off past its maximum"
          : "amplifier still failing to switch off: " + result.reason(RelayLine.AMPLIFIER));
    }
  }

  private void reassertHeld(Instant now, List<String> done) {
    book.held().forEach((line, held) -> {
      Optional<RelayWire> wire = wiring.wire(line);
      if (wire.isEmpty() || !book.commanded(line).orElse(false)) {
        return;
      }
      RelayBoard board = wiring.boardOf(wire.get());
      Optional<Duration> hold = board.holdTime();
      if (hold.isPresent() && !now.isBefore(held.lastAsserted.plus(hold.get().dividedBy(2)))) {
        try {
          board.switchAll(Map.of(wire.get().channel(), wire.get().relayFor(true)));
          book.asserted(line, now);
          done.add("re-asserted " + line + " on its dead-man board " + board.key());
        } catch (DeviceException e) {
          recordSilence(board, e);
          done.add("could not re-assert " + line + ": " + LineSwitcher.describe(board, wire.get(), e));
        }
      }
    });
  }

  private void reassertUnreported(List<String> done) {
    for (RelayBoard board : wiring.boards()) {
      if (board.canReadBack()) {
        continue;
      }
      Map<RelayChannel, Boolean> relays = new LinkedHashMap<>();
      book.commanded().forEach((line, state) -> wiring.wire(line)
          .filter(wire -> wire.boardKey().equals(board.key()))
          .ifPresent(wire -> relays.put(wire.channel(), wire.relayFor(state))));
      if (relays.isEmpty()) {
        continue;
      }
      try {
        board.switchAll(relays);
        health.answered(board.key());
      } catch (DeviceException e) {
        recordSilence(board, e);
        done.add("could not re-assert board " + board.key() + ": " + e.getMessage());
      }
    }
  }

  private void recordSilence(RelayBoard board, DeviceException e) {
    if (e instanceof BoardSilentException) {
      health.silent(board.key(), e.getMessage());
    }
  }

  private void recoverSilent(List<String> done) {
    for (String key : health.silentBoards()) {
      RelayBoard board = wiring.board(key).orElseThrow();
      if (!board.canReadBack()) {
        continue;
      }
      try {
        board.readBack(new RelayChannel(1));
      } catch (DeviceException e) {
        health.silent(key, e.getMessage());
        continue;
      }
      health.answered(key);
      Map<RelayLine, RelayWire> toRestore = new LinkedHashMap<>();
      book.commanded().forEach((line, state) -> wiring.wire(line)
          .filter(wire -> wire.boardKey().equals(key) && state && book.isHeld(line))
          .ifPresent(wire -> toRestore.put(line, wire)));
      if (toRestore.isEmpty()) {
        done.add("board " + key + " answers again");
        continue;
      }
      Switched outcome = new Switched();
      switcher.switchOnBoard(board, toRestore, true, 1, outcome);
      LOG.info("board {}: lines switched back on: {}", key, outcome.switched());
      done.add("board " + key + " answers again; switched back on: " + outcome.switched()
          + (outcome.failures().isEmpty() ? "" : "; failed: " + outcome.failures()));
    }
  }

  /** Starts running {@code round} every {@code period} on the watchdog's own thread, once. */
  void start(Duration period, Runnable round) {
    if (thread != null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "switchboard-watchdog");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The running thread, handed over to be shut down outside the lock; empty when none runs. */
  Optional<ScheduledExecutorService> stopping() {
    Optional<ScheduledExecutorService> running = Optional.ofNullable(thread);
    thread = null;
    return running;
  }
}
