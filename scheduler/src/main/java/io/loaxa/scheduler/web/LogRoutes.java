package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.LogPage;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.AiringLogTable;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.LogLine;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodReportWriter;
import io.loaxa.scheduler.report.PeriodTally;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.scheduler.report.ReportStation;
import io.loaxa.scheduler.report.Terms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The airing log and the period reports over the API: the log of chosen days, filtered and paged
 * ({@code GET /api/log}), the same runs as a CSV, XLSX or PDF file ({@code GET /api/log/export}), and
 * the period report officers attach ({@code GET /api/reports}) as JSON figures or the XLSX/PDF file
 * {@code loaxa report} writes. Read by officers and admins.
 *
 * <p>Files and reports are made one at a time (a year of a busy station is seconds of reading and
 * writing the file); a request that waits longer than
 * {@link #BUSY_WAIT} for its turn is answered 503.
 */
public final class LogRoutes implements RouteGroup {
  /** The file formats the station writes; built by the composition root from the report adapters. */
  public interface Formats {
    /** A log export for {@code csv}, {@code xlsx} or {@code pdf}. */
    AiringLogExport export(String format, Language language);

    /** A period report writer for {@code xlsx} or {@code pdf}. */
    PeriodReportWriter report(String format);
  }

  static final java.time.Duration BUSY_WAIT = java.time.Duration.ofSeconds(20);
  /** The longest period one report request may cover. */
  static final long MAX_REPORT_DAYS = 366;
  static final Set<String> QUERY_PARAMETERS = union(LogQuery.PARAMETERS, Set.of("lang"));
  static final Set<String> EXPORT_PARAMETERS = union(LogQuery.PARAMETERS, Set.of("format", "lang"));
  static final Set<String> REPORT_PARAMETERS = Set.of("period", "at", "format", "lang", "peak");
  private static final List<String> EXPORT_FORMATS = List.of("csv", "xlsx", "pdf");
  private static final List<String> REPORT_FORMATS = List.of("json", "xlsx", "pdf");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AiringLog log;
  private final ReportStation station;
  private final Clock clock;
  private final Formats formats;
  private final Set<String> zones;
  private final Semaphore files = new Semaphore(1, true);

  public LogRoutes(AiringLog log, ReportStation station, Clock clock, Formats formats) {
    this.log = log;
    this.station = station;
    this.clock = clock;
    this.formats = formats;
    this.zones = station.hamlets().stream().map(ReportStation.Hamlet::key).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/log", Routes.READ_LOG, (ctx, who) -> query(LogQuery.parse(ctx.queryParamMap(), QUERY_PARAMETERS,
        today(), zones), LogQuery.language(LogQuery.one(ctx.queryParamMap(), "lang"), ctx.header("Accept-Language"))));
    routes.get("/api/log/choices", Routes.READ_LOG, (ctx, who) -> choices(LogQuery.language(
        LogQuery.one(ctx.queryParamMap(), "lang"), ctx.header("Accept-Language"))));
    routes.get("/api/log/export", Routes.READ_LOG, (ctx, who) -> {
      LogQuery q = LogQuery.parse(ctx.queryParamMap(), EXPORT_PARAMETERS, today(), zones);
      String format = format(LogQuery.one(ctx.queryParamMap(), "format"), EXPORT_FORMATS, "csv");
      Language lang = LogQuery.language(LogQuery.one(ctx.queryParamMap(), "lang"), ctx.header("Accept-Language"));
      Routes.Download file = export(q, format, lang);
      routes.audit(ctx, who, "log.export", "", format + " " + q.from() + ".." + q.to(), true);
      return file;
    });
    routes.get("/api/reports", Routes.READ_LOG, (ctx, who) -> {
      Map<String, List<String>> params = ctx.queryParamMap();
      ReportPeriod period = reportPeriod(params, today());
      String format = format(LogQuery.one(params, "format"), REPORT_FORMATS, "json");
      Language lang = LogQuery.language(LogQuery.one(params, "lang"), ctx.header("Accept-Language"));
      PeakWindows peaks = LogQuery.one(params, "peak").map(p -> JavalinApi.field("peak", () -> PeakWindows.parse(p)))
          .orElse(PeakWindows.DEFAULT);
      return report(period, peaks, lang, format);
    });
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), station.timeZone());
  }

  /** What the log can be filtered by, named in the language asked, and the station's date today. */
  ObjectNode choices(Language lang) {
    ObjectNode out = JSON.createObjectNode();
    out.put("today", today().toString());
    ArrayNode categories = out.putArray("categories");
    for (String key : Terms.categoryKeys()) {
      categories.addObject().put("category", key).put("name", Terms.category(key, lang));
    }
    ArrayNode hamlets = out.putArray("zones");
    for (ReportStation.Hamlet h : station.hamlets()) {
      hamlets.addObject().put("zone", h.key()).put("name", h.name());
    }
    ArrayNode outcomes = out.putArray("outcomes");
    for (Outcome o : Outcome.values()) {
      outcomes.addObject().put("outcome", o.name()).put("name", Terms.outcome(Optional.of(o), lang));
    }
    return out;
  }

  /**
   * One page of the log, newest last as the log is kept, with how many runs match in all: the log
   * filters, counts and pages (in SQL on the station's file).
   */
  ObjectNode query(LogQuery q, Language lang) {
    AiringLogTable table = new AiringLogTable(station, lang);
    LogPage page = log.page(q.period().start(station.timeZone()), q.period().end(station.timeZone()), q.filter(),
        q.skip(), q.size());
    ObjectNode out = JSON.createObjectNode();
    out.put("from", q.from().toString()).put("to", q.to().toString()).put("page", q.page()).put("size", q.size())
        .put("total", page.total()).put("pages", (page.total() + q.size() - 1) / q.size());
    ArrayNode runs = out.putArray("runs");
    for (AiringRunRecord r : page.runs()) {
      runs.add(run(table.line(r)));
    }
    return out;
  }

  private ObjectNode run(LogLine line) {
    AiringRunRecord r = line.record();
    ObjectNode o = JSON.createObjectNode();
    o.put("run", r.id()).put("plannedKey", r.plannedKey().value()).put("programme", line.programme())
        .put("title", line.title()).put("category", r.category()).put("categoryName", line.category())
        .put("priority", r.priority()).put("trigger", r.trigger().name()).put("plannedAt", time(r.plannedAt()));
    putTime(o, "startedAt", r.startedAt());
    putTime(o, "endedAt", r.endedAt());
    if (line.airtime().isPresent()) {
      o.put("airtimeSeconds", line.airtime().get().toSeconds());
    } else {
      o.putNull("airtimeSeconds");
    }
    strings(o.putArray("zonesRequested"), r.zonesRequested());
    strings(o.putArray("zonesConfirmed"), r.zonesConfirmed());
    strings(o.putArray("zonesUnconfirmed"), r.zonesUnconfirmed());
    strings(o.putArray("zonesFailed"), r.zonesFailed());
    o.put("zonesText", line.zonesRequested());
    o.put("outcome", r.outcome().map(Outcome::name).orElse("ON_AIR")).put("outcomeName", line.outcome())
        .put("reason", line.reason());
    return o;
  }

  private Routes.Download export(LogQuery q, String format, Language lang) throws IOException {
    AiringLogExport export = formats.export(format, lang);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    inTurn(() -> export.write(q.view(log), new AiringLogExport.Request(station, q.period(), lang, clock.instant()), out));
    String name = lang.pick("nhật-ký-phát-sóng_", "airing-log_") + q.from() + "_" + q.to() + "." + format;
    return new Routes.Download(contentType(format), name, out.toByteArray());
  }

  private Object report(ReportPeriod period, PeakWindows peaks, Language lang, String format) throws IOException {
    PeriodReport[] made = new PeriodReport[1];
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    inTurn(() -> {
      made[0] = PeriodTally.of(log, station, period, peaks, lang, clock);
      if (!format.equals("json")) {
        formats.report(format).write(made[0], out);
      }
      return 0;
    });
    if (format.equals("json")) {
      return json(made[0]);
    }
    String name = lang.pick("báo-cáo_", "report_") + period.code() + "." + format;
    return new Routes.Download(contentType(format), name, out.toByteArray());
  }

  private interface Work {
    long run() throws IOException;
  }

  private void inTurn(Work work) throws IOException {
    try {
      if (!files.tryAcquire(BUSY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ApiException(503, "đang làm báo cáo khác, thử lại sau ít phút (another report is being made; try again"
            + " shortly)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "máy chủ đang dừng (the server is stopping)");
    }
    try {
      work.run();
    } finally {
      files.release();
    }
  }

  private static ObjectNode json(PeriodReport report) {
    ObjectNode o = JSON.createObjectNode();
    o.put("period", report.period().code()).put("label", report.period().label(report.language()))
        .put("first", report.period().first().toString()).put("last", report.period().last().toString())
        .put("madeAt", report.madeAt().toString());
    PeriodReport.Totals t = report.totals();
    o.putObject("totals").put("runs", t.runs()).put("aired", t.aired()).put("airtimeSeconds", t.airtime().toSeconds())
        .put("notCompleted", t.notCompleted());
    ArrayNode categories = o.putArray("categories");
    for (PeriodReport.CategoryLine c : report.categories()) {
      categories.addObject().put("category", c.key()).put("name", c.name()).put("aired", c.aired())
          .put("airtimeSeconds", c.airtime().toSeconds()).put("notCompleted", c.notCompleted())
          .put("hamletsReached", c.hamletsReached());
    }
    ArrayNode hamlets = o.putArray("zones");
    for (PeriodReport.HamletLine h : report.hamlets()) {
      hamlets.addObject().put("zone", h.hamlet().key()).put("name", h.hamlet().name()).put("aired", h.aired())
          .put("airtimeSeconds", h.airtime().toSeconds()).put("cchcAired", h.cchcAired())
          .put("cchcAirtimeSeconds", h.cchcAirtime().toSeconds());
    }
    o.put("cchcGaps", report.compliance().gapCount());
    o.set("compliance", compliance(report));
    o.set("daily", daily(report));
    o.put("summary", report.summary());
    return o;
  }

  /** Runs per day by outcome, for the page's chart: only the outcomes some run of the period had, in the log's order. */
  private static ObjectNode daily(PeriodReport report) {
    PeriodReport.DailyOutcomes d = report.daily();
    ObjectNode o = JSON.createObjectNode();
    ArrayNode days = o.putArray("days");
    for (int i = 0; i < d.days(); i++) {
      days.add(d.day(i).toString());
    }
    List<Optional<Outcome>> columns = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      columns.add(Optional.of(outcome));
    }
    columns.add(Optional.empty());
    ArrayNode outcomes = o.putArray("outcomes");
    for (Optional<Outcome> outcome : columns) {
      if (!d.any(outcome)) {
        continue;
      }
      ObjectNode line = outcomes.addObject().put("outcome", outcome.map(Outcome::name).orElse("ON_AIR"))
          .put("name", Terms.outcome(outcome, report.language()));
      ArrayNode counts = line.putArray("counts");
      for (int i = 0; i < d.days(); i++) {
        counts.add(d.count(i, outcome));
      }
    }
    return o;
  }

  /** CCHC in peak hours per month and hamlet, as the report's compliance sheet shows it. */
  private static ObjectNode compliance(PeriodReport report) {
    PeriodReport.Compliance c = report.compliance();
    ObjectNode o = JSON.createObjectNode();
    o.put("peaks", report.peaks().toString());
    ArrayNode months = o.putArray("months");
    c.months().forEach(m -> months.add(m.toString()));
    ArrayNode open = o.putArray("open");
    c.open().forEach(open::add);
    ArrayNode partial = o.putArray("partial");
    c.partial().forEach(partial::add);
    ArrayNode hamlets = o.putArray("zones");
    for (int h = 0; h < c.hamlets().size(); h++) {
      ObjectNode line = hamlets.addObject().put("zone", c.hamlets().get(h).key()).put("name", c.hamlets().get(h).name());
      ArrayNode peak = line.putArray("peak");
      ArrayNode offPeak = line.putArray("offPeak");
      for (int m = 0; m < c.months().size(); m++) {
        peak.add(c.peak(m, h));
        offPeak.add(c.offPeak(m, h));
      }
      line.put("met", c.met(h)).put("judged", c.judged(h));
    }
    return o;
  }

  /**
   * The report's period: {@code period=month|quarter|half|year} around the day {@code at} (default
   * today), or any period {@code loaxa report --period} takes ({@code 2024-03}, {@code 2024-Q1},
   * {@code 2024-H1}, {@code 2024}, {@code 2024-03-15..2024-04-14}), at most {@link #MAX_REPORT_DAYS}.
   *
   * @throws ApiException 400 naming {@code period} or {@code at}
   */
  static ReportPeriod reportPeriod(Map<String, List<String>> params, LocalDate today) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!REPORT_PARAMETERS.contains(e.getKey())) {
        String key = e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "…" : e.getKey();
        throw new ApiException(400, "tham số không biết '" + key + "' (unknown parameter)", key);
      }
      if (e.getValue().size() > 1) {
        throw new ApiException(400, "tham số '" + e.getKey() + "' có nhiều lần (given more than once)", e.getKey());
      }
    }
    String period = LogQuery.one(params, "period").orElseThrow(() -> new ApiException(400,
        "thiếu 'period': month, quarter, half, year hoặc như 2024-Q1 (period is required)", "period"));
    Optional<LocalDate> at = LogQuery.one(params, "at").map(a -> LogQuery.day(a, "at"));
    LocalDate day = at.orElse(today);
    ReportPeriod p = switch (period) {
      case "month" -> ReportPeriod.month(YearMonth.from(day));
      case "quarter" -> parsed(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
      case "half" -> parsed(day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2));
      case "year" -> parsed(Integer.toString(day.getYear()));
      default -> {
        if (at.isPresent()) {
          throw new ApiException(400, "'at' chỉ dùng với period=month, quarter, half hoặc year (at goes with a named"
              + " period only)", "at");
        }
        yield parsed(period);
      }
    };
    if (p.days() > MAX_REPORT_DAYS) {
      throw new ApiException(400, "kỳ báo cáo dài quá " + MAX_REPORT_DAYS + " ngày (a report covers at most "
          + MAX_REPORT_DAYS + " days)", "period");
    }
    return p;
  }

  private static ReportPeriod parsed(String text) {
    try {
      return ReportPeriod.parse(text);
    } catch (UserError e) {
      throw new ApiException(400, e.getMessage(), "period");
    } catch (RuntimeException e) {
      throw new ApiException(400, "'period' không hiểu được (period is not understood)", "period");
    }
  }

  static String format(Optional<String> given, List<String> allowed, String otherwise) {
    String f = given.orElse(otherwise);
    if (!allowed.contains(f)) {
      throw new ApiException(400, "'format' phải là " + String.join(", ", allowed) + " (format must be one of "
          + allowed + ")", "format");
    }
    return f;
  }

  private static String contentType(String format) {
    return switch (format) {
      case "csv" -> "text/csv; charset=utf-8";
      case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "pdf" -> "application/pdf";
      default -> "application/octet-stream";
    };
  }

  private String time(Instant i) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS),
        station.timeZone()));
  }

  private void putTime(ObjectNode o, String key, Optional<Instant> i) {
    if (i.isPresent()) {
      o.put(key, time(i.get()));
    } else {
      o.putNull(key);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
