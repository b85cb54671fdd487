package io.loaxa.scheduler.station;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.scheduler.ServiceSupervisor;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.planning.ClockTrust;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.scheduler.supervision.Detectors;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.systemd.SystemdNotify;
import io.loaxa.scheduler.systemd.TimedatectlSync;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.scheduler.web.ApiServer;
import io.loaxa.scheduler.web.EmergencyRoutes;
import io.loaxa.scheduler.web.EventRoutes;
import io.loaxa.scheduler.web.OnAirSnapshot;
import io.loaxa.scheduler.web.PagesRoutes;
import io.loaxa.scheduler.web.RouteGroup;
import io.loaxa.scheduler.web.ScheduleRoutes;
import io.loaxa.scheduler.web.RefreshedHealth;
import io.loaxa.scheduler.web.StationViewRoutes;
import io.loaxa.scheduler.web.ContentRoutes;
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
  private final ScheduledExecutorService supervision;
  private Optional<ApiServer> control = Optional.empty();
  private Optional<StationRoutes> routes = Optional.empty();
  private final List<AutoCloseable> pageFeeds = new java.util.ArrayList<>();
  private Optional<String> soundProblem = Optional.empty();
  private Optional<HubUplink> hub = Optional.empty();
  private java.time.Instant startedAt = java.time.Instant.MIN;
  /** How often the pages' device health is asked again. */
  private static final java.time.Duration HEALTH_EVERY = java.time.Duration.ofSeconds(15);
  /** By when the supervision loop has looked at the sound card once (its check runs every 30 s). */
  private static final java.time.Duration SOUND_FIRST_LOOK = java.time.Duration.ofSeconds(45);
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
    // its own thread: an SMS may take the network 30 s, the watchdog must not wait for it
    this.supervision = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "supervision");
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
    soundProblem = checkSound(station.sound());
    startedAt = station.clock().instant();
    if (config.builtInDemo()) {
      DemoStation.seed(station);
    }
    daemon.planFrom(station.planner());
    daemon.start();
    startSupervision();
    startHub();
    ManualAiring manual = station.manualAiring();
    control = Optional.of(ApiServer.start(new ApiServer.Station(config.name(), config.timeZone(), station.dataDir(), manual,
        station.runner(), station.zoneControl(), station.switchboard(), daemon, station.accounts(), station.clock()),
        config.web(), this::routeGroups));
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

  /**
   * The API's routes beyond the built-in ones (status, zones, air, users, audit): one group per area.
   * Asked by the API on its first connection, from its own thread, so an idle station builds none.
   */
  private synchronized List<RouteGroup> routeGroups() {
    if (closed) {
      throw new IllegalStateException("the station is stopping");
    }
    List<RouteGroup> groups = new java.util.ArrayList<>();
    routes = Optional.of(StationRoutes.open(station));
    groups.addAll(routes.get().groups());
    StationConfig config = station.config();
    ContentRoutes content = new ContentRoutes(station.dataDir().resolve(config.contentDir()), station.contentLibrary(),
        new JavaSoundDecoder(), station.planner(), config.approval(), config.maxUploadBytes(), station.clock());
    groups.add(new ScheduleRoutes(station.schedule(), station.planner(), daemon, config, station.dataDir(), station.clock(),
        station.contentApproval()));
    groups.add(content);
    java.util.Map<String, String> zoneNames = new java.util.LinkedHashMap<>();
    config.zones().forEach(z -> zoneNames.put(z.key().value(), z.name()));
    RefreshedHealth health = new RefreshedHealth(station.clock(), HEALTH_EVERY, this::deviceHealth);
    EventRoutes events = EventRoutes.of(new OnAirSnapshot.Parts(config.name(), config.timeZone(), station.clock(),
        zoneNames, station.switchboard(), station.runner(), station.log(), station.planned(), station.programmes(),
        daemon, health, station.incidents()::open, station.sound().meter()));
    java.util.Map<String, List<String>> zoneGroups = new java.util.LinkedHashMap<>();
    station.planner().facts().zoneGroups().forEach((k, v) -> zoneGroups.put(k, v.stream().map(z -> z.value()).toList()));
    EmergencyRoutes emergency = new EmergencyRoutes(new EmergencyRoutes.Parts(config.timeZone(), zoneNames, zoneGroups,
        station.dataDir().resolve(config.contentDir()), station.manualAiring(), station.runner(), daemon,
        EmergencyRoutes.Approval.of(config.approval(), config.emergencyBypass()), station.clock()));
    pageFeeds.add(events);
    pageFeeds.add(emergency);
    groups.add(new StationViewRoutes(new StationViewRoutes.Parts(config, zoneGroups, station.switchboard(), health)));
    groups.add(new PagesRoutes());
    groups.add(StationRoutes.alerts(station));
    groups.add(StationRoutes.hubBulletins(() -> hub.map(HubUplink::commands), config.timeZone()));
    groups.add(events);
    groups.add(emergency);
    return groups;
  }

  /**
   * With a {@code hub:} block: the link to the province hub, its outbox publisher and command intake,
   * and a health snapshot looked at every 5 s (sent at start, every 5 minutes and on change).
   */
  private void startHub() throws IOException {
    if (station.config().hub().isEmpty()) {
      return;
    }
    String version = Optional.ofNullable(StationDaemon.class.getPackage().getImplementationVersion()).orElse("dev");
    HubUplink uplink = HubUplink.assemble(station, station.config().hub().get(), daemon, () -> soundProblem, version);
    hub = Optional.of(uplink);
    uplink.start();
    LOG.info("linked to the province hub at {} as {}", station.config().hub().get().broker(),
        station.config().hub().get().stationId());
    supervision.scheduleWithFixedDelay(() -> {
      try {
        uplink.tick();
      } catch (RuntimeException e) {
        LOG.error("the hub health snapshot failed; trying again in 5 s", e);
      }
    }, 5, 5, TimeUnit.SECONDS);
  }

  /** The link to the province hub, when the config has a {@code hub:} block and the daemon started. */
  public Optional<HubUplink> hub() {
    return hub;
  }

  /** The on-air monitor listening, and the loop that runs the detectors and sends the alerts once a second. */
  private void startSupervision() {
    station.incidents().stationStarted(station.clock().instant());
    station.monitor().ifPresent(monitor -> {
      try {
        monitor.start();
      } catch (AudioException e) {
        LOG.error("the on-air monitor cannot listen: {}", e.getMessage());
        station.incidents().observed(IncidentKind.SOUND_CARD_MISSING, "monitor:" + monitor.config().input(),
            station.clock().instant(), e.getMessage());
      }
    });
    Detectors detectors = station.detectors(daemon);
    var selfTest = station.selfTest();
    supervision.scheduleWithFixedDelay(() -> {
      try {
        detectors.check(station.clock().instant());
        station.incidents().tick(station.clock().instant());
        if (selfTest.isPresent()) {
          selfTest.get().runIfDue(station.clock().instant(), station.config().timeZone(),
              station.config().monitor().orElseThrow().selfTestAt().orElseThrow(), () -> idleForSelfTest());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("supervision check failed; trying again in a second", e);
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  /** Nothing on air and no airing planned within the next five minutes. */
  private boolean idleForSelfTest() {
    java.time.Instant soon = station.clock().instant().plus(java.time.Duration.ofMinutes(5));
    return station.runner().onAirNow().isEmpty()
        && daemon.upcoming(1).stream().noneMatch(a -> a.startsAt().isBefore(soon));
  }

  /** The sound card and the speech engine as the station found them at start, for the "on air now" page. */
  /**
   * The sound card's and the speech engine's problems now. The sound card is checked by opening it
   * at start and then by the supervision loop while nothing airs (an open incident); the start
   * check stands until that loop has had its first look.
   */
  private java.util.Map<String, Optional<String>> deviceHealth() {
    java.util.Map<String, Optional<String>> health = new java.util.LinkedHashMap<>();
    Optional<String> missing = station.incidents().open().stream()
        .filter(i -> i.kind() == IncidentKind.SOUND_CARD_MISSING && i.end().isEmpty()
            && !i.subject().startsWith("monitor:"))
        .map(i -> i.detail()).findFirst();
    boolean supervised = station.clock().instant().isAfter(startedAt.plus(SOUND_FIRST_LOOK));
    health.put("sound", missing.isPresent() ? missing : supervised ? Optional.empty() : soundProblem);
    io.loaxa.audio.SpeechEngineStatus speech = station.speech().engine().status();
    health.put("speech", speech.usable() ? Optional.empty() : Optional.of(speech.engine() + ": " + speech.detail()));
    return health;
  }

  /** Tells the service manager the station is on air. */
  public void ready() {
    supervisor.ready("on air: " + station.config().name());
  }

  /** The next planned airings, soonest first. */
  public List<PlannedAiring> upcoming(int count) {
    return daemon.upcoming(count);
  }

  private static Optional<String> checkSound(SoundOutput sound) {
    try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
      LOG.info("sound output '{}' is usable", sound.name());
      return Optional.empty();
    } catch (AudioException e) {
      LOG.error("{} — airings will be logged FAILED until a sound device is present", e.getMessage());
      return Optional.of(e.getMessage());
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
    supervision.shutdownNow();
    // the pages' event streams end before the server that carries them
    for (AutoCloseable feed : pageFeeds) {
      try {
        feed.close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", feed.getClass().getSimpleName(), e.getMessage());
      }
    }
    control.ifPresent(ApiServer::close);
    routes.ifPresent(StationRoutes::close);
    hub.ifPresent(HubUplink::close);
    daemon.close();
    station.close();
  }
}
