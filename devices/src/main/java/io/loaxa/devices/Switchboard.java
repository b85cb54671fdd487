package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * then given back the lines that should be on.
 *
 * <p>Thread-safe: one caller at a time switches. Time comes from the injected clock and every wait
 * goes through the injected {@link Pause}, so it runs on a mutable clock in tests.
 */
public final class Switchboard implements AutoCloseable {
  /** The key the amplifier's line goes by in results and status. */
  public static final String AMPLIFIER = "amplifier";

  /** Pass as a maximum to keep lines on until told otherwise (the installer's line test). */
  public static final Duration NO_LIMIT = ChronoUnit.FOREVER.getDuration();

  private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

  private final Map<String, RelayBoard> boards;
  private final Optional<ZoneLine> amplifier;
  private final Map<String, ZoneLine> zones;
  private final SwitchPolicy policy;
  private final Clock clock;
  private final Pause pause;

  /** Lines loaxa has switched on (or failed to switch off), by line key. */
  private final Map<String, OnLine> on = new HashMap<>();
  /** The state loaxa last commanded for each line, by line key. */
  private final Map<String, Boolean> commanded = new HashMap<>();
  /** Boards that stopped answering and have not answered since. */
  private final Set<String> silentBoards = new HashSet<>();
  private Instant lastReassert;
  private ScheduledExecutorService watchdog;
  private boolean closed;

  private static final class OnLine {
    Instant deadline;
    Instant lastAsserted;
    /** Switching it off failed: the watchdog tries again. */
    boolean offPending;

    OnLine(Instant since, Instant deadline) {
      this.deadline = deadline;
      this.lastAsserted = since;
    }
  }

  /**
   * @param amplifier the line switching the amplifier's mains, if it is switched at all
   * @param zones the hamlet lines, by zone key
   * @throws IllegalArgumentException when a line names an unknown board, a channel beyond it, or a
   *     channel another line already uses
   */
  public Switchboard(List<RelayBoard> boards, Optional<ZoneLine> amplifier, List<ZoneLine> zones, SwitchPolicy policy,
      Clock clock, Pause pause) {
    Map<String, RelayBoard> byKey = new LinkedHashMap<>();
    for (RelayBoard board : boards) {
      if (byKey.put(board.key(), board) != null) {
        throw new IllegalArgumentException("two boards with key " + board.key());
      }
    }
    this.boards = byKey;
    this.amplifier = Objects.requireNonNull(amplifier, "amplifier");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
    Map<String, ZoneLine> lines = new TreeMap<>();
    Map<String, String> wired = new HashMap<>();
    for (ZoneLine line : zones) {
      checkWired(line, wired);
      if (line.zoneKey().equals(AMPLIFIER)) {
        throw new IllegalArgumentException("a zone cannot be called " + AMPLIFIER);
      }
      if (lines.put(line.zoneKey(), line) != null) {
        throw new IllegalArgumentException("zone " + line.zoneKey() + " wired twice");
      }
    }
    amplifier.ifPresent(line -> checkWired(line, wired));
    this.zones = lines;
  }

  /** A switchboard with the default policy. */
  public Switchboard(List<RelayBoard> boards, Optional<ZoneLine> amplifier, List<ZoneLine> zones, Clock clock,
      Pause pause) {
    this(boards, amplifier, zones, SwitchPolicy.DEFAULT, clock, pause);
  }

  private void checkWired(ZoneLine line, Map<String, String> wired) {
    RelayBoard board = boards.get(line.boardKey());
    if (board == null) {
      throw new IllegalArgumentException(line.zoneKey() + ": no board " + line.boardKey());
    }
    line.channel().requireOn(board.key(), board.channelCount());
    String other = wired.put(line.boardKey() + "/" + line.channel().number(), line.zoneKey());
    if (other != null) {
      throw new IllegalArgumentException(line.zoneKey() + ": board " + line.boardKey() + " " + line.channel()
          + " already switches " + other);
    }
  }

