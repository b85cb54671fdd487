package io.loaxa.scheduler.station;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.CsvAiringLogExport;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodReportWriter;
import io.loaxa.scheduler.report.PeriodTally;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.scheduler.report.ReportStation;
import io.loaxa.scheduler.report.pdf.PdfAiringLogExport;
import io.loaxa.scheduler.report.pdf.PdfFonts;
import io.loaxa.scheduler.report.pdf.PdfPeriodReport;
import io.loaxa.scheduler.report.xlsx.XlsxAiringLogExport;
import io.loaxa.scheduler.report.xlsx.XlsxPeriodReport;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqlitePlannedAirings;
import io.loaxa.scheduler.sqlite.SqliteProgrammes;
import io.loaxa.scheduler.sqlite.SqliteSchedule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The station's database alone, without relay boards or sound: the airing log, the period reports
 * and the stored schedule, as the reporting officer and the operator's schedule commands use them.
 * Safe beside a running daemon (SQLite in WAL mode); no relay is touched.
 */
public final class StationStore implements AutoCloseable {
  private final StationConfig config;
  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final SqliteAiringLog log;

  private StationStore(StationConfig config, Path dataDir, Clock clock, Database database) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.log = new SqliteAiringLog(database, clock);
  }

  /** Opens (and migrates) the database in {@code dataDir}. */
  public static StationStore open(StationConfig config, Path dataDir) {
    Clock clock = Clock.systemUTC();
    return new StationStore(config, dataDir, clock, Database.open(dataDir));
  }

  /** The accounts and the audit log (the {@code loaxa user} and {@code loaxa audit} commands). */
  public AccountService accounts() {
    return Station.accounts(database, clock);
  }

  /** The airing log, read only by convention: exports and reports never write it. */
  public AiringLog log() {
    return log;
  }

  /** The schedule planner on the database alone, so an import never touches a running daemon's boards. */
  public SchedulePlanner planner() {
    SqliteProgrammes programmes = new SqliteProgrammes(database, clock);
    SqlitePlannedAirings planned = new SqlitePlannedAirings(database, clock);
    return new SchedulePlanner(config, dataDir, clock, new SqliteSchedule(database, programmes, planned), planned, log);
  }

  /**
   * Writes the runs planned in the period as {@code csv}, {@code xlsx} or {@code pdf}.
   *
   * @return how many runs were written
   */
  public long exportLog(ReportPeriod period, String format, Language language, OutputStream out) throws IOException {
    AiringLogExport export = logExport(format, config.timeZone(), language);
    AiringLogExport.Request request = new AiringLogExport.Request(ReportStation.of(config), period, language,
        clock.instant());
    return export.write(log, request, out);
  }

  /** The log export for {@code csv}, {@code xlsx} or {@code pdf}; CSV times in {@code zone}. */
  public static AiringLogExport logExport(String format, java.time.ZoneId zone, Language language) {
    return switch (format) {
      case "xlsx" -> new XlsxAiringLogExport();
      case "pdf" -> new PdfAiringLogExport(PdfFonts.load());
      case "csv" -> new CsvAiringLogExport(zone, language);
      default -> throw new IllegalArgumentException("log export format " + format);
    };
  }

  /** The period report: one pass over the log. */
  public PeriodReport report(ReportPeriod period, PeakWindows peaks, Language language) {
    return PeriodTally.of(log, ReportStation.of(config), period, peaks, language, clock);
  }

  /** Writes a period report as {@code xlsx} or {@code pdf}. */
  public static void writeReport(PeriodReport report, String format, OutputStream out) throws IOException {
    reportWriter(format).write(report, out);
  }

  /** The period report writer for {@code xlsx} or {@code pdf}. */
  public static PeriodReportWriter reportWriter(String format) {
    return switch (format) {
      case "pdf" -> new PdfPeriodReport(PdfFonts.load());
      case "xlsx" -> new XlsxPeriodReport();
      default -> throw new IllegalArgumentException("report format " + format);
    };
  }

  @Override
  public void close() {
    database.close();
  }
}
