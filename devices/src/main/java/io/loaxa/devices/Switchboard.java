package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station cabinet: every relay board, the amplifier's line and each hamlet's line. Switches them
 * in the safe order the airing runner asks for, reads back where the board can, retries a bounded
 * number of times, and lets one failed zone fail alone while the others air.
 *
 * <p>It also keeps watch ({@link #tick()}): a line on past its maximum is switched off, lines on
 * dead-man boards are re-asserted before their hold runs out, lines on boards that cannot report are
 * told their state again now and then, and a board that went silent is asked again until it answers,
 * then given back the lines that should be on. A board's silence is logged once when it starts and
 * once when it ends.
 *
 * <p>Thread-safe: one caller at a time switches; the watchdog's rounds take the same lock. Time comes
 * from the injected clock and every wait goes through the injected {@link Pause}, so it runs on a
 * mutable clock in tests.
 */
public final class Switchboard implements AutoCloseable {
  /** Pass as a maximum to keep lines on until told otherwise (the installer's line test). */
  public static final Duration NO_LIMIT = ChronoUnit.FOREVER.getDuration();

  private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

  private final Wiring wiring;
  private final SwitchPolicy policy;
  private final Clock clock;
  private final LineBook book = new LineBook();
  private final BoardHealth health;
  private final LineSwitcher switcher;
  private final Watchdog watchdog;
  private boolean closed;

  /**
   * @param amplifier where the amplifier's mains are switched, if they are switched at all
   * @param zones the hamlet lines, by zone key
   * @throws IllegalArgumentException when a line names an unknown board, a channel beyond it, or a
   *     channel another line already uses
   */
  public Switchboard(List<RelayBoard> boards, Optional<RelayWire> amplifier, List<ZoneLine> zones, SwitchPolicy policy,
      Clock clock, Pause pause) {
    this(boards, amplifier, zones, policy, clock, pause, LoggerFactory.getLogger(BoardHealth.class));
  }

  /** A switchboard with the default policy. */
  public Switchboard(List<RelayBoard> boards, Optional<RelayWire> amplifier, List<ZoneLine> zones, Clock clock,
      Pause pause) {
    this(boards, amplifier, zones, SwitchPolicy.DEFAULT, clock, pause);
  }

  /** As the public constructor, with board outages written to {@code healthLog}. */
  Switchboard(List<RelayBoard> boards, Optional<RelayWire> amplifier, List<ZoneLine> zones, SwitchPolicy policy,
      Clock clock, Pause pause, Logger healthLog) {
    this.wiring = new Wiring(boards, amplifier, zones);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.health = new BoardHealth(clock, healthLog);
    this.switcher = new LineSwitcher(wiring, policy, book, health, clock, Objects.requireNonNull(pause, "pause"));
    this.watchdog = new Watchdog(wiring, switcher, book, health, policy);
  }

  /** The relay boards that have stopped answering, in the order they went silent. */
  public synchronized List<String> silentBoards() {
    return health.silentBoards();
  }

  /** The board with this key, e.g. for an installer's status page. */
  public Optional<RelayBoard> board(String key) {
    return wiring.board(key);
  }

  public List<String> zoneKeys() {
    return wiring.zoneKeys();
  }

  public boolean hasAmplifier() {
    return wiring.amplifier().isPresent();
  }

  public SwitchPolicy policy() {
    return policy;
  }

  /** Lines loaxa holds on (or could not switch off): zones, the amplifier, spare relays. */
  public synchronized Set<RelayLine> linesOn() {
    return book.linesOn();
  }

  /** Switches the amplifier on, for at most the policy's maximum. */
  public void amplifierOn() throws DeviceException {
    amplifierOn(policy.maxOn());
  }

  /**
   * Switches the amplifier on, read back where the board can; the caller waits its warm-up.
   *
   * @param maxOn the watchdog switches it off after this long; {@link #NO_LIMIT} for none
   * @throws DeviceException when every attempt failed; the reason names board and channel
   */
  public synchronized void amplifierOn(Duration maxOn) throws DeviceException {
    switchAmplifier(true, maxOn);
  }

  /** Switches the amplifier off, read back where the board can. */
  public synchronized void amplifierOff() throws DeviceException {
    switchAmplifier(false, NO_LIMIT);
  }

  private void switchAmplifier(boolean wanted, Duration maxOn) throws DeviceException {
    open();
    Optional<RelayWire> amplifier = wiring.amplifier();
    if (amplifier.isEmpty()) {
      return;
    }
    Switched result = switcher.switchLines(Map.of(RelayLine.AMPLIFIER, amplifier.get()), wanted, maxOn);
    if (result.failed(RelayLine.AMPLIFIER)) {
      throw new DeviceException(RelayLine.AMPLIFIER + ": " + result.reason(RelayLine.AMPLIFIER));
    }
  }

  /** Switches the zones on for at most the policy's maximum. */
  public SwitchResult zonesOn(List<String> zoneKeys) {
    return zonesOn(zoneKeys, policy.maxOn());
  }

  /**
   * Switches the zones on; one failing zone does not stop the others. Zones on one board go in one
   * frame where the board allows, unless the policy staggers them.
   *
   * @param maxOn the watchdog switches each zone off after this long; {@link #NO_LIMIT} for none
   */
  public synchronized SwitchResult zonesOn(List<String> zoneKeys, Duration maxOn) {
    open();
    return switchZones(zoneKeys, true, maxOn);
  }

  /** Switches the zones off; one failing zone does not stop the others. */
  public synchronized SwitchResult zonesOff(List<String> zoneKeys) {
    open();
    return switchZones(zoneKeys, false, NO_LIMIT);
  }

  private SwitchResult switchZones(List<String> zoneKeys, boolean wanted, Duration maxOn) {
    Map<RelayLine, RelayWire> lines = new LinkedHashMap<>();
    Map<String, String> unknown = new TreeMap<>();
    for (String key : new LinkedHashSet<>(zoneKeys)) {
      Optional<RelayWire> wire = wiring.zone(key);
      if (wire.isPresent()) {
        lines.put(RelayLine.zone(key), wire.get());
      } else {
        unknown.put(key, "no such zone in the station config");
      }
    }
    return switcher.switchLines(lines, wanted, maxOn).zoneResult(unknown);
  }

  /**
   * Every relay on every board released (lines wired inverted held, so they are silent too), zones
   * and spare relays first, the amplifier last. Keeps going past every failure and never throws: it
   * runs in {@code finally} blocks and shutdown hooks.
   *
   * @return the lines not confirmed off, with why; empty when every line is off
   */
  public synchronized List<LineFailure> allOff() {
    List<LineFailure> failures = new ArrayList<>();
    for (RelayBoard board : wiring.boards()) {
      failures.addAll(failures(switcher.switchOffSafely(board, wiring.releasedFirstOn(board))));
    }
    wiring.amplifier().ifPresent(wire -> failures.addAll(failures(
        switcher.switchOffSafely(wiring.boardOf(wire), Map.of(RelayLine.AMPLIFIER, wire)))));
    if (!failures.isEmpty()) {
      LOG.warn("all-off incomplete: {}", failures);
    }
    return failures;
  }

  private static List<LineFailure> failures(Switched outcome) {
    List<LineFailure> failures = new ArrayList<>();
    outcome.failures().forEach((line, why) -> failures.add(new LineFailure(line, why)));
    return failures;
  }

  /** What each zone's board reports: on, off, or empty where it cannot report or did not answer. */
  public synchronized Map<String, Optional<Boolean>> status() {
    Map<String, Optional<Boolean>> states = new TreeMap<>();
    for (ZoneStatus status : report()) {
      if (status.line() instanceof RelayLine.Zone zone) {
        states.put(zone.zoneKey(), status.reported());
      }
    }
    return states;
  }

  /** Every zone and the amplifier: what the board reports, what loaxa commanded, why a board did not answer. */
  public synchronized List<ZoneStatus> report() {
    open();
    Map<RelayLine, RelayWire> lines = wiring.wiredLines();
    Map<String, Map<RelayChannel, Optional<Boolean>>> read = new HashMap<>();
    Map<String, String> errors = new HashMap<>();
    for (RelayBoard board : wiring.boards()) {
      List<RelayChannel> channels = Wiring.channelsOn(board, lines.values());
      if (channels.isEmpty()) {
        continue;
      }
      try {
        read.put(board.key(), board.readBackAll(channels));
        health.answered(board.key());
      } catch (DeviceException | RuntimeException e) {
        if (e instanceof BoardSilentException) {
          health.silent(board.key(), e.getMessage());
        }
        errors.put(board.key(), e.getMessage());
      }
    }
    List<ZoneStatus> report = new ArrayList<>();
    lines.forEach((line, wire) -> {
      Optional<Boolean> relay = read.getOrDefault(wire.boardKey(), Map.of())
          .getOrDefault(wire.channel(), Optional.empty());
      report.add(new ZoneStatus(line, wire.boardKey(), wire.channel(), wire.inverted(), relay.map(wire::lineFor),
          book.commanded(line), Optional.ofNullable(errors.get(wire.boardKey()))));
    });
    return report;
  }

  /** Probes every board (reads only) for the installer. */
  public synchronized List<ProbeReport> probe() {
    open();
    List<ProbeReport> reports = new ArrayList<>();
    for (RelayBoard board : wiring.boards()) {
      reports.add(board.probe());
    }
    return reports;
  }

  /**
   * One round of the watchdog; call it every second or so. Switches off lines past their maximum
   * (zones before the amplifier), re-asserts lines on dead-man boards at half their hold time and lines
   * on boards that cannot report every {@link SwitchPolicy#reassertEvery()}, and asks silent boards
   * again, giving them back their lines when they answer. Never throws.
   *
   * @return what it did, one sentence each, for the log
   */
  public synchronized List<String> tick() {
    if (closed) {
      return List.of();
    }
    try {
      return watchdog.round(clock.instant());
    } catch (RuntimeException e) {
      LOG.error("switchboard watchdog round failed", e);
      return List.of("watchdog round failed: " + e);
    }
  }

  /**
   * Runs {@link #tick()} on a background thread every {@code period} until {@link #close()}. The
   * decisions still follow the injected clock.
   */
  public synchronized void startWatchdog(Duration period) {
    open();
    watchdog.start(period, () -> {
      List<String> done = tick();
      if (!done.isEmpty()) {
        LOG.info("watchdog: {}", done);
      }
    });
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("switchboard is closed");
    }
  }

  /**
   * Closes every board leaving the relays as they are: for a one-shot command whose lines must stay on
   * after it exits (the installer's line test). Boards keep their relays when their port closes,
   * except dtr-rts, whose outputs drop with the port. {@link #close()} afterwards does nothing.
   */
  public void detach() {
    Optional<ScheduledExecutorService> stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = watchdog.stopping();
      closeBoards();
    }
    stopping.ifPresent(ScheduledExecutorService::shutdownNow);
  }

  /** Switches everything off and closes every board. Idempotent, never throws. */
  @Override
  public void close() {
    Optional<ScheduledExecutorService> stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      stopping = watchdog.stopping();
    }
    stopping.ifPresent(ScheduledExecutorService::shutdownNow);
    synchronized (this) {
      if (closed) {
        return;
      }
      allOff();
      closed = true;
      closeBoards();
    }
  }

  private void closeBoards() {
    for (RelayBoard board : wiring.boards()) {
      try {
        board.close();
      } catch (RuntimeException e) {
        LOG.warn("closing board {} failed", board.key(), e);
      }
    }
  }
}
