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
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqlitePlannedAirings;
import io.loaxa.scheduler.sqlite.SqliteProgrammes;
import io.loaxa.scheduler.sqlite.SqliteSchedule;
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
  private final ContentRenderer renderer;
  private final AiringRunner runner;
  private final StationSpeech speech;
  private final AccountService accounts;
  private boolean closed;

  private Station(StationConfig config, Path dataDir, Clock clock, Pause pause, SoundOutput sound,
      Database database, Switchboard switchboard, StationSpeech speech) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.planned = new SqlitePlannedAirings(database, clock);
    this.programmes = new SqliteProgrammes(database, clock);
    this.schedule = new SqliteSchedule(database, programmes, planned);
    this.log = new SqliteAiringLog(database, clock);
    this.switchboard = switchboard;
    this.sound = sound;
    JavaSoundDecoder decoder = new JavaSoundDecoder();
    this.renderer = new ContentRenderer(dataDir.resolve(config.contentDir()), PcmFormat.STATION, decoder,
        new HttpRebroadcasts(decoder, PcmFormat.STATION, HttpRebroadcast.Settings.DEFAULT),
        new JavaSoundLineIn(JavaSoundLineIn.DEFAULT),
        text -> speech.forAir(text, PcmFormat.STATION)).emergencyLoudness(config.emergencyLoudness());
    this.runner = new AiringRunner(clock, config.timeZone(), pause, planned, programmes, log, switchboard, sound, renderer,
        config.zoneKeys(), config.warmUp());
    this.speech = speech;
    this.accounts = accounts(database, clock);
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
    return new Station(config, dataDir, clock, pause, sound, database, switchboard, speech);
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

  /** Every relay off, then the boards and the database closed. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      switchboard.close();
    } finally {
      database.close();
    }
  }
}
