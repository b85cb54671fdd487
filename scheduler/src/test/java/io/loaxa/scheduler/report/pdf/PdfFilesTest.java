package io.loaxa.scheduler.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Tools;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodTally;
import io.loaxa.scheduler.report.Poppler;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officer's PDFs, read back by poppler's pdftotext and pdffonts and compared with the log. */
@Integration
class PdfFilesTest {
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

  private static Path exportLog(String name, PdfFonts fonts) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      long rows = new PdfAiringLogExport(fonts).write(quarter.log(), new AiringLogExport.Request(QuarterLog.STATION,
          ReportPeriod.parse("2024-Q1"), Language.VI, QuarterLog.MADE_AT), out);
      assertEquals(101, rows);
    }
    ReportFilesKept.keep(file);
    return file;
  }

  private static Path report(String name, String period, Language lang) throws Exception {
    PeriodReport report = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse(period),
        PeakWindows.DEFAULT, lang, Clock.fixed(QuarterLog.MADE_AT, ZoneOffset.UTC));
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      new PdfPeriodReport(PdfFonts.load()).write(report, out);
    }
    ReportFilesKept.keep(file);
    return file;
  }

  @Test
  void theLogListsEveryRunOfTheQuarterWithItsVietnameseWordsIntact() throws Exception {
    Path pdf = exportLog("nhat-ky-quy-1.pdf", PdfFonts.load());
    String text = Poppler.text(pdf);
    assertTrue(text.contains("Đài truyền thanh xã Tân Hưng"), text);
    assertTrue(text.contains("NHẬT KÝ PHÁT SÓNG quý I năm 2024"), text);
    assertTrue(text.contains("Tổng số: 101 lượt phát."), text);
    assertEquals(91, Poppler.count(text, QuarterLog.NEWS_TITLE), "one line per daily relay");
    assertEquals(97, Poppler.count(text, "Hoàn thành"), "98 aired, one of them partial");
    assertEquals(1, Poppler.count(text, "Thiếu khu vực"));
    assertEquals(1, Poppler.count(text, "Bị lỡ"));
    assertEquals(1, Poppler.count(text, "Gián đoạn"));
    String layout = Poppler.layout(pdf);
    String partial = layout.lines().filter(l -> l.contains("Thiếu khu vực")).findFirst().orElseThrow();
    assertTrue(partial.contains("05/02/2024 18:15") && partial.contains("18:15:01") && partial.contains("18:25:01")
        && partial.contains("Ấp 1, Ấp 2, Ấp 4") && partial.contains("10:00"), partial);
    String first = layout.lines().filter(l -> l.contains("01/01/2024 00:05")).findFirst().orElseThrow();
    assertTrue(first.contains("Bản tin cuối ngày") && first.contains("Thông tin") && first.contains("5:00"), first);
    int pages = Poppler.pages(pdf);
    assertTrue(layout.contains("Trang " + pages + "/" + pages), "the last page says it is the last");
    assertEquals(pages, Poppler.count(layout, "Giờ dự kiến"), "the heading row repeats on every page");
  }

  @Test
  void theFontIsEmbeddedSoAnyComputerShowsTheDiacritics() throws Exception {
    Path pdf = exportLog("nhat-ky-font.pdf", PdfFonts.load());
    List<String> fonts = Poppler.fonts(pdf);
    assertTrue(!fonts.isEmpty() && fonts.stream().allMatch(f -> f.contains("DejaVuSans") && f.contains(" yes ")),
        "every font embedded: " + fonts);
  }

  @Test
  void theFontInsideTheJarServesAStationWithoutTheFontPackage() throws Exception {
    PdfFonts fonts = PdfFonts.load(dir.resolve("no-fonts-here"));
    assertEquals("loaxa", fonts.source());
    String text = Poppler.text(exportLog("nhat-ky-font-jar.pdf", fonts));
    assertTrue(text.contains("Chuyên mục") && text.contains("Tiêu đề") && text.contains("Thiếu khu vực")
        && text.contains(QuarterLog.NEWS_TITLE) && text.contains("Đài truyền thanh xã Tân Hưng"), text);
  }

  @Test
  void theFontFromDebiansPackageIsUsedWhenInstalled() throws Exception {
    if (!Files.exists(PdfFonts.DEBIAN_DIR.resolve("DejaVuSans.ttf"))) {
      Tools.require("fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)");
    }
    assertEquals(PdfFonts.DEBIAN_DIR.toString(), PdfFonts.load().source());
  }

  @Test
  void theQuarterlyReportStatesTheLogsFiguresAndTheGap() throws Exception {
    Path pdf = report("bao-cao-quy-1.pdf", "2024-Q1", Language.VI);
    String flat = Poppler.flat(pdf);
    PeriodReport expected = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-Q1"),
        PeakWindows.DEFAULT, Language.VI, Clock.fixed(QuarterLog.MADE_AT, ZoneOffset.UTC));
    assertTrue(flat.contains(expected.summary()), "the paragraph to paste, whole:\n" + flat);
    assertTrue(flat.contains("BÁO CÁO KẾT QUẢ PHÁT THANH Quý I năm 2024"), flat);
    assertTrue(flat.contains("Kỳ báo cáo: 01/01/2024 – 31/03/2024 · Lập lúc: 15/04/2024 08:30"), flat);

    String layout = Poppler.layout(pdf);
    assertTrue(row(layout, "Cải cách hành chính ").matches(".*Cải cách hành chính\\s+5\\s+48\\s+1\\s+4/4\\s*"),
        row(layout, "Cải cách hành chính "));
    assertTrue(row(layout, "Thời sự").matches(".*Thời sự\\s+90\\s+2\\.700\\s+1\\s+4/4\\s*"), row(layout, "Thời sự"));
    assertTrue(row(layout, "Tổng cộng").matches(".*Tổng cộng\\s+98\\s+2\\.760\\s+3\\s*"), row(layout, "Tổng cộng"));
    String grid = layout.lines().filter(l -> l.trim().startsWith("Ấp 3") && l.contains("✗")).findFirst().orElseThrow();
    assertTrue(grid.matches("\\s*Ấp 3\\s+✓ ?1\\s+✗ ?0\\s+✓ ?1\\s+2/3\\s*"), grid);
    assertTrue(flat.contains("Chưa đạt: Ấp 3 (02/2024)."), flat);
    assertTrue(layout.contains("01/2024") && layout.contains("03/2024"), "the chart's months");
    assertTrue(flat.contains(QuarterLog.MISSED_REASON), flat);
    assertTrue(flat.contains(QuarterLog.CCHC_TITLE), flat);
  }

  @Test
  void aReportCanBeMadeInEnglish() throws Exception {
    String flat = Poppler.flat(report("report-q1-en.pdf", "2024-Q1", Language.EN));
    assertTrue(flat.contains("BROADCAST REPORT Q1 2024"), flat);
    assertTrue(flat.contains("In Q1 2024, Đài truyền thanh xã Tân Hưng aired 5 administrative reform (CCHC) items"),
        flat);
  }

  @Test
  void aYearReportMadeInAprilLeavesTheMonthsNotOverOpen() throws Exception {
    String layout = Poppler.layout(report("bao-cao-nam-2024.pdf", "2024", Language.VI));
    String grid = layout.lines().filter(l -> l.trim().startsWith("Ấp 1") && l.contains("–")).findFirst().orElseThrow();
    assertTrue(grid.matches("\\s*Ấp 1\\s+✓ ?2\\s+✓ ?1\\s+✓ ?1(\\s+–){9}\\s+3/3\\s*"), grid);
  }

  private static String row(String layout, String start) {
    return layout.lines().filter(l -> l.trim().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting " + start + " in\n" + layout));
  }
}
