package io.loaxa.scheduler.web;

import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.Pause;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.station.StationRoutes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four-hamlet test station on the wall clock, its API on a fixed loopback port with the web UI's
 * route groups wired as the daemon wires them: a real SQLite file, the simulated board, and a
 * simulated sound output that plays in real time (so an announcement lasts as long as it speaks).
 */
final class WebUiStation implements AutoCloseable {
  static final String PASSWORD = "mat-khau-dai-1";

  final Clock clock = Clock.systemUTC();
  final Path data;
  final Station station;
  final Daemon daemon;
  final int port;
  private ApiServer api;
  private EventRoutes events;
  private EmergencyRoutes emergency;
  private StationRoutes stationRoutes;
  private boolean ownsData;
  /** The hub's commands once a test links the station to a hub; the held bulletins' routes read it. */
  final java.util.concurrent.atomic.AtomicReference<io.loaxa.scheduler.uplink.HubCommands> hubCommands =
      new java.util.concurrent.atomic.AtomicReference<>();

  WebUiStation(Path data, String... accounts) throws Exception {
    this(data, false, accounts);
  }

  /** @param approval {@code approval: on}: an operator's content waits for an approver */
  WebUiStation(Path data, boolean approval, String... accounts) throws Exception {
    this(data, approval ? Optional.of(TestStations.config(Duration.ZERO).withApproval(true)) : Optional.empty(), accounts);
  }

  /** The test station as {@code config} describes it (its alert channels, say). */
  WebUiStation(Path data, StationConfig config, String... accounts) throws Exception {
    this(data, Optional.of(config), accounts);
  }

  private WebUiStation(Path data, Optional<StationConfig> config, String... accounts) throws Exception {
    this.data = data;
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, WebUiStation::sleep);
    station = config.isPresent()
        ? Station.assemble(config.get(), data, clock, Pause.sleeping(), sound)
        : TestStations.station(data, clock, Pause.sleeping(), sound, Duration.ZERO);
    for (String a : accounts) {
      station.accounts().add(a, Role.parse(a), PASSWORD, "test", "localhost");
    }
    daemon = station.daemon(new RecordingAiringTriggers());
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    start();
  }

  /**
   * A station of its own for one browser test: a fresh data folder (deleted again on {@link #close}),
   * an account per role named after it ({@code "admin"}, {@code "operator"}, …), and the browser on a
   * clean slate at its login page.
   */
  static WebUiStation forBrowser(Chromium chrome, String folderPrefix, String... accounts) throws Exception {
    Path data = Files.createTempDirectory(folderPrefix);
    WebUiStation station;
    try {
      station = new WebUiStation(data, accounts);
    } catch (Exception | Error e) {
      Chromium.delete(data);
      throw e;
    }
    station.ownsData = true;
    chrome.loggedOut(station.base());
    return station;
  }

  /** A client of this station's API, logging in with the test password. */
  ApiClient client() {
    return new ApiClient(() -> port);
  }

  /** Starts (or starts again after {@link #stopServer}) the API on the same port. */
  void start() throws Exception {
    StationConfig config = station.config();
    Map<String, String> names = new LinkedHashMap<>();
    config.zones().forEach(z -> names.put(z.key().value(), z.name()));
    events = EventRoutes.of(new OnAirSnapshot.Parts(config.name(), config.timeZone(), clock, names,
        station.switchboard(), station.runner(), station.log(), station.planned(), station.programmes(), daemon,
        () -> Map.of("sound", Optional.empty(), "speech", Optional.empty()), station.incidents()::open,
        station.sound().meter()));
    emergency = new EmergencyRoutes(new EmergencyRoutes.Parts(config.timeZone(), names,
        Map.of("bo-song", List.of("ap-1", "ap-3")), data.resolve(config.contentDir()), station.manualAiring(),
        station.runner(), daemon));
    ContentRoutes content = new ContentRoutes(data.resolve(config.contentDir()), station.contentLibrary(),
        new JavaSoundDecoder(), station.planner(), config.approval(), ContentRoutes.DEFAULT_MAX_UPLOAD, clock);
    stationRoutes = StationRoutes.open(station);
    ScheduleRoutes schedule = new ScheduleRoutes(station.schedule(), station.planner(), daemon, config, data, clock,
        station.contentApproval());
    Map<String, List<String>> zoneGroups = new LinkedHashMap<>();
    station.planner().facts().zoneGroups().forEach((k, v) -> zoneGroups.put(k, v.stream().map(z -> z.value()).toList()));
    StationViewRoutes view = new StationViewRoutes(new StationViewRoutes.Parts(config, zoneGroups, station.switchboard(),
        () -> Map.of("sound", Optional.empty(), "speech", Optional.empty())));
    List<RouteGroup> groups = new java.util.ArrayList<>(List.of(new PagesRoutes(), events, emergency, content, schedule,
        view, StationRoutes.alerts(station),
        StationRoutes.hubBulletins(() -> Optional.ofNullable(hubCommands.get()), config.timeZone())));
    groups.addAll(stationRoutes.groups());
    api = ApiServer.start(new ApiServer.Station(config.name(), config.timeZone(), data, station.manualAiring(),
        station.runner(), station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock),
        new WebConfig("127.0.0.1", port, Optional.empty()), groups);
  }

  /** The daemon's web side goes away: the API and its event streams stop. */
  void stopServer() {
    // the streams first: a stream closed after its server stopped has no response left to finish
    events.close();
    emergency.close();
    api.close();
    stationRoutes.close();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  ApiServer api() {
    return api;
  }

  EventRoutes events() {
    return events;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      stopServer();
      daemon.close();
      station.close();
    } finally {
      if (ownsData) {
        Chromium.delete(data);
      }
    }
  }
}
