package io.loaxa.scheduler.station;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeriodReportWriter;
import io.loaxa.scheduler.report.ReportStation;
import io.loaxa.scheduler.sqlite.ReadConnections;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.uplink.HubCommand;
import io.loaxa.scheduler.uplink.HubCommands;
import io.loaxa.scheduler.web.AlertRoutes;
import io.loaxa.scheduler.web.HubBulletinRoutes;
import io.loaxa.scheduler.web.LogRoutes;
import io.loaxa.scheduler.web.RouteGroup;
import io.loaxa.scheduler.web.IncidentRoutes;
import io.loaxa.scheduler.web.SpeechRoutes;
import java.util.List;
import java.util.Optional;

/**
 * The API's route groups for the airing log, the reports, the speech preview and the incidents, wired to one
 * station. The log and reports read through {@link #READERS} reading connections of their own: a
 * year's report is seconds of reading, and on the station's connection it would hold up the airing
 * runner's writes to the log (SQLite in WAL mode lets connections read while another writes); more
 * than one, so an export or a report does not hold up the office's pages of the log.
 */
public final class StationRoutes implements AutoCloseable {
  /** Reading connections for the log and reports: opened as needed, a few MiB of page cache each. */
  static final int READERS = 3;
  private final ReadConnections reading;
  private final AiringLog log;
  private final List<RouteGroup> groups;

  private StationRoutes(ReadConnections reading, AiringLog log, List<RouteGroup> groups) {
    this.reading = reading;
    this.log = log;
    this.groups = groups;
  }

  /** The log and report routes, and the speech preview, on {@code station}'s log and speech. */
  public static StationRoutes open(Station station) {
    ReadConnections reading = ReadConnections.open(station.dataDir(), READERS);
    AiringLog log = SqliteAiringLog.reading(reading, station.clock());
    return new StationRoutes(reading, log, List.of(logRoutes(station, log), new SpeechRoutes(speaker(station.speech())),
        new IncidentRoutes(station.incidents()::open, station.incidentLog(), station.clock(), station.config().timeZone())));
  }

  /** The alert settings page's routes on {@code station}'s channels, recipients and incident log. */
  public static AlertRoutes alerts(Station station) {
    return new AlertRoutes(new AlertRoutes.Parts(station.config().alerts(), station.alertSettings(), station.incidentLog(),
        () -> station.alerts().test(), station.config().timeZone()));
  }

  /**
   * The routes of the bulletins the province hub pushed and the operator has to accept; {@code commands}
   * is empty while the station is not linked to a hub.
   */
  public static HubBulletinRoutes hubBulletins(java.util.function.Supplier<Optional<HubCommands>> commands,
      java.time.ZoneId timeZone) {
    return new HubBulletinRoutes(new HubBulletinRoutes.Desk() {
      @Override
      public boolean linked() {
        return commands.get().isPresent();
      }

      @Override
      public List<HubBulletinRoutes.Bulletin> held() {
        return commands.get().map(c -> c.held().stream().map(h -> {
          HubCommand m = h.command();
          return new HubBulletinRoutes.Bulletin(m.id(), m.title(), m.category(), m.priority(), m.zones(), m.allZones(),
              m.text(), m.audio().map(HubCommand.Audio::name), m.at(), m.repeatEveryMinutes(), h.receivedAt(),
              m.expiresAt());
        }).toList()).orElse(List.of());
      }

      @Override
      public String accept(String id, String who) {
        return linkedOrRefused(commands).accept(id, who);
      }

      @Override
      public void reject(String id, String who, String reason) {
        linkedOrRefused(commands).reject(id, who, reason);
      }
    }, timeZone);
  }

  private static HubCommands linkedOrRefused(java.util.function.Supplier<Optional<HubCommands>> commands) {
    return commands.get().orElseThrow(() -> new io.loaxa.scheduler.UserError("đài chưa nối với tỉnh / the station is"
        + " not linked to a hub"));
  }

  /** The log as the routes read it, on their own connections. */
  AiringLog readingLog() {
    return log;
  }

  public List<RouteGroup> groups() {
    return groups;
  }

  /** Closes the reading connections; idempotent. */
  @Override
  public void close() {
    reading.close();
  }

  static LogRoutes logRoutes(Station station, AiringLog log) {
    return new LogRoutes(log, ReportStation.of(station.config()), station.clock(), new LogRoutes.Formats() {
      @Override
      public AiringLogExport export(String format, Language language) {
        return StationStore.logExport(format, station.config().timeZone(), language);
      }

      @Override
      public PeriodReportWriter report(String format) {
        return StationStore.reportWriter(format);
      }
    });
  }

  /** The preview speaks as the station will air it: its normaliser, engine, voice and consent to the fallback. */
  static SpeechRoutes.Speaker speaker(StationSpeech speech) {
    return new SpeechRoutes.Speaker() {
      @Override
      public String normalised(String text, Optional<String> voice) {
        StationSpeech s = voice.map(speech::withVoice).orElse(speech);
        return s.normalizer().script(text).text();
      }

      @Override
      public byte[] wav(String text, Optional<String> voice) throws AudioException {
        StationSpeech s = voice.map(speech::withVoice).orElse(speech);
        s.normalizer().script(text); // the text's refusal before the engine is started
        return RiffWave.encode16(s.renderer(s.config().englishVoiceAccepted()).render(text).clip());
      }
    };
  }
}
