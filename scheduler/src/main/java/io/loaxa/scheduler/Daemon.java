package io.loaxa.scheduler;

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
  public static final Duration REFRESH = Duration.ofMinutes(10);
  /** How often the switchboard checks lines past their maximum, dead-man holds and boards coming back. */
  public static final Duration WATCHDOG = Duration.ofSeconds(1);

  private final Station station;
  private final AiringTriggers triggers;
  private boolean stopped;

  public Daemon(Station station, AiringTriggers triggers) {
    this.station = station;
    this.triggers = triggers;
  }

  /** Brings the station on air; returns once triggers are running. */
  public void start() {
    List<String> failures = station.switchboard().allOff();
    if (failures.isEmpty()) {
      LOG.info("all relays off");
    } else {
      LOG.error("relays not confirmed off at start: {}", failures);
    }
    station.switchboard().startWatchdog(WATCHDOG);
    int interrupted = station.log().closeInterrupted(station.clock().instant());
    if (interrupted > 0) {
      LOG.warn("{} airing run(s) were cut off by the last stop; logged INTERRUPTED", interrupted);
    }
    catchUp();
    refresh();
    triggers.start(this::refresh, REFRESH);
  }

  /**
   * Planned airings whose time passed while the station was down: the runner airs them late when
   * within their programme's late tolerance and logs them MISSED otherwise.
   */
  private void catchUp() {
    Instant now = station.clock().instant();
    for (PlannedAiring airing : station.planned().withoutRunBefore(now)) {
      Optional<Programme> programme = station.programmes().find(airing.programme());
      Duration tolerance = programme.map(Programme::lateTolerance).orElse(Duration.ZERO);
      if (!airing.startsAt().plus(tolerance).isBefore(now)) {
        LOG.info("{} was due at {} while the station was down; airing it late", airing.key(), airing.startsAt());
        triggers.plan(airing.key(), now, Trigger.CATCH_UP);
      } else {
        try {
          station.runner().run(airing.key(), now, Trigger.CATCH_UP);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Hands every planned airing in the horizon to the triggers (idempotent). */
  public void refresh() {
    Instant now = station.clock().instant();
    for (PlannedAiring airing : station.planned().between(now, now.plus(HORIZON))) {
      if (!station.log().hasRun(airing.key().value())) {
        triggers.plan(airing.key(), airing.startsAt().minus(station.runner().preRoll()), Trigger.SCHEDULED);
      }
    }
  }

  /** True while airings can fire: the service manager's watchdog is fed only then. */
  public boolean healthy() {
    return !stopped && triggers.healthy();
  }

  /** What is planned next, for the operator. */
  public List<PlannedAiring> upcoming(int count) {
    Instant now = station.clock().instant();
    return station.planned().between(now, now.plus(HORIZON)).stream().limit(count).toList();
  }

  /** Stops what is on air, stops the triggers, and leaves every relay off. Idempotent. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    station.runner().stopCurrent("the station is stopping");
    triggers.stop(Duration.ofSeconds(5));
    List<String> failures = station.switchboard().allOff();
    if (failures.isEmpty()) {
      LOG.info("stopped; all relays off");
    } else {
      LOG.error("stopped; relays not confirmed off: {}", failures);
    }
  }
}