  /** The board with this key, e.g. for an installer's status page. */
  public Optional<RelayBoard> board(String key) {
    return Optional.ofNullable(boards.get(key));
  }

  public List<String> zoneKeys() {
    return List.copyOf(zones.keySet());
  }

  public boolean hasAmplifier() {
    return amplifier.isPresent();
  }

  public SwitchPolicy policy() {
    return policy;
  }

  /** Lines loaxa holds on (or could not switch off), zones by key and {@link #AMPLIFIER}. */
  public synchronized Set<String> linesOn() {
    return Set.copyOf(on.keySet());
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
    if (amplifier.isEmpty()) {
      return;
    }
    SwitchResult result = switchLines(List.of(Map.entry(AMPLIFIER, amplifier.get())), wanted, maxOn);
    String why = result.failed().get(AMPLIFIER);
    if (why != null) {
      throw new DeviceException("amplifier: " + why);
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
    List<Map.Entry<String, ZoneLine>> lines = new ArrayList<>();
    Map<String, String> unknown = new TreeMap<>();
    for (String key : new java.util.LinkedHashSet<>(zoneKeys)) {
      ZoneLine line = zones.get(key);
      if (line == null) {
        unknown.put(key, "no such zone in the station config");
      } else {
        lines.add(Map.entry(key, line));
      }
    }
    SwitchResult result = switchLines(lines, wanted, maxOn);
    if (unknown.isEmpty()) {
      return result;
    }
    Map<String, String> failed = new TreeMap<>(result.failed());
    failed.putAll(unknown);
    return new SwitchResult(result.confirmed(), result.commanded(), failed);
  }

  /** Switches lines board by board, staggered or in one go, and keeps the on/commanded books. */
  private SwitchResult switchLines(List<Map.Entry<String, ZoneLine>> lines, boolean wanted, Duration maxOn) {
    Outcome outcome = new Outcome();
    Map<String, Map<String, ZoneLine>> byBoard = new LinkedHashMap<>();
    for (Map.Entry<String, ZoneLine> e : lines) {
      byBoard.computeIfAbsent(e.getValue().boardKey(), b -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
    }
    boolean stagger = wanted && !policy.stagger().isZero();
    boolean first = true;
    for (Map.Entry<String, Map<String, ZoneLine>> group : byBoard.entrySet()) {
      RelayBoard board = boards.get(group.getKey());
      if (stagger) {
        for (Map.Entry<String, ZoneLine> line : group.getValue().entrySet()) {
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
    Instant now = clock.instant();
    for (Map.Entry<String, ZoneLine> e : lines) {
      String key = e.getKey();
      commanded.put(key, wanted);
      if (wanted) {
        OnLine line = on.computeIfAbsent(key, k -> new OnLine(now, deadline(now, maxOn)));
        line.deadline = deadline(now, maxOn);
        line.lastAsserted = now;
        line.offPending = false;
      } else if (outcome.failed.containsKey(key)) {
        offPending(key, now);
      } else {
        on.remove(key);
      }
    }
    return outcome.result();
  }

  /** The line may still be on: the watchdog keeps trying to switch it off. */
  private void offPending(String key, Instant now) {
    OnLine line = on.computeIfAbsent(key, k -> new OnLine(now, now));
    line.deadline = now;
    line.offPending = true;
  }

  private static Instant deadline(Instant now, Duration maxOn) {
    return maxOn.compareTo(Duration.ofDays(365 * 100L)) >= 0 ? Instant.MAX : now.plus(maxOn);
  }

  /** What switching achieved, line by line. */
  private static final class Outcome {
    final List<String> confirmed = new ArrayList<>();
    final List<String> commanded = new ArrayList<>();
    final Map<String, String> failed = new TreeMap<>();

    SwitchResult result() {
      return new SwitchResult(confirmed, commanded, failed);
    }
  }

  /**
   * Switches lines on one board: the whole group in one go, read back, up to {@code attempts} rounds.
   * A board that refuses the group (not one that is silent) gets each line on its own, so one bad
   * channel fails alone.
   */
  private void switchOnBoard(RelayBoard board, Map<String, ZoneLine> lines, boolean wanted, int attempts,
      Outcome outcome) {
    Map<String, ZoneLine> pending = new LinkedHashMap<>(lines);
    Map<String, String> reasons = new HashMap<>();
    for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        pause.pause(policy.retryPause());
      }
      try {
        switchAndRead(board, pending, wanted, outcome, reasons);
        silentBoards.remove(board.key());
      } catch (BoardSilentException e) {
        silentBoards.add(board.key());
        for (Map.Entry<String, ZoneLine> line : pending.entrySet()) {
          reasons.put(line.getKey(), describe(board, line.getValue(), e));
        }
      } catch (DeviceException e) {
        silentBoards.remove(board.key());
        if (pending.size() == 1) {
          Map.Entry<String, ZoneLine> line = pending.entrySet().iterator().next();
          reasons.put(line.getKey(), describe(board, line.getValue(), e));
          continue;
        }
        for (Map.Entry<String, ZoneLine> line : new ArrayList<>(pending.entrySet())) {
          try {
            Map<String, ZoneLine> single = new LinkedHashMap<>();
            single.put(line.getKey(), line.getValue());
            switchAndRead(board, single, wanted, outcome, reasons);
            pending.remove(line.getKey());
          } catch (DeviceException each) {
            reasons.put(line.getKey(), describe(board, line.getValue(), each));
          }
        }
      }
    }
    for (String key : pending.keySet()) {
      outcome.failed.put(key, reasons.getOrDefault(key, "not switched"));
    }
  }

  /** One round: write the group, read it back, and move what is settled out of {@code pending}. */
  private void switchAndRead(RelayBoard board, Map<String, ZoneLine> pending, boolean wanted, Outcome outcome,
      Map<String, String> reasons) throws DeviceException {
    Map<RelayChannel, Boolean> relays = new LinkedHashMap<>();
    for (ZoneLine line : pending.values()) {
      relays.put(line.channel(), line.relayFor(wanted));
    }
    board.switchAll(relays);
    Map<RelayChannel, Optional<Boolean>> states = board.readBackAll(relays.keySet());
    for (Map.Entry<String, ZoneLine> e : new ArrayList<>(pending.entrySet())) {
      ZoneLine line = e.getValue();
      Optional<Boolean> relay = states.getOrDefault(line.channel(), Optional.empty());
      if (relay.isEmpty()) {
        outcome.commanded.add(e.getKey());
        pending.remove(e.getKey());
      } else if (line.lineFor(relay.get()) == wanted) {
        outcome.confirmed.add(e.getKey());
        pending.remove(e.getKey());
      } else {
        reasons.put(e.getKey(), "board " + board.key() + " " + line.channel() + " reads "
            + (relay.get() ? "on" : "off") + " after switching it " + (line.relayFor(wanted) ? "on" : "off"));
      }
    }
  }

  private static String describe(RelayBoard board, ZoneLine line, Exception e) {
    return "board " + board.key() + " " + line.channel() + ": " + e.getMessage();
  }

  /**
   * Every relay on every board released (lines wired inverted held, so they are silent too), zones
   * first, the amplifier last. Keeps going past every failure and never throws: it runs in
   * {@code finally} blocks and shutdown hooks.
   *
   * @return the failures, empty when every line is off
   */
  public synchronized List<String> allOff() {
    List<String> failures = new ArrayList<>();
    try {
      Map<String, ZoneLine> ampLine = new LinkedHashMap<>();
      amplifier.ifPresent(line -> ampLine.put(AMPLIFIER, line));
      for (RelayBoard board : boards.values()) {
        Map<String, ZoneLine> lines = new LinkedHashMap<>();
        Map<Integer, String> byChannel = new HashMap<>();
        zones.values().stream().filter(z -> z.boardKey().equals(board.key()))
            .forEach(z -> byChannel.put(z.channel().number(), z.zoneKey()));
        for (int n = 1; n <= board.channelCount(); n++) {
          RelayChannel channel = new RelayChannel(n);
          if (amplifier.isPresent() && amplifier.get().boardKey().equals(board.key())
              && amplifier.get().channel().equals(channel)) {
            continue;
          }
          String zone = byChannel.get(n);
          lines.put(zone != null ? zone : board.key() + "/" + channel, zone != null ? zones.get(zone)
              : new ZoneLine(board.key() + "/" + channel, board.key(), channel));
        }
        failures.addAll(offSafely(board, lines));
      }
      if (amplifier.isPresent()) {
        failures.addAll(offSafely(boards.get(amplifier.get().boardKey()), ampLine));
      }
    } catch (RuntimeException e) {
      failures.add("all-off stopped by " + e);
      LOG.error("all-off stopped early", e);
    }
    if (!failures.isEmpty()) {
      LOG.warn("all-off incomplete: {}", failures);
    }
    return failures;
  }

  private List<String> offSafely(RelayBoard board, Map<String, ZoneLine> lines) {
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    Outcome outcome = new Outcome();
    try {
      switchOnBoard(board, lines, false, policy.attempts(), outcome);
    } catch (RuntimeException e) {
      lines.keySet().forEach(k -> outcome.failed.put(k, "board " + board.key() + ": " + e.getMessage()));
    }
    Instant now = clock.instant();
    for (String key : lines.keySet()) {
      commanded.put(key, false);
      String why = outcome.failed.get(key);
      if (why == null) {
        on.remove(key);
      } else {
        failures.add(key + ": " + why);
        offPending(key, now);
      }
    }
    return failures;
  }

  /** What each zone's board reports: on, off, or empty where it cannot report or did not answer. */
  public synchronized Map<String, Optional<Boolean>> status() {
    Map<String, Optional<Boolean>> states = new TreeMap<>();
    for (ZoneStatus zone : report()) {
      if (!zone.zoneKey().equals(AMPLIFIER)) {
        states.put(zone.zoneKey(), zone.reported());
      }
    }
    return states;
  }

  /** Every zone and the amplifier: what the board reports, what loaxa commanded, why a board did not answer. */
  public synchronized List<ZoneStatus> report() {
    open();
    List<Map.Entry<String, ZoneLine>> lines = new ArrayList<>(zones.entrySet());
    amplifier.ifPresent(line -> lines.add(Map.entry(AMPLIFIER, line)));
    Map<String, Map<RelayChannel, Optional<Boolean>>> read = new HashMap<>();
    Map<String, String> errors = new HashMap<>();
    for (RelayBoard board : boards.values()) {
      List<RelayChannel> channels = lines.stream().map(Map.Entry::getValue)
          .filter(l -> l.boardKey().equals(board.key())).map(ZoneLine::channel).toList();
      if (channels.isEmpty()) {
        continue;
      }
      try {
        read.put(board.key(), board.readBackAll(channels));
        silentBoards.remove(board.key());
      } catch (DeviceException | RuntimeException e) {
        if (e instanceof BoardSilentException) {
          silentBoards.add(board.key());
        }
        errors.put(board.key(), e.getMessage());
      }
    }
    List<ZoneStatus> report = new ArrayList<>();
    for (Map.Entry<String, ZoneLine> e : lines) {
      ZoneLine line = e.getValue();
      Optional<Boolean> relay = read.getOrDefault(line.boardKey(), Map.of()).getOrDefault(line.channel(), Optional.empty());
      report.add(new ZoneStatus(e.getKey(), line.boardKey(), line.channel(), line.inverted(), relay.map(line::lineFor),
          Optional.ofNullable(commanded.get(e.getKey())), Optional.ofNullable(errors.get(line.boardKey()))));
    }
    return report;
  }

  /** Probes every board (reads only) for the installer. */
  public synchronized List<ProbeReport> probe() {
    open();
    List<ProbeReport> reports = new ArrayList<>();
    for (RelayBoard board : boards.values()) {
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
   * @return what it did, one line each, for the log
   */
  public synchronized List<String> tick() {
    List<String> done = new ArrayList<>();
    if (closed) {
      return done;
    }
    try {
      Instant now = clock.instant();
      switchOffOverdue(now, done);
      reassertHeld(now, done);
      if (lastReassert == null || !now.isBefore(lastReassert.plus(policy.reassertEvery()))) {
        lastReassert = now;
        reassertUnreported(done);
      }
      recoverSilent(done);
    } catch (RuntimeException e) {
      LOG.error("switchboard watchdog round failed", e);
      done.add("watchdog round failed: " + e);
    }
    return done;
  }

  private void switchOffOverdue(Instant now, List<String> done) {
    List<String> overdueZones = on.entrySet().stream()
        .filter(e -> !e.getKey().equals(AMPLIFIER) && !now.isBefore(e.getValue().deadline))
        .map(Map.Entry::getKey).sorted().toList();
    List<String> retrying = overdueZones.stream().filter(k -> on.get(k).offPending).toList();
    List<Map.Entry<String, ZoneLine>> lines = new ArrayList<>();
    for (String key : overdueZones) {
      ZoneLine line = zones.get(key);
      if (line == null) {
        line = unmappedLine(key);
      }
      if (line != null) {
        lines.add(Map.entry(key, line));
      }
    }
    if (!lines.isEmpty()) {
      if (retrying.size() < overdueZones.size()) {
        LOG.warn("lines on past their maximum, switching off: {}", overdueZones.stream()
            .filter(k -> !retrying.contains(k)).toList());
      }
      SwitchResult result = switchLines(lines, false, NO_LIMIT);
      done.add("switched off " + (retrying.isEmpty() ? "past their maximum" : "(again)") + ": " + result.switched()
          + (result.failed().isEmpty() ? "" : "; still failing: " + result.failed()));
    }
    OnLine amp = on.get(AMPLIFIER);
    if (amp != null && amplifier.isPresent() && !now.isBefore(amp.deadline)) {
      if (!amp.offPending) {
        LOG.warn("amplifier on past its maximum, switching off");
      }
      SwitchResult result = switchLines(List.of(Map.entry(AMPLIFIER, amplifier.get())), false, NO_LIMIT);
      done.add(result.failed().isEmpty() ? "amplifier switched off past its maximum"
          : "amplifier still failing to switch off: " + result.failed().get(AMPLIFIER));
    }
  }

  /** A relay all-off could not release that belongs to no zone: named {@code board/CHn}. */
  private ZoneLine unmappedLine(String key) {
    int slash = key.lastIndexOf("/CH");
    if (slash < 0 || !boards.containsKey(key.substring(0, slash))) {
      return null;
    }
    return new ZoneLine(key, key.substring(0, slash), new RelayChannel(Integer.parseInt(key.substring(slash + 3))));
  }

  private void reassertHeld(Instant now, List<String> done) {
    for (Map.Entry<String, OnLine> e : new TreeMap<>(on).entrySet()) {
      ZoneLine line = line(e.getKey());
      if (line == null || !Boolean.TRUE.equals(commanded.get(e.getKey()))) {
        continue;
      }
      RelayBoard board = boards.get(line.boardKey());
      Optional<Duration> hold = board.holdTime();
      if (hold.isPresent() && !now.isBefore(e.getValue().lastAsserted.plus(hold.get().dividedBy(2)))) {
        try {
          board.switchAll(Map.of(line.channel(), line.relayFor(true)));
          e.getValue().lastAsserted = now;
          done.add("re-asserted " + e.getKey() + " on its dead-man board " + board.key());
        } catch (DeviceException ex) {
          done.add("could not re-assert " + e.getKey() + ": " + describe(board, line, ex));
        }
      }
    }
  }

  private void reassertUnreported(List<String> done) {
    for (RelayBoard board : boards.values()) {
      if (board.canReadBack()) {
        continue;
      }
      Map<RelayChannel, Boolean> relays = new LinkedHashMap<>();
      for (Map.Entry<String, Boolean> e : new TreeMap<>(commanded).entrySet()) {
        ZoneLine line = line(e.getKey());
        if (line != null && line.boardKey().equals(board.key())) {
          relays.put(line.channel(), line.relayFor(e.getValue()));
        }
      }
      if (relays.isEmpty()) {
        continue;
      }
      try {
        board.switchAll(relays);
        silentBoards.remove(board.key());
      } catch (DeviceException e) {
        if (e instanceof BoardSilentException) {
          silentBoards.add(board.key());
        }
        done.add("could not re-assert board " + board.key() + ": " + e.getMessage());
      }
    }
  }

  private void recoverSilent(List<String> done) {
    for (String key : new ArrayList<>(silentBoards)) {
      RelayBoard board = boards.get(key);
      if (!board.canReadBack()) {
        continue;
      }
      try {
        board.readBack(new RelayChannel(1));
      } catch (DeviceException e) {
        continue;
      }
      silentBoards.remove(key);
      List<Map.Entry<String, ZoneLine>> toRestore = new ArrayList<>();
      for (Map.Entry<String, Boolean> e : new TreeMap<>(commanded).entrySet()) {
        ZoneLine line = line(e.getKey());
        if (line != null && line.boardKey().equals(key) && e.getValue() && on.containsKey(e.getKey())) {
          toRestore.add(Map.entry(e.getKey(), line));
        }
      }
      if (toRestore.isEmpty()) {
        done.add("board " + key + " answers again");
        continue;
      }
      Outcome outcome = new Outcome();
      Map<String, ZoneLine> lines = new LinkedHashMap<>();
      toRestore.forEach(e -> lines.put(e.getKey(), e.getValue()));
      switchOnBoard(board, lines, true, 1, outcome);
      LOG.info("board {} answers again; lines switched back on: {}", key, outcome.result().switched());
      done.add("board " + key + " answers again; switched back on: " + outcome.result().switched()
          + (outcome.failed.isEmpty() ? "" : "; failed: " + outcome.failed));
    }
  }

  private ZoneLine line(String key) {
    if (key.equals(AMPLIFIER)) {
      return amplifier.orElse(null);
    }
    ZoneLine zone = zones.get(key);
    return zone != null ? zone : unmappedLine(key);
  }

  /**
   * Runs {@link #tick()} on a background thread every {@code period} until {@link #close()}. The
   * decisions still follow the injected clock.
   */
  public synchronized void startWatchdog(Duration period) {
    open();
    if (watchdog != null) {
      return;
    }
    watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "switchboard-watchdog");
      t.setDaemon(true);
      return t;
    });
    watchdog.scheduleWithFixedDelay(() -> {
      List<String> done = tick();
      if (!done.isEmpty()) {
        LOG.info("watchdog: {}", done);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
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
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = watchdog;
      watchdog = null;
      for (RelayBoard board : boards.values()) {
        try {
          board.close();
        } catch (RuntimeException e) {
          LOG.warn("closing board {} failed", board.key(), e);
        }
      }
    }
    if (stopping != null) {
      stopping.shutdownNow();
    }
  }

  /** Switches everything off and closes every board. Idempotent, never throws. */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      stopping = watchdog;
      watchdog = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      allOff();
      closed = true;
      for (RelayBoard board : boards.values()) {
        try {
          board.close();
        } catch (RuntimeException e) {
          LOG.warn("closing board {} failed", board.key(), e);
        }
      }
    }
  }
}
