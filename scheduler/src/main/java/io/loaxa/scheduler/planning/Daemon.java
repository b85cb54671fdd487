package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.AiringTriggers;
import io.loaxa.scheduler.TimeSync;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.Programmes;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.airing.ContentRenderer;
import io.loaxa.devices.LineFailure;
import io.loaxa.devices.Switchboard;

import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Programme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running station: safe state at start, the log's loose ends closed, airings missed while down
 * handled by their late tolerance, and every planned airing in the horizon handed to the triggers.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  /** How far ahead planned airings are handed to Quartz; refreshed every {@link #REFRESH}. */
  public static final Duration HORIZON = Duration.ofHours(48);
  /** How often the daemon re-plans its horizon and, while it waits for a trustworthy clock, checks it again. */
  public static final Duration TICK = Duration.ofSeconds(30);
  /** A disagreement this large between the wall clock and the monotonic clock over one tick is a jump. */
  static final Duration JUMP = Duration.ofSeconds(5);
  /** How often the switchboard checks lines past their maximum, dead-man holds and boards coming back. */
  public static final Duration WATCHDOG = Duration.ofSeconds(1);

  private final java.time.Clock clock;
  private final PlannedAirings planned;
  private final Programmes programmes;
  private final AiringLog log;
  private final Switchboard switchboard;
  private final AiringRunner runner;
  private final ContentRenderer renderer;
  private final AiringTriggers triggers;
  private final ClockTrust trust;
  /** How often the stored schedule is expanded into planned airings, while the clock is trusted. */
  public static final Duration PLAN_EVERY = Duration.ofMinutes(10);
  private Optional<SchedulePlanner> planner = Optional.empty();
  private long lastPlannedNanos;
  /** Airings this close are rendered ahead (speech into the cache, files decoded) so a failure shows before air. */
  public static final Duration RENDER_AHEAD = Duration.ofMinutes(30);
  private final java.util.Set<String> renderedAhead = new java.util.HashSet<>();
  private volatile boolean onAir;
  private Optional<String> distrust = Optional.empty();
  private Instant lastTickWall;
  private long lastTickNanos;
  private boolean stopped;
  private java.util.function.LongSupplier monotonic = System::nanoTime;

  public Daemon(java.time.Clock clock, PlannedAirings planned, Programmes programmes, AiringLog log,
      Switchboard switchboard, AiringRunner runner, ContentRenderer renderer, AiringTriggers triggers, ClockTrust trust) {
    this.clock = clock;
    this.planned = planned;
    this.programmes = programmes;
    this.log = log;
    this.switchboard = switchboard;
    this.runner = runner;
    this.renderer = renderer;
    this.triggers = triggers;
    this.trust = trust;
  }

  /**
   * The monotonic clock jumps are judged against (nanoseconds); a station clock moved by a test
   * passes one that moves with it.
   */
  public Daemon monotonic(java.util.function.LongSupplier nanos) {
    this.monotonic = nanos;
    return this;
  }

  /** Brings the station on air; returns once triggers are running. */
  public void start() {
    List<LineFailure> failures = switchboard.allOff();
    if (!failures.isEmpty()) {
      LOG.error("relays not confirmed off at start: {}", failures);
    }
    switchboard.startWatchdog(WATCHDOG);
    int interrupted = log.closeInterrupted(clock.instant());
    if (interrupted > 0) {
      LOG.warn("{} airing run(s) were cut off by the last stop; logged INTERRUPTED", interrupted);
    }
    markTick();
    tryGoingOnAir();
    triggers.start(this::tick, TICK);
  }

  /**
   * Expands the stored schedule into planned airings at start and every {@link #PLAN_EVERY}, but
   * only on a trusted clock: a Pi booted at 1970 must not plan a week of 1970.
   */
  public synchronized Daemon planFrom(SchedulePlanner schedule) {
    this.planner = Optional.of(schedule);
    return this;
  }

  /** Why the clock is not trusted now (airings held), empty while it is. */
  public synchronized Optional<String> clockDoubt() {
    return distrust;
  }

  /** True once the clock is trusted and planned airings are handed to the triggers. */
  public boolean onAir() {
    return onAir;
  }

  /** The periodic check: waits for a trustworthy clock, notices jumps, re-plans the horizon. */
  public synchronized void tick() {
    if (stopped) {
      return;
    }
    Instant wall = clock.instant();
    long nanos = monotonic.getAsLong();
    Duration drift = Duration.between(lastTickWall, wall).minusNanos(nanos - lastTickNanos);
    markTick();
    if (!onAir) {
      tryGoingOnAir();
      return;
    }
    if (drift.abs().compareTo(JUMP) > 0) {
      LOG.warn("the clock jumped {} by {} s; re-planning", drift.isNegative() ? "back" : "forward", drift.abs().toSeconds());
      Optional<String> doubt = trust.distrust(wall);
      if (doubt.isPresent()) {
        onAir = false;
        distrust = doubt;
        triggers.hold();
        LOG.error("holding every airing: {}", doubt.get());
        return;
      }
    }
    refresh();
  }

  private void markTick() {
    lastTickWall = clock.instant();
    lastTickNanos = monotonic.getAsLong();
  }

  private void tryGoingOnAir() {
    Optional<String> doubt = trust.distrust(clock.instant());
    if (doubt.isPresent()) {
      if (!doubt.equals(distrust)) {
        LOG.error("not firing airings yet: {}", doubt.get());
      }
      distrust = doubt;
      return;
    }
    if (distrust.isPresent()) {
      LOG.info("the clock is trusted now ({}); going on air", clock.instant());
    }
    distrust = Optional.empty();
    triggers.release();
    onAir = true;
    refresh();
  }

  /**
   * Planned airings whose time passed while the station was down: the runner airs them late when
   * within their programme's late tolerance and logs them MISSED otherwise.
   */
  private void catchUp(Instant now) {
    // at most one catch-up per programme (its latest due airing), oldest first: never a burst
    java.util.Map<io.loaxa.schedules.ProgrammeKey, PlannedAiring> latestDue = new java.util.LinkedHashMap<>();
    java.util.Set<PlannedAiring> withinTolerance = new java.util.HashSet<>();
    List<PlannedAiring> overdue = planned.withoutRunBefore(now);
    for (PlannedAiring airing : overdue) {
      Duration tolerance = programmes.find(airing.programme()).map(Programme::lateTolerance).orElse(Duration.ZERO);
      if (!airing.startsAt().plus(tolerance).isBefore(now)) {
        latestDue.put(airing.programme(), airing);
        withinTolerance.add(airing);
      }
    }
    for (PlannedAiring airing : overdue) {
      try {
        if (!withinTolerance.contains(airing)) {
          runner.run(airing.key(), now, Trigger.CATCH_UP); // logged MISSED by the runner's rule
        } else if (latestDue.get(airing.programme()) == airing) {
          LOG.info("{} was due at {} while the station was down; airing it late", airing.key(), airing.startsAt());
          triggers.plan(airing.key(), now, Trigger.CATCH_UP);
        } else {
          runner.skip(airing.key(), "superseded by a later airing of the same programme due while the station was down");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Settles every planned airing whose time has passed without a run (late within tolerance, else
   * logged) and hands every one in the horizon to the triggers. Idempotent. Both halves use the
   * same instant, so no airing falls between "overdue" and "ahead".
   */
  public synchronized void refresh() {
    if (!onAir) {
      return;
    }
    planFromSchedule();
    Instant now = clock.instant();
    catchUp(now);
    renderAhead(now);
    for (PlannedAiring airing : planned.between(now, now.plus(HORIZON))) {
      if (!log.hasRun(airing.key())) {
        triggers.plan(airing.key(), airing.startsAt().minus(runner.preRoll()), Trigger.SCHEDULED);
      }
    }
  }

  /**
   * After the schedule was replaced or edited: plans from it at once, drops every trigger whose
   * airing is no longer planned (a deleted rule, a moved time), and hands the horizon to the
   * triggers, so what fires is exactly what a fresh plan of the new schedule would fire.
   */
  public synchronized void replan() {
    if (stopped) {
      return;
    }
    lastPlannedNanos = 0;
    for (String key : triggers.pending()) {
      io.loaxa.schedules.PlannedAiringKey k = new io.loaxa.schedules.PlannedAiringKey(key);
      if (planned.find(k).isEmpty()) {
        triggers.cancel(k);
        LOG.info("{} is no longer in the schedule; its trigger is dropped", key);
      }
    }
    refresh();
  }

  private void renderAhead(Instant now) {
    for (PlannedAiring airing : planned.between(now, now.plus(RENDER_AHEAD))) {
      if (!renderedAhead.add(airing.key().value()) || log.hasRun(airing.key())) {
        continue;
      }
      Optional<Programme> programme = programmes.find(airing.programme());
      if (programme.isEmpty()) {
        LOG.warn("{} at {}: programme {} is not in the schedule; it will be logged FAILED", airing.key(),
            airing.startsAt(), airing.programme());
        continue;
      }
      try {
        renderer.render(airing.topic().map(programme.get()::withTopic).orElse(programme.get()));
      } catch (io.loaxa.audio.AudioException | RuntimeException e) {
        LOG.warn("{} at {} cannot be prepared: {} — fix it before air time or it will be logged FAILED",
            airing.key(), airing.startsAt(), e.getMessage());
      }
    }
    if (renderedAhead.size() > 10_000) {
      renderedAhead.clear(); // a long-running station: forget old keys; re-rendering hits the cache
    }
  }

  private void planFromSchedule() {
    if (planner.isEmpty() || (lastPlannedNanos != 0 && monotonic.getAsLong() - lastPlannedNanos < PLAN_EVERY.toNanos())) {
      return;
    }
    lastPlannedNanos = monotonic.getAsLong();
    try {
      int added = planner.get().planAhead();
      if (added > 0) {
        LOG.info("planned {} airing(s) from the schedule for the next {} days", added, SchedulePlanner.DAYS_AHEAD);
      }
    } catch (RuntimeException e) {
      LOG.error("planning from the schedule failed; the airings already planned still air: {}", e.getMessage(), e);
    }
  }

  /** True while airings can fire: the service manager's watchdog is fed only then. */
  public boolean healthy() {
    return !stopped && triggers.healthy();
  }

  /** What is planned next, for the operator. */
  public List<PlannedAiring> upcoming(int count) {
    Instant now = clock.instant();
    return planned.between(now, now.plus(HORIZON)).stream().limit(count).toList();
  }

  /** Stops what is on air, stops the triggers, and leaves every relay off. Idempotent. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    runner.close("the station is stopping");
    triggers.stop(Duration.ofSeconds(5));
    List<LineFailure> failures = switchboard.allOff();
    if (failures.isEmpty()) {
      LOG.info("stopped; all relays off");
    } else {
      LOG.error("stopped; relays not confirmed off: {}", failures);
    }
  }
}
