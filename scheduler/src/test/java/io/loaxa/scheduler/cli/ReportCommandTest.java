package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.report.Openpyxl;
import io.loaxa.scheduler.report.Poppler;
import io.loaxa.scheduler.report.QuarterLog;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loaxa report} and {@code loaxa log export} as the reporting officer types them. */
@Integration
class ReportCommandTest {
  @TempDir
  static Path dir;
  private static Path data;
  private static Path config;
  private static QuarterLog quarter;

  @BeforeAll
  static void aStationWithAQuarterOfLog() throws Exception {
    data = dir.resolve("data");
    quarter = QuarterLog.write(data);
    config = dir.resolve("station.yaml");
    Files.writeString(config, """
        station: { name: "Đài truyền thanh xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
        boards:
          - { key: tu-chinh, driver: simulated, channels: 8 }
        amplifier: { board: tu-chinh, channel: 8, warmUp: PT2S }
        zones:
          - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
          - { key: ap-2, name: "Ấp 2", board: tu-chinh, channel: 2 }
          - { key: ap-3, name: "Ấp 3", board: tu-chinh, channel: 3 }
          - { key: ap-4, name: "Ấp 4", board: tu-chinh, channel: 4 }
        audio: { output: default }
        """, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void close() {
    quarter.close();
  }

  private static CliRun station(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    all[args.length + 2] = "--data";
    all[args.length + 3] = data.toString();
    return loaxa(all);
  }

  @Test
  void theQuarterlyReportIsWrittenAndItsParagraphPrinted() throws Exception {
    Path pdf = dir.resolve("bao-cao/quy-1.pdf");
    CliRun r = station("report", "--period", "2024-Q1", "--out", pdf.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Báo cáo quý I năm 2024: 98 lượt phát, 3 lượt không hoàn thành — " + pdf), r.out());
    assertTrue(r.out().contains("Trong quý I năm 2024, Đài truyền thanh xã Tân Hưng đã phát 5 lượt tin, bài về cải"
        + " cách hành chính, tổng thời lượng 48 phút, tại 4/4 ấp."), r.out());
    String printed = r.out().lines().filter(l -> l.startsWith("Trong quý I")).findFirst().orElseThrow();
    assertTrue(Poppler.flat(pdf).contains(printed), "the printed paragraph is the one in the PDF");

    Path xlsx = dir.resolve("bao-cao/quy-1.xlsx");
    assertEquals(0, station("report", "--period", "2024-q1", "--format", "xlsx", "--out", xlsx.toString()).code());
    Openpyxl.Sheet summary = Openpyxl.read(xlsx).sheet("Tổng hợp");
    assertEquals(printed, summary.text(summary.find(printed)));
  }

  @Test
  void aBadPeriodIsAUserErrorThatSaysWhatWouldDo() {
    CliRun r = station("report", "--period", "2024-Q5", "--out", dir.resolve("x.pdf").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("period '2024-Q5': there is no quarter 5 (quarters are Q1 to Q4)"), r.err());
    assertFalse(Files.exists(dir.resolve("x.pdf")));
  }

  @Test
  void aReportNeedsAFormatItCanWrite() {
    CliRun r = station("report", "--period", "2024-03", "--out", dir.resolve("bao-cao.docx").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--format is missing"), r.err());
    CliRun csv = station("report", "--period", "2024-03", "--format", "csv", "--out", dir.resolve("b.csv").toString());
    assertEquals(1, csv.code());
    assertTrue(csv.err().contains("--format csv: expected xlsx, pdf"), csv.err());
  }

  @Test
  void otherPeakHoursCanBeGiven() {
    CliRun r = station("report", "--period", "2024-03", "--peak", "17:00-21:00", "--out",
        dir.resolve("thang-3.pdf").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("giờ cao điểm (17:00–21:00) ít nhất một lần mỗi tháng tại 0/4 ấp"), r.out());
    CliRun bad = station("report", "--period", "2024-03", "--peak", "21:00-17:00", "--out",
        dir.resolve("thang-3.pdf").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("peak window '21:00-17:00' ends before it begins"), bad.err());
  }

  @Test
  void theLogExportsToExcelAndPdfWithHamletNames() throws Exception {
    Path xlsx = dir.resolve("nhat-ky.xlsx");
    CliRun r = station("log", "export", "--from", "2024-02-01", "--to", "2024-02-29", "--out", xlsx.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Đã xuất 31 lượt phát"), r.out());
    Openpyxl.Sheet log = Openpyxl.read(xlsx).sheet("Nhật ký");
    assertEquals(34, log.maxRow(), "two title lines, the headings and 31 runs");
    assertEquals("Ấp 1, Ấp 2, Ấp 4", log.text(log.find("Thiếu khu vực").replace("O", "K")));

    Path pdf = dir.resolve("nhat-ky.pdf");
    assertEquals(0, station("log", "export", "--from", "2024-02-01", "--to", "2024-02-29", "--format", "pdf", "--out",
        pdf.toString(), "--lang", "en").code());
    String text = Poppler.text(pdf);
    assertTrue(text.contains("AIRING LOG, 01/02/2024 to 29/02/2024") && text.contains("Total: 31 airing runs."), text);
  }

  @Test
  void theCsvKeepsItsValuesAndGainsVietnameseHeadings() throws Exception {
    Path csv = dir.resolve("nhat-ky.csv");
    assertEquals(0, station("log", "export", "--from", "2024-03-31", "--to", "2024-03-31", "--out", csv.toString())
        .code());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith("\uFEFFMã lượt,Mã lịch phát,Mã chương trình,Tiêu đề,Chuyên mục"), lines.get(0));
    assertEquals(3, lines.size(), "the 06:30 relay and the 23:30 bulletin");
    assertTrue(lines.get(2).contains("2024-03-31T23:30:00+07:00") && lines.get(2).contains(",COMPLETED,"), lines.get(2));
    Path en = dir.resolve("log-en.csv");
    assertEquals(0, station("log", "export", "--from", "2024-03-31", "--to", "2024-03-31", "--out", en.toString(),
        "--lang", "en").code());
    assertTrue(Files.readAllLines(en, StandardCharsets.UTF_8).get(0).startsWith("\uFEFFrun,planned_key,programme"));
    assertEquals(1, station("log", "export", "--from", "2024-03-31", "--to", "2024-03-31", "--out", en.toString(),
        "--lang", "fr").code());
  }
}
