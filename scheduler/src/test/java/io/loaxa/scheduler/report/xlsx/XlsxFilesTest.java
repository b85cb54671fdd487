package io.loaxa.scheduler.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.Openpyxl;
import io.loaxa.scheduler.report.Openpyxl.Sheet;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodTally;
import io.loaxa.scheduler.report.QuarterLog;
import io.loaxa.scheduler.report.ReportFilesKept;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.testkit.Integration;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officer's Excel files, read back by an independent reader (Debian's python3-openpyxl). */
@Integration
class XlsxFilesTest {
  @TempDir
  static Path dir;
  private static QuarterLog quarter;

  @BeforeAll
  static void writeTheQuarter() {
    quarter = QuarterLog.write(dir.resolve("data"));
  }

  @AfterAll
  static void close() {
    quarter.close();
  }

  private static Path exportLog(String name, Language lang, XlsxAiringLogExport export) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      long rows = export.write(quarter.log(), new AiringLogExport.Request(QuarterLog.STATION,
          ReportPeriod.parse("2024-Q1"), lang, QuarterLog.MADE_AT), out);
      assertEquals(101, rows);
    }
    ReportFilesKept.keep(file);
    return file;
  }

  @Test
  void theLogOpensWithRealDatesDurationsAndVietnameseHeadings() throws Exception {
    Sheet log = Openpyxl.read(exportLog("nhat-ky-quy-1.xlsx", Language.VI, new XlsxAiringLogExport())).sheet("Nhật ký");
    assertEquals("A4", log.freezePanes(), "the heading row stays in view");
    assertEquals("A3:P104", log.autoFilter(), "a filter on every column of 101 rows");
    assertEquals(104, log.maxRow());
    assertEquals("Giờ dự kiến", log.text("B3"));
    assertEquals("Khu vực yêu cầu", log.text("J3"));
    assertEquals("Đã bật (có xác nhận)", log.text("K3"));
    assertEquals("Thời lượng", log.text("N3"));
    assertTrue(log.text("A1").startsWith("Nhật ký phát sóng — Đài truyền thanh xã Tân Hưng — quý I năm 2024"),
        log.text("A1"));

    // the first run is 00:05 on 01/01 station time (17:05 UTC on 31/12)
    assertEquals("datetime", log.cell("B4").type());
    assertEquals("2024-01-01 00:05:00", log.text("B4"));
    assertEquals("dd/mm/yyyy hh:mm:ss", log.cell("B4").format());
    assertEquals("2024-01-01 00:05:01", log.text("C4"));
    assertEquals("timedelta", log.cell("N4").type());
    assertEquals("0:05:00", log.text("N4"));
    assertEquals("Bản tin cuối ngày", log.text("F4"));
    assertEquals("Thông tin", log.text("G4"));
    assertEquals("Tất cả 4 ấp", log.text("J4"));
    assertEquals("Hoàn thành", log.text("O4"));
    assertEquals(100, log.cell("A4").number(), "the log's own run number, written after the quarter's other rows");

    String partial = row(log, "Thiếu khu vực");
    assertEquals(QuarterLog.CCHC_TITLE, log.text("F" + partial));
    assertEquals("Cải cách hành chính", log.text("G" + partial));
    assertEquals("Ấp 1, Ấp 2, Ấp 4", log.text("K" + partial));
    assertEquals("Ấp 3", log.text("M" + partial));
    assertEquals(QuarterLog.PARTIAL_REASON, log.text("P" + partial));
    assertNotEquals("", log.cell("O" + partial).fill(), "a partial outcome is shaded");

    String missed = row(log, "Bị lỡ");
    assertTrue(!log.cells().containsKey("C" + missed), "a missed run never started");
    assertEquals(QuarterLog.MISSED_REASON, log.text("P" + missed));

    assertEquals(2760 * 60, airtimeSeconds(log, "Hoàn thành") + airtimeSeconds(log, "Thiếu khu vực"),
        "airtime of the runs that aired adds up to the report's 2 760 minutes");
  }

  @Test
  void theLogCanBeExportedWithEnglishHeadings() throws Exception {
    Sheet log = Openpyxl.read(exportLog("log-q1-en.xlsx", Language.EN, new XlsxAiringLogExport())).sheet("Log");
    assertEquals("Planned", log.text("B3"));
    assertEquals("Completed", log.text("O4"));
    assertEquals("all 4 zones", log.text("J4"));
  }

  @Test
  void aLogLongerThanASheetGoesOnInTheNextSheet() throws Exception {
    Openpyxl.Workbook book = Openpyxl.read(exportLog("nhat-ky-40.xlsx", Language.VI, new XlsxAiringLogExport(40)));
    assertEquals(List.of("Nhật ký", "Nhật ký (2)", "Nhật ký (3)"), List.copyOf(book.sheets().keySet()));
    assertEquals("A3:P43", book.sheet("Nhật ký").autoFilter());
    assertEquals("A3:P24", book.sheet("Nhật ký (3)").autoFilter(), "101 = 40 + 40 + 21");
    assertEquals("A4", book.sheet("Nhật ký (3)").freezePanes());
  }

  private static String row(Sheet sheet, String outcome) {
    return sheet.cells().entrySet().stream()
        .filter(e -> e.getKey().startsWith("O") && e.getValue().value().equals(outcome))
        .map(e -> e.getKey().substring(1)).findFirst().orElseThrow();
  }

  private static long airtimeSeconds(Sheet sheet, String outcome) {
    long total = 0;
    for (Map.Entry<String, Openpyxl.Cell> e : sheet.cells().entrySet()) {
      if (e.getKey().startsWith("O") && e.getValue().value().equals(outcome)) {
        String[] hms = sheet.text("N" + e.getKey().substring(1)).split(":");
        total += Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
      }
    }
    return total;
  }

  @Test
  void theQuarterlyReportHasItsFiguresGapsAndANativeChart() throws Exception {
    PeriodReport report = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-Q1"),
        PeakWindows.DEFAULT, Language.VI, Clock.fixed(QuarterLog.MADE_AT, ZoneOffset.UTC));
    Path file = dir.resolve("bao-cao-quy-1.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      new XlsxPeriodReport().write(report, out);
    }
    ReportFilesKept.keep(file);
    Openpyxl.Workbook book = Openpyxl.read(file);
    assertEquals(List.of("Tổng hợp", "CCHC", "Theo nội dung", "Không hoàn thành", "Biểu đồ"),
        List.copyOf(book.sheets().keySet()));

    Sheet summary = book.sheet("Tổng hợp");
    assertEquals("Đài truyền thanh xã Tân Hưng", summary.text("A1"));
    assertEquals("BÁO CÁO KẾT QUẢ PHÁT THANH — Quý I năm 2024", summary.text("A2"));
    assertTrue(summary.text("A3").contains("01/01/2024 – 31/03/2024") && summary.text("A3").contains("15/04/2024 08:30"),
        summary.text("A3"));
    String paragraph = summary.find(report.summary());
    assertTrue(summary.merged().stream().anyMatch(m -> m.startsWith(paragraph + ":")), "the paragraph spans the page");
    assertTrue(report.summary().startsWith("Trong quý I năm 2024, Đài truyền thanh xã Tân Hưng đã phát 5 lượt tin, bài"));
    String cchc = summary.find("Cải cách hành chính").substring(1);
    assertEquals(5, summary.cell("C" + cchc).number());
    assertEquals(48, summary.cell("D" + cchc).number(), 1e-9);
    assertEquals("#,##0", summary.cell("D" + cchc).format());
    assertEquals(1, summary.cell("E" + cchc).number());
    assertEquals(4, summary.cell("F" + cchc).number());
    String news = summary.find("Thời sự").substring(1);
    assertEquals(Integer.parseInt(cchc) + 1, Integer.parseInt(news), "CCHC first, then the rest");
    assertEquals(2700, summary.cell("D" + news).number(), 1e-9);
    String total = summary.find("Tổng cộng").substring(1);
    assertEquals(98, summary.cell("C" + total).number());
    assertEquals(2760, summary.cell("D" + total).number(), 1e-9);
    String ap3 = summary.find("Ấp 3").substring(1);
    assertEquals(96, summary.cell("C" + ap3).number());
    assertEquals(3, summary.cell("E" + ap3).number());
    String missed = summary.find("Bị lỡ").substring(1);
    assertEquals(QuarterLog.MISSED_REASON, summary.text("E" + missed));
    assertEquals("datetime", summary.cell("C" + missed).type());

    Sheet grid = book.sheet("CCHC");
    String heading = grid.find("02/2024");
    assertEquals("C", heading.substring(0, 1));
    int headingRow = Integer.parseInt(heading.substring(1));
    assertEquals("B" + (headingRow + 1), grid.freezePanes(), "hamlet names and months stay in view");
    String ap3Row = grid.find("Ấp 3").substring(1);
    String ap1Row = grid.find("Ấp 1").substring(1);
    assertEquals(0, grid.cell("C" + ap3Row).number(), "no CCHC in a peak hour for Ấp 3 in February");
    assertEquals(1, grid.cell("C" + ap1Row).number());
    assertEquals(2, grid.cell("B" + ap1Row).number());
    assertNotEquals("", grid.cell("C" + ap3Row).fill());
    assertNotEquals(grid.cell("C" + ap1Row).fill(), grid.cell("C" + ap3Row).fill(), "the gap is highlighted");
    assertEquals("2/3", grid.text("E" + ap3Row));
    assertEquals("3/3", grid.text("E" + ap1Row));

    Sheet titles = book.sheet("Theo nội dung");
    String t = titles.find(QuarterLog.CCHC_TITLE).substring(1);
    assertEquals("Cải cách hành chính", titles.text("B" + t));
    assertEquals(4, titles.cell("C" + t).number());
    assertEquals(40, titles.cell("D" + t).number(), 1e-9);
    assertEquals("08/01, 05/02, 20/02, 04/03", titles.text("F" + t));
    assertEquals("Tất cả 4 ấp", titles.text("G" + t));
    assertEquals("B6", titles.freezePanes());

    Sheet shortfalls = book.sheet("Không hoàn thành");
    assertEquals("2024-01-16 07:30:00", shortfalls.text("A6"));
    assertEquals("Gián đoạn", shortfalls.text("E6"));
    assertEquals("2024-02-10 06:30:00", shortfalls.text("A7"));
    assertEquals("Lỗi", shortfalls.text("E7"));
    assertEquals(QuarterLog.FAILED_REASON, shortfalls.text("F7"));
    assertEquals("A6", shortfalls.freezePanes());
    assertEquals("A5:G8", shortfalls.autoFilter());

    Sheet chartSheet = book.sheet("Biểu đồ");
    assertEquals("01/2024", chartSheet.text("A6"));
    assertEquals(31 * 30 + 5 + 8 + 10 + 2, chartSheet.cell("F6").number(), 1e-9, "January's total minutes");
    assertEquals(1, book.charts().size());
    Openpyxl.Chart chart = book.charts().get(0);
    assertEquals("barChart", chart.kind());
    assertEquals("stacked", chart.grouping());
    assertTrue(chart.overlap100(), "stacked columns overlap fully, or Excel draws them side by side");
    assertEquals(4, chart.series(), "one series per category");
    assertTrue(chart.references().contains("'Biểu đồ'!$A$6:$A$8"), chart.references().toString());
    assertTrue(chart.references().contains("'Biểu đồ'!$B$6:$B$8"), chart.references().toString());
  }
}
