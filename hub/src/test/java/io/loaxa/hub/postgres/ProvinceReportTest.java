package io.loaxa.hub.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.hub.Bodies;
import io.loaxa.hub.HubPostgres;
import io.loaxa.hub.StationMessage;
import io.loaxa.hub.report.ProvinceReport;
import io.loaxa.hub.report.xlsx.XlsxProvinceReport;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Integration
class ProvinceReportTest {
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String[] CATEGORIES = {"cchc", "thoi-su", "pctt", "phap-luat"};
  static final String[] OUTCOMES = {"COMPLETED", "COMPLETED", "COMPLETED", "PARTIAL", "FAILED", "MISSED", null};
  static HubPostgres pg;
  static ProvinceReport report;

  @BeforeAll
  static void start() throws Exception {
    pg = HubPostgres.start();
    Instant t = Instant.parse("2026-10-01T00:00:00Z");
    pg.stations(t, "tan-hung", "Tân Hưng", "tan-hung-2", "Tân Hưng", "binh-an", "Bình An", "my-loc", "Mỹ Lộc",
        "my-loc-b", "Mỹ Lộc", "an-phu", "An Phú");
    String[] stations = {"tan-hung", "tan-hung-2", "binh-an", "my-loc", "my-loc-b", "an-phu"};
    Random random = new Random(7);
    long began = System.nanoTime();
    List<StationMessage> batch = new ArrayList<>();
    long seq = 10;
    for (int i = 0; i < 6000; i++) {
      String station = stations[random.nextInt(stations.length)];
      // from mid-September to mid-January local, so the period's edges cut through the data
      LocalDateTime local = LocalDateTime.of(2026, 9, 15, 0, 0).plusMinutes(random.nextInt(122 * 24 * 60));
      if (random.nextInt(4) == 0) {
        // many at the edge of the peak windows, to test the boundaries
        int[] minutes = {4 * 60 + 59, 5 * 60, 6 * 60 + 59, 7 * 60, 16 * 60 + 59, 17 * 60, 19 * 60 + 29, 19 * 60 + 30};
        local = local.toLocalDate().atStartOfDay().plusMinutes(minutes[random.nextInt(minutes.length)]);
      }
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
      batch.add(HubPostgres.decoded(station, "run", Bodies.run(station, ++seq, i + 1, category, local.atZone(VN).toInstant(),
          outcome)));
      if (batch.size() == 500) {
        pg.store.file(batch, t);
        batch.clear();
      }
    }
    pg.store.file(batch, t);
    System.out.printf("filed 6000 runs in %d ms%n", (System.nanoTime() - began) / 1_000_000);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-15T03:00:00Z"));
    report = new PostgresProvinceReport(pg.database, clock).report(ReportPeriod.parse("2026-Q4"), VN, PeakWindows.DEFAULT);
  }

  @AfterAll
  static void stop() {
    pg.close();
  }

  /** The same figures written by hand in plain SQL, independently of the report's queries. */
  static String psql(String sql) throws Exception {
    return pg.cluster.psql(sql).strip();
  }

  static final String IN_Q4 = "(r.planned_at at time zone 'Asia/Ho_Chi_Minh') >= '2026-10-01' "
      + "and (r.planned_at at time zone 'Asia/Ho_Chi_Minh') < '2027-01-01'";

  @Test
  void theCommuneFiguresAreThoseOfAHandWrittenAggregate() throws Exception {
    String expected = psql("select s.commune || ';' || count(distinct r.station) || ';' || count(*) || ';' "
        + "|| sum(case when r.outcome = 'COMPLETED' or r.outcome = 'PARTIAL' then 1 else 0 end) || ';' "
        + "|| sum(case when r.outcome = 'COMPLETED' or r.outcome = 'PARTIAL' then extract(epoch from r.ended_at) - extract(epoch from r.started_at) else 0 end)::bigint "
        + "|| ';' || sum(case when r.outcome = 'COMPLETED' or r.outcome = 'PARTIAL' then 0 else 1 end) "
        + "from run r, station s where s.station = r.station and " + IN_Q4 + " group by s.commune order by s.commune");
    String actual = report.communes().stream().map(c -> c.commune() + ";" + c.stations() + ";" + c.runs() + ";" + c.aired()
        + ";" + c.airtimeSeconds() + ";" + c.notAired()).collect(Collectors.joining("\n"));
    assertEquals(expected, actual);
    assertEquals(4, report.communes().size());
    long runs = report.communes().stream().mapToLong(ProvinceReport.CommuneLine::runs).sum();
    assertTrue(runs > 4000 && runs < 6000, "the period cuts the data: " + runs);
  }

  @Test
  void theCategoryFiguresAreThoseOfAHandWrittenAggregate() throws Exception {
    String expected = psql("select s.commune || ';' || r.category || ';' || count(*) || ';' "
        + "|| count(*) filter (where r.outcome in ('COMPLETED', 'PARTIAL')) "
        + "from run r join station s using (station) where " + IN_Q4 + " group by s.commune, r.category order by 1");
    String actual = report.categories().stream().map(c -> c.commune() + ";" + c.category() + ";" + c.runs() + ";" + c.aired())
        .collect(Collectors.joining("\n"));
    assertEquals(expected.lines().sorted().toList(), actual.lines().sorted().toList());
  }

  @Test
  void cchcComplianceIsThatOfAHandWrittenAggregatePerCommunePerMonth() throws Exception {
    String expected = psql("select s.commune || ';' || m.month || ';' || count(*) || ';' || count(*) filter (where exists ("
        + "select 1 from run r where r.station = s.station and r.category = 'cchc' and r.outcome in ('COMPLETED', 'PARTIAL') "
        + "and to_char(r.planned_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') = m.month and ("
        + "extract(hour from r.started_at at time zone 'Asia/Ho_Chi_Minh') * 60 + extract(minute from r.started_at at time zone 'Asia/Ho_Chi_Minh') between 300 and 419 "
        + "or extract(hour from r.started_at at time zone 'Asia/Ho_Chi_Minh') * 60 + extract(minute from r.started_at at time zone 'Asia/Ho_Chi_Minh') between 1020 and 1169))) "
        + "from station s, (values ('2026-10'), ('2026-11'), ('2026-12')) m(month) group by s.commune, m.month order by 1");
    String actual = report.compliance().stream().map(c -> c.commune() + ";" + c.month() + ";" + c.stations() + ";"
        + c.stationsMet()).collect(Collectors.joining("\n"));
    assertEquals(expected.lines().sorted().toList(), actual.lines().sorted().toList());
    assertEquals(4 * 3, report.compliance().size());
    assertTrue(report.compliance().stream().filter(c -> c.month().getMonthValue() == 12).allMatch(ProvinceReport.Compliance::open));
    assertTrue(report.compliance().stream().filter(c -> c.month().getMonthValue() == 10).noneMatch(ProvinceReport.Compliance::open));
  }

  @Test
  void theWorkbookHasTheThreeSheets() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxProvinceReport().write(report, out);
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(List.of("Theo xã", "Theo chuyên mục", "CCHC"),
          List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
      assertEquals(report.communes().get(0).runs(), (long) book.getSheetAt(0).getRow(3).getCell(2).getNumericCellValue());
    }
  }
}
