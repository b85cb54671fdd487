package io.loaxa.scheduler.station;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.scheduler.ServiceSupervisor;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.planning.ClockTrust;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.scheduler.systemd.SystemdNotify;
import io.loaxa.scheduler.systemd.TimedatectlSync;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.scheduler.web.ApiServer;
import io.loaxa.schedules.PlannedAiring;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station as {@code loaxa run} keeps it on air: the station's object graph with Quartz firing
 * its airings, the clock judged against time sync, the loopback control API for the command line,
 * and systemd told when it is ready and that it is alive.
 */
public final class StationDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StationDaemon.class);

  private final Station station;
  private final Daemon daemon;
  private final ServiceSupervisor supervisor;
  private final ScheduledExecutorService watchdog;
  private Optional<ApiServer> control = Optional.empty();
  private boolean closed;

  private StationDaemon(Station station, Daemon daemon, ServiceSupervisor supervisor) {
    this.station = station;
    this.daemon = daemon;
    this.supervisor = supervisor;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The daemon for this config and data folder, built but not started; every relay is already off.
   *
   * @throws UserError when a daemon already runs on this data folder
   */
  public static StationDaemon assemble(StationConfig config, Path dataDir) throws Exception {
    var running = ControlFile.running(dataDir);
    if (running.isPresent()) {
      throw new UserError("a loaxa daemon already runs on " + dataDir + " (pid " + running.get().pid() + ")");
    }
    Station station = Station.assemble(config, dataDir);
    Daemon daemon = station.daemon(new QuartzAiringTriggers(station.runner(), config.name()),
        new ClockTrust(station.log()::latest, new TimedatectlSync(), false));
    return new StationDaemon(station, daemon,
        SystemdNotify.fromEnvironment(System.getenv()).orElse(ServiceSupervisor.NONE));
  }

  /** Seeds the demo, plans, starts the triggers and the HTTP API, and starts the watchdog pings. */
  public synchronized void start() throws IOException {
    StationConfig config = station.config();
    LOG.info("starting {} with data in {}", config.name(), station.dataDir());
    checkSound(station.sound());
    if (config.builtInDemo()) {
      DemoStation.seed(station);
    }
    daemon.planFrom(station.planner());
    daemon.start();
    ManualAiring manual = station.manualAiring();
    control = Optional.of(ApiServer.start(new ApiServer.Station(config.name(), config.timeZone(), station.dataDir(), manual,
        station.runner(), station.zoneControl(), station.switchboard(), daemon, station.accounts(), station.clock()),
        config.web()));
    boolean[] unhealthy = {false};
    SystemdNotify.watchdogInterval(System.getenv()).ifPresent(every -> watchdog.scheduleAtFixedRate(() -> {
      if (daemon.healthy()) {
        if (unhealthy[0]) {
          unhealthy[0] = false;
          LOG.info("the scheduler is healthy again; watchdog pings resume");
        }
        supervisor.alive();
      } else if (!unhealthy[0]) {
        unhealthy[0] = true;
        LOG.error("the scheduler is not healthy; withholding the watchdog ping so systemd restarts the station");
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Tells the service manager the station is on air. */
  public void ready() {
    supervisor.ready("on air: " + station.config().name());
  }

  /** The next planned airings, soonest first. */
  public List<PlannedAiring> upcoming(int count) {
    return daemon.upcoming(count);
  }

  private static void checkSound(SoundOutput sound) {
    try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
      LOG.info("sound output '{}' is usable", sound.name());
    } catch (AudioException e) {
      LOG.error("{} — airings will be logged FAILED until a sound device is present", e.getMessage());
    }
  }

  /** Stops the HTTP API, the triggers and what is on air, then every relay off and the station closed. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("stopping");
    supervisor.stopping();
    watchdog.shutdownNow();
    control.ifPresent(ApiServer::close);
    daemon.close();
    station.close();
  }
}
