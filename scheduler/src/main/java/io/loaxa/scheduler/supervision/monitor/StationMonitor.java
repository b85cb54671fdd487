package io.loaxa.scheduler.supervision.monitor;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.MonitorInput;
import io.loaxa.audio.monitor.MonitorEvent;
import io.loaxa.audio.monitor.MonitorIncidentKind;
import io.loaxa.audio.monitor.MonitorSettings;
import io.loaxa.audio.monitor.OnAirMonitor;
import io.loaxa.audio.monitor.PlayedLevel;
import io.loaxa.devices.LineFailure;
import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.OnAirWatch;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.Incidents;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.scheduler.config.MonitorConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's on-air monitor: listens through the monitor input, hears each airing for the
 * runner ({@link OnAirWatch}), and outside airings reacts to audio on the lines as the config says.
 * With {@link MonitorConfig.Reaction#OFF}, every line and the amplifier are switched off when the
 * incident starts and again every second while it lasts (a board that lost a command, a line an
 * operator switched on), until the monitor is silent for a second.
 */
public final class StationMonitor implements OnAirWatch, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StationMonitor.class);
  /** Trouble over this share of an airing leaves nothing of it heard: the run is FAILED, not PARTIAL. */
  private static final double FAILED_SHARE = 0.9;
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final MonitorConfig config;
  private final Clock clock;
  private final ZoneId timeZone;
  private final Switchboard switchboard;
  private final Incidents incidents;
  private final String subject;
  private final OnAirMonitor monitor;
  private volatile Session session;
  private volatile boolean holdingOff;
  private volatile boolean selfTesting;

  /**
   * @param played the tap on the sound output the runner plays through
   * @param evidenceDir where each incident's last seconds are kept as WAV files
   * @param incidents the station's incident stream: dead air, a mismatch and audio outside the
   *     schedule are reported there, with the lines the tap hears as their subject
   */
  public StationMonitor(MonitorInput input, MonitorConfig config, PlayedLevel played, Clock clock, ZoneId timeZone,
      Path evidenceDir, Switchboard switchboard, Incidents incidents) {
    this.config = config;
    this.clock = clock;
    this.timeZone = timeZone;
    this.switchboard = switchboard;
    this.incidents = incidents;
    this.subject = config.zones().isEmpty() ? "loa" : String.join(",", config.zones().stream().map(z -> z.value()).toList());
    this.monitor = new OnAirMonitor(input, settings(config), played, clock, evidenceDir, this::heard);
    monitor.everySecond(this::reassertOff);
  }

  /** The comparator's settings for this station's config. */
  public static MonitorSettings settings(MonitorConfig config) {
    return MonitorSettings.of(config.silenceDbfs(), config.deadAir(), config.outside());
  }

  /**
   * Starts listening.
   *
   * @throws AudioException when the monitor input is not there
   */
  public void start() throws AudioException {
    monitor.start();
    LOG.info("on-air monitor listening on '{}' (silence below {} dBFS, dead air after {} s, outside the schedule after {} s, reaction {})",
        config.input(), config.silenceDbfs(), config.deadAir().toSeconds(), config.outside().toSeconds(),
        config.reaction().name().toLowerCase(Locale.ROOT));
  }

  public MonitorConfig config() {
    return config;
  }

  /** How many blocks the monitor has measured since it started: grows while the input delivers audio. */
  public long blocksHeard() {
    return monitor.blocks();
  }

  /** The listening monitor, for the self-test. */
  OnAirMonitor monitor() {
    return monitor;
  }

  /** Whether every line is being held off against audio outside the schedule. */
  public boolean holdingOff() {
    return holdingOff;
  }

  @Override
  public Listening airingStarts(PlannedAiringKey key) {
    Session s = new Session(key, clock.instant());
    session = s;
    monitor.airing(true);
    return s;
  }

  /** The self-test plays its tones as an airing, but its findings are its own, not incidents. */
  void selfTest(boolean on) {
    selfTesting = on;
    monitor.airing(on);
  }

  private void heard(MonitorEvent event) {
    if (selfTesting && event.kind() != MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE) {
      LOG.debug("self-test: {}", event);
      return;
    }
    IncidentKind kind = kindOf(event.kind());
    Session s = session;
    if (s != null && event.kind() != MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE) {
      s.record(event);
    }
    String detail = event.detail();
    if (event.kind() == MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE) {
      detail = outside(event);
    }
    if (event.started()) {
      incidents.observed(kind, subject, event.at(), detail, event.evidence());
    } else {
      incidents.resolved(kind, subject, event.at());
    }
  }

  private static IncidentKind kindOf(MonitorIncidentKind kind) {
    return switch (kind) {
      case DEAD_AIR -> IncidentKind.DEAD_AIR;
      case MISMATCH -> IncidentKind.MISMATCH;
      case AUDIO_OUTSIDE_SCHEDULE -> IncidentKind.AUDIO_OUTSIDE_SCHEDULE;
    };
  }

  /** Reacts as configured; returns the incident's detail with what was done. */
  private String outside(MonitorEvent event) {
    if (config.reaction() != MonitorConfig.Reaction.OFF) {
      return event.detail();
    }
    if (event.started()) {
      holdingOff = true;
      List<LineFailure> failures = switchboard.allOff();
      LOG.warn("audio outside the schedule: every line and the amplifier switched off and held off while it lasts{}",
          failures.isEmpty() ? "" : "; could not switch off " + failures);
      return event.detail() + "; mọi đường dây và tăng âm đã tắt và giữ tắt / every line and the amplifier switched off and held off"
          + (failures.isEmpty() ? "" : "; không tắt được / could not switch off " + failures);
    }
    holdingOff = false;
    LOG.info("audio outside the schedule ended: lines no longer held off");
    return event.detail();
  }

  private void reassertOff() {
    if (holdingOff) {
      List<LineFailure> failures = switchboard.allOff();
      if (!failures.isEmpty()) {
        LOG.warn("holding every line off: could not switch off {}", failures);
      }
    }
  }

  @Override
  public void close() {
    monitor.close();
  }

  /** One airing as the monitor heard it. */
  private final class Session implements Listening {
    private final PlannedAiringKey key;
    private final Instant started;
    private final List<MonitorEvent> events = new ArrayList<>();
    private boolean ended;

    Session(PlannedAiringKey key, Instant started) {
      this.key = key;
      this.started = started;
    }

    synchronized void record(MonitorEvent event) {
      if (!ended) {
        events.add(event);
      }
    }

    @Override
    public Optional<HeardTrouble> airingEnded() {
      Instant end = clock.instant();
      List<MonitorEvent> seen;
      synchronized (this) {
        ended = true;
        seen = List.copyOf(events);
      }
      if (session == this) {
        session = null;
        monitor.airing(false);
      }
      List<String> parts = new ArrayList<>();
      Duration troubled = Duration.ZERO;
      for (int i = 0; i < seen.size(); i++) {
        MonitorEvent start = seen.get(i);
        if (!start.started()) {
          continue;
        }
        Instant until = end;
        for (int j = i + 1; j < seen.size(); j++) {
          if (seen.get(j).kind() == start.kind() && !seen.get(j).started()) {
            until = seen.get(j).at();
            break;
          }
        }
        Instant from = start.at().isBefore(started) ? started : start.at();
        Duration length = until.isAfter(from) ? Duration.between(from, until) : Duration.ZERO;
        troubled = troubled.plus(length);
        parts.add(String.format(Locale.ROOT, "%s on the monitor from %s for %.1f s (%s)%s",
            start.kind() == MonitorIncidentKind.DEAD_AIR ? "dead air" : "mismatch",
            HMS.format(from.atZone(timeZone)), length.toMillis() / 1000.0, start.detail(),
            start.evidence().map(p -> "; evidence " + p).orElse("")));
      }
      if (parts.isEmpty()) {
        return Optional.empty();
      }
      Duration aired = Duration.between(started, end);
      boolean partly = aired.isZero() || troubled.toMillis() < FAILED_SHARE * aired.toMillis();
      LOG.warn("airing {}: {}", key, String.join("; ", parts));
      return Optional.of(new HeardTrouble(String.join("; ", parts), partly));
    }
  }
}
