package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 */
public final class CsvAiringLogExport {
  static final String BOM = "\uFEFF";
  static final List<String> HEADER = List.of("run", "planned_key", "programme", "title", "category", "priority",
      "trigger", "planned_at", "started_at", "ended_at", "airtime_s", "zones_requested", "zones_confirmed",
      "zones_unconfirmed", "zones_failed", "outcome", "reason", "content");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ZoneId zone;

  public CsvAiringLogExport(ZoneId zone) {
    this.zone = zone;
  }

  /** Streams the runs planned in {@code [from, to)} to {@code out}; returns how many rows were written. */
  public long write(AiringLog log, Instant from, Instant to, Writer out) throws IOException {
    out.write(BOM);
    line(out, HEADER);
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
        Long.toString(r.id()), r.plannedKey(), r.programme(), r.title(), r.category(), r.priority(),
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
