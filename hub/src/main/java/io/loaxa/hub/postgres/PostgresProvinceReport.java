package io.loaxa.hub.postgres;

import io.loaxa.hub.HubStoreException;
import io.loaxa.hub.report.ProvinceReport;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.ReportPeriod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The province report's figures, computed by PostgreSQL: the runs are folded per station first (one
 * scan for the commune and category tables, one for CCHC compliance on its partial index), months
 * and peak windows in the hub's time zone. Only the folded rows travel to Java.
 */
public final class PostgresProvinceReport {
  private static final String AIRED = "r.outcome in ('COMPLETED', 'PARTIAL')";
  private final DataSource ds;
  private final Clock clock;

  public PostgresProvinceReport(HubDatabase database, Clock clock) {
    this.ds = database.dataSource();
    this.clock = clock;
  }

  public ProvinceReport report(ReportPeriod period, ZoneId zone, PeakWindows peaks) throws HubStoreException {
    Instant from = period.start(zone);
    Instant to = period.end(zone);
    try (Connection c = ds.getConnection()) {
      c.setReadOnly(true);
      Lines lines = lines(c, from, to);
      return new ProvinceReport(period, zone, clock.instant(), lines.communes(), lines.categories(),
          compliance(c, period, zone, peaks));
    } catch (SQLException e) {
      throw new HubStoreException("the province report: " + e.getMessage(), e);
    }
  }

  /** The commune lines and the category lines, from one pass over the period's runs. */
  private record Lines(List<ProvinceReport.CommuneLine> communes, List<ProvinceReport.CategoryLine> categories) {}

  /**
   * One scan: PostgreSQL first folds the runs into one row per station and category (a few hundred
   * rows for a province), and only those are joined to their commune and rolled up, by commune and by
   * commune and category in the same statement. Airtime is summed as an interval and turned into
   * seconds once per group, not once per run.
   */
  private static Lines lines(Connection c, Instant from, Instant to) throws SQLException {
    List<ProvinceReport.CommuneLine> communes = new ArrayList<>();
    List<ProvinceReport.CategoryLine> categories = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("with per as (select r.station, r.category, count(*) as runs, "
        + "count(*) filter (where " + AIRED + ") as aired, "
        + "count(*) filter (where not (" + AIRED + ") or r.outcome is null) as not_aired, "
        + "coalesce(extract(epoch from sum(r.ended_at - r.started_at) filter (where " + AIRED
        + " and r.ended_at > r.started_at)), 0) as airtime "
        + "from run r where r.planned_at >= ? and r.planned_at < ? group by r.station, r.category) "
        + "select s.commune, p.category, grouping(p.category), count(distinct p.station), sum(p.runs), sum(p.aired), "
        + "round(sum(p.airtime))::bigint, sum(p.not_aired) from per p join station s on s.station = p.station "
        + "group by grouping sets ((s.commune), (s.commune, p.category)) order by 1, 3 desc, 2")) {
      s.setTimestamp(1, PostgresHubStore.ts(from));
      s.setTimestamp(2, PostgresHubStore.ts(to));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(3) == 1) {
            communes.add(new ProvinceReport.CommuneLine(rs.getString(1), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8)));
          } else {
            categories.add(new ProvinceReport.CategoryLine(rs.getString(1), rs.getString(2), rs.getLong(5), rs.getLong(6),
                rs.getLong(7)));
          }
        }
      }
    }
    return new Lines(communes, categories);
  }

  private List<ProvinceReport.Compliance> compliance(Connection c, ReportPeriod period, ZoneId zone, PeakWindows peaks)
      throws SQLException {
    List<YearMonth> months = period.months();
    List<ProvinceReport.Compliance> out = new ArrayList<>();
    if (months.isEmpty()) {
      return out;
    }
    YearMonth now = YearMonth.from(clock.instant().atZone(zone));
    String[] starts = peaks.windows().stream().map(w -> w.from().toString()).toArray(String[]::new);
    String[] ends = peaks.windows().stream().map(w -> w.to().toString()).toArray(String[]::new);
    // a month counts for a station when one aired CCHC run planned in it started (or was planned) in a peak window
    try (PreparedStatement s = c.prepareStatement("with months as (select m::date as m from generate_series(?::date, ?::date, "
        + "interval '1 month') m), met as (select r.station, date_trunc('month', r.planned_at at time zone ?)::date as m "
        + "from run r where r.category = 'cchc' and " + AIRED + " and r.planned_at >= ? and r.planned_at < ? "
        + "and exists (select 1 from unnest(?::time[], ?::time[]) w(f, t) "
        + "where (coalesce(r.started_at, r.planned_at) at time zone ?)::time >= w.f "
        + "and (coalesce(r.started_at, r.planned_at) at time zone ?)::time < w.t) group by 1, 2) "
        + "select st.commune, months.m, count(distinct st.station), count(distinct met.station) "
        + "from station st cross join months left join met on met.station = st.station and met.m = months.m "
        + "group by 1, 2 order by 1, 2")) {
      int i = 1;
      s.setObject(i++, months.get(0).atDay(1));
      s.setObject(i++, months.get(months.size() - 1).atDay(1));
      s.setString(i++, zone.getId());
      s.setTimestamp(i++, PostgresHubStore.ts(period.start(zone)));
      s.setTimestamp(i++, PostgresHubStore.ts(period.end(zone)));
      s.setArray(i++, c.createArrayOf("text", starts));
      s.setArray(i++, c.createArrayOf("text", ends));
      s.setString(i++, zone.getId());
      s.setString(i, zone.getId());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          YearMonth m = YearMonth.from(rs.getObject(2, LocalDate.class));
          out.add(new ProvinceReport.Compliance(rs.getString(1), m, rs.getLong(3), rs.getLong(4), !m.isBefore(now)));
        }
      }
    }
    return out;
  }
}
