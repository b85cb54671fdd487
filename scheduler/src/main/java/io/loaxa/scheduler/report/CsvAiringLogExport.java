package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The airing log as CSV: UTF-8 with a byte-order mark so Excel reads Vietnamese correctly, one row
 * per airing run, times ISO-8601 with the station's offset and seconds (2024-03-04T06:00:00+07:00).
 * Values stay as the log stores them (codes, keys, seconds) so other programs can read the file;
 * only the header row follows the language.
 */
public final class CsvAiringLogExport implements AiringLogExport {
  static final String BOM = "\uFEFF";
  static final List<String> HEADER = List.of("run", "planned_key", "programme", "title", "category", "priority",
      "trigger", "planned_at", "started_at", "ended_at", "airtime_s", "zones_requested", "zones_confirmed",
      "zones_unconfirmed", "zones_failed", "outcome", "reason", "content");
  static final List<String> HEADER_VI = List.of("Mã lượt", "Mã lịch phát", "Mã chương trình", "Tiêu đề",
      "Chuyên mục", "Mức ưu tiên", "Hình thức", "Giờ dự kiến", "Bắt đầu phát", "Kết thúc", "Thời lượng (giây)",
      "Khu vực yêu cầu", "Khu vực đã bật (có xác nhận)", "Khu vực đã bật (không đọc lại được)",
      "Khu vực không bật được", "Kết quả", "Lý do", "Nội dung");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ZoneId zone;
  private final Language lang;

  /** English (column-name) header, as scripts expect it. */
  public CsvAiringLogExport(ZoneId zone) {
    this(zone, Language.EN);
  }

  public CsvAiringLogExport(ZoneId zone, Language lang) {
    this.zone = zone;
    this.lang = lang;
  }

  @Override
  public long write(AiringLog log, Request request, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    long rows = write(log, request.period().start(zone), request.period().end(zone), w);
    w.flush();
    return rows;
  }

  /** Streams the runs planned in {@code [from, to)} to {@code out}; returns how many rows were written. */
  public long write(AiringLog log, Instant from, Instant to, Writer out) throws IOException {
    out.write(BOM);
    line(out, lang == Language.VI ? HEADER_VI : HEADER);
    long[] count = {0};
    try {
      log.forEachRun(from, to, run -> {
        try {
          line(out, row(run));
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
    return count[0];
  }

  private List<String> row(AiringRunRecord r) {
    return List.of(
        Long.toString(r.id()), r.plannedKey().value(), r.programme(), r.title(), r.category(), r.priority(),
        r.trigger().name(), time(Optional.of(r.plannedAt())), time(r.startedAt()), time(r.endedAt()),
        Long.toString(r.airtime().toSeconds()), String.join(" ", r.zonesRequested()),
        String.join(" ", r.zonesConfirmed()), String.join(" ", r.zonesUnconfirmed()),
        String.join(" ", r.zonesFailed()), r.outcome().map(Outcome::name).orElse("ON_AIR"), r.reason(),
        r.content().replace('\n', ';'));
  }

  private String time(Optional<Instant> instant) {
    return instant.map(i -> ISO.format(OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS), zone))).orElse("");
  }

  private static void line(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String field(String value) {
    String v = value;
    // a cell starting with = + - @ would be run as a formula by a spreadsheet
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
