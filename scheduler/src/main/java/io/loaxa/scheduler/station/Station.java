package io.loaxa.scheduler.station;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.devices.Pause;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.Programmes;
import io.loaxa.scheduler.ScheduleStore;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.airing.ContentRenderer;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.AiringTriggers;
import io.loaxa.scheduler.StationControl;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.scheduler.web.DaemonControl;
import io.loaxa.scheduler.TimeSync;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.planning.ClockTrust;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.planning.SchedulePlanner;

import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.javasound.JavaSoundLineIn;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.audio.stream.HttpRebroadcast;
import io.loaxa.audio.stream.HttpRebroadcasts;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.LineEvents;
import io.loaxa.devices.LineFailure;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayBoards;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.RelayWire;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneLine;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.crypto.Argon2Hasher;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAccounts;
import io.loaxa.scheduler.sqlite.SqliteContentLibrary;
import io.loaxa.scheduler.ContentApproval;
import io.loaxa.scheduler.approval.ContentApprovals;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqliteHubCommands;
import io.loaxa.scheduler.sqlite.SqliteOutbox;
import io.loaxa.scheduler.sqlite.SqlitePlannedAirings;
import io.loaxa.scheduler.sqlite.SqliteProgrammes;
import io.loaxa.scheduler.sqlite.SqliteSchedule;
import io.loaxa.scheduler.sqlite.SqliteAlertSettings;
import io.loaxa.scheduler.sqlite.SqliteIncidentLog;
import io.loaxa.scheduler.supervision.AlertDispatcher;
import io.loaxa.scheduler.supervision.AlertSettings;
import io.loaxa.scheduler.supervision.IncidentLog;
import io.loaxa.scheduler.supervision.IncidentTracker;
import io.loaxa.scheduler.supervision.Detectors;
import io.loaxa.scheduler.supervision.StationChecks;
import io.loaxa.scheduler.supervision.monitor.MorningSelfTest;
import io.loaxa.scheduler.supervision.monitor.StationMonitor;
import io.loaxa.audio.javasound.JavaSoundMonitorInput;
import io.loaxa.audio.monitor.PlayedLevel;
import io.loaxa.audio.MonitorInput;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds one station's object graph by hand from its config. Reading
 * {@link #assemble} shows the whole wiring.
 */
public final class Station implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Station.class);
  /** Where the on-air monitor keeps each incident's last seconds, inside the data folder. */
  public static final String EVIDENCE_DIR = "evidence";
  private final StationConfig config;
  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final SqlitePlannedAirings planned;
  private final SqliteProgrammes programmes;
  private final SqliteSchedule schedule;
  private final SqliteAiringLog log;
  private final Switchboard switchboard;
  private final SoundOutput sound;
  private final SoundOutput deviceSound;
  private final ContentRenderer renderer;
  private final AiringRunner runner;
  private final StationSpeech speech;
  private final AccountService accounts;
  private final IncidentLog incidentLog;
  private final IncidentTracker incidents;
  private final AlertSettings alertSettings;
  private final Optional<StationMonitor> monitor;
  private final Pause pause;
  private final SqliteContentLibrary content;
  private final ContentApproval approval;
  private final SqliteOutbox outbox;
  private final SqliteHubCommands hubCommands;
  private boolean closed;

  private Station(StationConfig config, Path dataDir, Clock clock, Pause pause, SoundOutput sound,
      Database database, Switchboard switchboard, StationSpeech speech, Optional<MonitorInput> monitorInput) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.planned = new SqlitePlannedAirings(database, clock);
    this.programmes = new SqliteProgrammes(database, clock);
    this.schedule = new SqliteSchedule(database, programmes, planned);
    this.log = new SqliteAiringLog(database, clock);
    if (config.hub().isPresent()) {
      // before anything can end a run: every ended run then has its outbox row
      log.feedOutbox();
    }
    this.outbox = new SqliteOutbox(database, clock);
    this.hubCommands = new SqliteHubCommands(database, clock);
    this.switchboard = switchboard;
    this.incidentLog = new SqliteIncidentLog(database, clock);
    this.incidents = new IncidentTracker(incidentLog, StationAlerts.dispatcher(config, clock, pause, incidentLog));
    this.alertSettings = new AlertSettings(StationAlerts.defaults(config.alerts()), new SqliteAlertSettings(database),
        incidents.alerts(), clock);
    // the monitor compares what the lines carry with what the runner plays: tap the sound output
    PlayedLevel played = new PlayedLevel();
    this.deviceSound = sound;
    this.pause = pause;
    this.sound = config.monitor().isPresent() ? played.tap(sound) : sound;
    this.monitor = config.monitor().map(m -> new StationMonitor(
        monitorInput.orElseGet(() -> new JavaSoundMonitorInput(m.input())), m, played, clock,
        config.timeZone(), dataDir.resolve(EVIDENCE_DIR), switchboard, incidents));
    JavaSoundDecoder decoder = new JavaSoundDecoder();
    this.renderer = new ContentRenderer(dataDir.resolve(config.contentDir()), PcmFormat.STATION, decoder,
        new HttpRebroadcasts(decoder, PcmFormat.STATION, HttpRebroadcast.Settings.DEFAULT),
        new JavaSoundLineIn(JavaSoundLineIn.DEFAULT),
        text -> speech.forAir(text, PcmFormat.STATION)).emergencyLoudness(config.emergencyLoudness());
    this.runner = new AiringRunner(clock, config.timeZone(), pause, planned, programmes, log, switchboard, this.sound,
        renderer, config.zoneKeys(), config.warmUp());
    monitor.ifPresent(runner::watchedBy);
    this.speech = speech;
    this.accounts = accounts(database, clock);
    this.content = new SqliteContentLibrary(database);
    this.approval = ContentApprovals.of(config.approval(), dataDir.resolve(config.contentDir()), content);
    runner.approval(approval);
  }

  static AccountService accounts(Database database, Clock clock) {
    SqliteAccounts store = new SqliteAccounts(database, clock);
    return new AccountService(store, new Argon2Hasher(), store, clock);
  }

  /** The accounts, their logins and the audit log. */
  public AccountService accounts() {
    return accounts;
  }

  /** The station as deployed: real clock, Java Sound to the configured output. */
  public static Station assemble(StationConfig config, Path dataDir) throws DeviceException {
    Clock clock = Clock.systemUTC();
    return assemble(config, dataDir, clock, Pause.sleeping(), new JavaSoundOutput(config.audioOutput(), clock));
  }

  /**
   * The station with the given clock, pause and sound output (tests and benchmarks).
   *
   * @throws DeviceException when a relay board's port cannot be opened
   */
  public static Station assemble(StationConfig config, Path dataDir, Clock clock, Pause pause, SoundOutput sound)
      throws DeviceException {
    return assemble(config, dataDir, clock, pause, sound, Optional.empty());
  }

  /**
   * The station with the given clock, pause, sound output and, when the config has a
   * {@code monitor:} block, the given monitor input instead of the configured sound card's
   * (benchmarks on simulated time).
   *
   * @throws DeviceException when a relay board's port cannot be opened
   */
  public static Station assemble(StationConfig config, Path dataDir, Clock clock, Pause pause, SoundOutput sound,
      Optional<MonitorInput> monitorInput) throws DeviceException {
    Switchboard switchboard = switchboard(config, clock, pause);
    // safe state first, before anything slower (database migration, sound) can delay it
    List<LineFailure> notOff = switchboard.allOff();
    if (notOff.isEmpty()) {
      LOG.info("all relays off");
    }
    StationSpeech speech;
    Database database;
    try {
      speech = StationSpeech.assemble(config.speech(), dataDir, clock);
      database = Database.open(dataDir);
    } catch (RuntimeException e) {
      switchboard.close();
      throw e;
    }
    return new Station(config, dataDir, clock, pause, sound, database, switchboard, speech, monitorInput);
  }

  /**
   * The station's relay boards, amplifier and hamlet lines, opened on real serial ports. Boards on one
   * RS-485 port share it; a USB adapter missing now is picked up when it appears.
   *
   * @throws DeviceException when a relay board cannot be set up
   */
  public static Switchboard switchboard(StationConfig config, Clock clock, Pause pause) throws DeviceException {
    List<RelayBoard> boards = RelayBoards.openAll(config.boards(),
        new DeviceContext(clock, pause, new JSerialCommPorts(), LineEvents.logging()));
    Optional<RelayWire> amplifier = config.amplifier()
        .map(a -> new RelayWire(a.board(), new RelayChannel(a.channel())));
    List<ZoneLine> zones = config.zones().stream()
        .map(z -> new ZoneLine(z.key().value(), z.board(), new RelayChannel(z.channel()), z.inverted())).toList();
    try {
      return new Switchboard(boards, amplifier, zones, config.switching(), clock, pause);
    } catch (RuntimeException e) {
      boards.forEach(RelayBoard::close);
      throw e;
    }
  }

  /**
   * What commands ask of the station on this data folder: through the daemon when one runs there,
   * else directly on the devices. The config is read only when acting directly.
   */
  public static StationControl control(ConfigSource config, Path dataDir) throws SourceException {
    Optional<StationControl> daemon = DaemonControl.forRunning(dataDir);
    return daemon.isPresent() ? daemon.get() : new DirectControl(config.read(), dataDir);
  }

  /** Where a command's station config comes from, read only when it is needed. */
  @FunctionalInterface
  public interface ConfigSource {
    StationConfig read() throws SourceException;
  }

  /** The configured sound output, opened on demand (the doctor's check, the daemon's airings). */
  public static SoundOutput soundOutput(StationConfig config) {
    return new JavaSoundOutput(config.audioOutput(), Clock.systemUTC());
  }

  /** The sound outputs this machine offers, by name. */
  public static List<String> soundOutputs() {
    return JavaSoundOutput.outputDevices();
  }

  /** The sound output {@code name} ({@code default} or a mixer's name), opened on demand: for the setup wizard's test tone. */
  public static SoundOutput soundOutput(String name) {
    return new JavaSoundOutput(name, Clock.systemUTC());
  }

  /** The serial ports the operating system lists (ptys are not listed), for the setup wizard when /dev/serial has no links. */
  public static List<String> listedSerialPorts() {
    return JSerialCommPorts.listed();
  }

  public StationConfig config() {
    return config;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  public PlannedAirings planned() {
    return planned;
  }

  public Programmes programmes() {
    return programmes;
  }

  public ScheduleStore schedule() {
    return schedule;
  }

  public AiringLog log() {
    return log;
  }

  public Switchboard switchboard() {
    return switchboard;
  }

  public SoundOutput sound() {
    return sound;
  }

  public ContentRenderer renderer() {
    return renderer;
  }

  public AiringRunner runner() {
    return runner;
  }

  /** The daemon loop over this station's store, switchboard and runner, fired by {@code triggers}. */
  public Daemon daemon(AiringTriggers triggers, ClockTrust trust) {
    return new Daemon(clock, planned, programmes, log, switchboard, runner, renderer, triggers, trust);
  }

  /** The daemon loop with a clock trusted when it is not before the last logged run. */
  public Daemon daemon(AiringTriggers triggers) {
    return daemon(triggers, new ClockTrust(log::latest, TimeSync.UNKNOWN, false));
  }

  /** What is known of each file in the content folder: uploader, length, loudness, approval. */
  public io.loaxa.scheduler.ContentLibrary contentLibrary() {
    return content;
  }

  /** Whether a content file may air: approval on, an operator's upload waits for an approver. */
  public ContentApproval contentApproval() {
    return approval;
  }

  /** What the station still has to tell the province hub (written only with a {@code hub:} block). */
  public io.loaxa.scheduler.uplink.Outbox outbox() {
    return outbox;
  }

  /** The hub's commands as the station received them, and the highest seq accepted. */
  public io.loaxa.scheduler.uplink.HubCommandStore hubCommands() {
    return hubCommands;
  }

  /** The schedule planner over this station's store. */
  public SchedulePlanner planner() {
    return new SchedulePlanner(config, dataDir, clock, schedule, planned, log);
  }

  /** The operator's airings now, at a time, or repeated, and their cancel. */
  public ManualAiring manualAiring() {
    return new ManualAiring(clock, config.timeZone(), config.zoneKeys(), programmes, planned, renderer, runner);
  }

  /** The installer's line test: zones and amplifier on and off by hand. */
  public ZoneControl zoneControl() {
    return new ZoneControl(switchboard, config);
  }

  /** Text to speech: normaliser, engine, voice and the render-ahead cache. */
  public StationSpeech speech() {
    return speech;
  }

  /** The station's one incident stream: detectors and the on-air monitor report here; it logs and alerts. */
  public IncidentTracker incidents() {
    return incidents;
  }

  /** The incidents as kept in the station database. */
  public IncidentLog incidentLog() {
    return incidentLog;
  }

  /** Who is told of which incidents: the config's recipients and repeat, or what an admin saved over them. */
  public AlertSettings alertSettings() {
    return alertSettings;
  }

  /** The on-air monitor when the config has a {@code monitor:} block; built, started by the daemon. */
  public Optional<StationMonitor> monitor() {
    return monitor;
  }

  /**
   * The station's detectors over the signals it already has: silent relay boards, the sound output,
   * the daemon's clock trust, this month's CCHC airing and the data folder's free space.
   */
  public Detectors detectors(Daemon daemon) {
    SupervisionSettings s = StationAlerts.supervision(config);
    return new Detectors(incidents, List.of(
        StationChecks.boards(switchboard::silentBoards),
        StationChecks.clock(daemon::clockDoubt),
        StationChecks.soundCard(sound.name(), () -> runner.onAirNow().isEmpty(), this::soundProblem),
        StationChecks.cchcMonth(log, config.timeZone(), s.cchcByDay()),
        StationChecks.disk(dataDir, s.diskMinFreeBytes())));
  }

  private Optional<String> soundProblem() {
    if (deviceSound instanceof JavaSoundOutput) {
      // listing the devices, not opening one: an ALSA card opened twice would refuse the airing
      List<String> outputs = JavaSoundOutput.outputDevices();
      String wanted = config.audioOutput().toLowerCase(java.util.Locale.ROOT);
      boolean present = wanted.equals(JavaSoundOutput.DEFAULT) ? !outputs.isEmpty()
          : outputs.stream().anyMatch(o -> o.toLowerCase(java.util.Locale.ROOT).contains(wanted));
      return present ? Optional.empty() : Optional.of("không thấy thiết bị âm thanh '" + config.audioOutput()
          + "' / no sound output '" + config.audioOutput() + "'; outputs seen: " + outputs);
    }
    try (SoundOutput.OpenLine line = deviceSound.open(PcmFormat.STATION)) {
      return Optional.empty();
    } catch (io.loaxa.audio.AudioException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The morning self-test when the {@code monitor:} block sets {@code selftest}: the lines the tap
   * hears (all when it names none), tried in turn.
   */
  public Optional<MorningSelfTest> selfTest() {
    return monitor.filter(m -> m.config().selfTestAt().isPresent()).map(m -> new MorningSelfTest(m, switchboard, sound,
        m.config().zones().isEmpty() ? config.zoneKeys().stream().map(z -> z.value()).toList()
            : m.config().zones().stream().map(z -> z.value()).toList(),
        incidents, clock, pause, config.warmUp()));
  }

  /** What one alert channel did with the test message. */
  public record AlertTest(boolean sent, String what) {}

  /**
   * {@code loaxa alert test}: a test message on every channel of the config's {@code alerts:} block
   * to its recipients — those an admin saved on the alerts page when the database in {@code dataDir}
   * holds some — now, without the daemon; per channel name what happened.
   */
  public static java.util.Map<String, AlertTest> testAlerts(StationConfig config, Path dataDir) {
    return testAlerts(config, Optional.of(dataDir));
  }

  /** {@code loaxa alert test} to the config's own recipients, whatever a database holds. */
  public static java.util.Map<String, AlertTest> testAlerts(StationConfig config) {
    return testAlerts(config, Optional.empty());
  }

  private static java.util.Map<String, AlertTest> testAlerts(StationConfig config, Optional<Path> dataDir) {
    Clock clock = Clock.systemUTC();
    AlertDispatcher dispatcher = StationAlerts.dispatcher(config, clock, Pause.sleeping(), IncidentLog.NONE);
    Optional<Database> database = dataDir.filter(d -> java.nio.file.Files.exists(d.resolve(Database.FILE)))
        .map(Database::open);
    java.util.Map<String, AlertTest> out = new java.util.LinkedHashMap<>();
    try {
      database.ifPresent(d -> new AlertSettings(StationAlerts.defaults(config.alerts()), new SqliteAlertSettings(d),
          dispatcher, clock));
      dispatcher.test().forEach((name, r) -> out.put(name, new AlertTest(r.sent(), r.what())));
    } finally {
      dispatcher.close();
      database.ifPresent(Database::close);
    }
    return out;
  }

  /** The alert dispatcher over the configured channels and recipients. */
  public AlertDispatcher alerts() {
    return incidents.alerts();
  }

  /** The monitor stopped, every relay off, then the boards and the database closed. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    monitor.ifPresent(StationMonitor::close);
    incidents.alerts().close();
    try {
      switchboard.close();
    } finally {
      database.close();
    }
  }
}
