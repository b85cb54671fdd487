package io.loaxa.hub.report;

import io.loaxa.scheduler.report.ReportPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The province's figures for one period. Runs are counted by their planned time in the hub's time
 * zone; "aired" is a run that ended {@code COMPLETED} or {@code PARTIAL}, its airtime from start to end.
 */
public record ProvinceReport(ReportPeriod period, ZoneId timeZone, Instant madeAt, List<CommuneLine> communes,
    List<CategoryLine> categories, List<Compliance> compliance) {

  public record CommuneLine(String commune, long stations, long runs, long aired, long airtimeSeconds, long notAired) {}

  public record CategoryLine(String commune, String category, long runs, long aired, long airtimeSeconds) {}

  /**
   * CCHC in one commune in one month: how many of its stations aired a CCHC segment in a peak window.
   * {@code open} when the month is not over yet.
   */
  public record Compliance(String commune, YearMonth month, long stations, long stationsMet, boolean open) {
    public boolean met() {
      return stations > 0 && stationsMet == stations;
    }
  }

  /** The report as the API's JSON shows it. */
  public Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("period", period.code());
    out.put("from", period.first().toString());
    out.put("to", period.last().toString());
    out.put("timeZone", timeZone.getId());
    out.put("madeAt", madeAt.toString());
    out.put("communes", communes.stream().map(c -> Map.of("commune", c.commune(), "stations", c.stations(), "runs", c.runs(),
        "aired", c.aired(), "airtimeMinutes", c.airtimeSeconds() / 60.0, "notAired", c.notAired())).toList());
    out.put("categories", categories.stream().map(c -> Map.of("commune", c.commune(), "category", c.category(), "runs",
        c.runs(), "aired", c.aired(), "airtimeMinutes", c.airtimeSeconds() / 60.0)).toList());
    out.put("cchc", compliance.stream().map(c -> Map.of("commune", c.commune(), "month", c.month().toString(), "stations",
        c.stations(), "stationsMet", c.stationsMet(), "met", c.met(), "open", c.open())).toList());
    return out;
  }
}
