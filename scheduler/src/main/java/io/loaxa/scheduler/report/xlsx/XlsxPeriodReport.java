package io.loaxa.scheduler.report.xlsx;

import io.loaxa.scheduler.station.Station;

import io.loaxa.scheduler.report.Formats;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
import io.loaxa.scheduler.report.PeriodReport.HamletLine;
import io.loaxa.scheduler.report.PeriodReport.MonthlyAirtime;
import io.loaxa.scheduler.report.PeriodReport.Shortfall;
import io.loaxa.scheduler.report.PeriodReport.ShortfallGroup;
import io.loaxa.scheduler.report.PeriodReport.TitleLine;
import io.loaxa.scheduler.report.PeriodReportWriter;
import io.loaxa.scheduler.report.ReportColours;
import io.loaxa.scheduler.report.Terms;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;

/**
 * The period report as an Excel workbook: a summary sheet (header, the paragraph to paste, tables by
 * category, by hamlet and by outcome), the CCHC compliance grid with gaps in red, the table by
 * content title, the runs that did not complete, and airtime per month by category with a native
 * stacked column chart. The report is already summed up, so an ordinary in-memory workbook does for
 * the summary, the grid and the chart; the two long lists (titles, and up to
 * {@code PeriodTally.MAX_SHORTFALLS} runs not completed) are streamed (SXSSF, strings inline), since
 * an in-memory sheet spends most of the report's time filing each of their cells' texts in the
 * shared string table.
 */
public final class XlsxPeriodReport implements PeriodReportWriter {
  private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  private static final int SUMMARY_COLUMNS = 7;
  /** Rows of a streamed sheet kept in memory. */
  private static final int WINDOW = 200;

  @Override
  public void write(PeriodReport report, OutputStream out) throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    // close() closes the in-memory workbook too and deletes the streamed sheets' temporary files
    try (SXSSFWorkbook streamed = new SXSSFWorkbook(wb, WINDOW, false, false)) {
      XlsxStyles styles = new XlsxStyles(wb);
      Language lang = report.language();
      wb.getProperties().getCoreProperties().setTitle(report.station().name() + " — "
          + lang.pick("Báo cáo kết quả phát thanh ", "Broadcast report, ") + report.period().label(lang));
      wb.getProperties().getCoreProperties().setCreator("loaxa");
      Book book = new Book(wb, streamed, styles, report, lang);
      book.summary();
      book.compliance();
      book.titles();
      book.shortfalls();
      book.chart();
      streamed.write(out);
    }
  }

  private static final class Book {
    private final XSSFWorkbook wb;
    /** The same workbook, for the sheets written row by row. */
    private final SXSSFWorkbook streamed;
    private final XlsxStyles s;
    private final PeriodReport r;
    private final Language lang;

    Book(XSSFWorkbook wb, SXSSFWorkbook streamed, XlsxStyles styles, PeriodReport report, Language lang) {
      this.wb = wb;
      this.streamed = streamed;
      this.s = styles;
      this.r = report;
      this.lang = lang;
    }

    /** Station, title, period, when made; returns the next free row. */
    private int header(Sheet sheet, String what) {
      text(sheet, 0, 0, r.station().name(), s.title);
      String label = r.period().label(lang);
      text(sheet, 1, 0, what + " — " + label.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + label.substring(1),
          s.subtitle);
      text(sheet, 2, 0, lang.pick("Kỳ báo cáo: ", "Period: ") + r.period().span() + lang.pick(" · lập lúc ", " · made ")
          + Formats.dayTime(LocalDateTime.ofInstant(r.madeAt(), r.station().timeZone()))
          + lang.pick(" (giờ địa phương)", " (station time)"), s.note);
      sheet.getHeader().setCenter(r.station().name());
      sheet.getFooter().setRight("&P / &N");
      PrintSetup print = sheet.getPrintSetup();
      print.setPaperSize(PrintSetup.A4_PAPERSIZE);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
      sheet.setFitToPage(true);
      return 4;
    }

    void summary() {
      XSSFSheet sheet = wb.createSheet(lang.pick("Tổng hợp", "Summary"));
      int[] widths = {34, 14, 12, 16, 16, 16, 16};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      int row = header(sheet, lang.pick("BÁO CÁO KẾT QUẢ PHÁT THANH", "BROADCAST REPORT"));
      text(sheet, row, 0, lang.pick("Giờ cao điểm (CCHC): ", "Peak hours (CCHC): ") + r.peaks(), s.note);
      row += 2;
      text(sheet, row++, 0, lang.pick("Tóm tắt số liệu (để dán vào báo cáo)", "Summary (to paste into the report)"),
          s.section);
      Row paragraph = sheet.createRow(row);
      Cell p = paragraph.createCell(0);
      p.setCellValue(r.summary());
      p.setCellStyle(s.wrap);
      sheet.addMergedRegion(new CellRangeAddress(row, row, 0, SUMMARY_COLUMNS - 1));
      int lineChars = 0;
      for (int w : widths) {
        lineChars += w;
      }
      // Excel does not grow a merged cell's row to fit wrapped text: size it from the text length
      paragraph.setHeightInPoints(15f * (r.summary().length() / (lineChars * 0.95f) + 1.5f));
      row += 2;

      text(sheet, row++, 0, lang.pick("1. Theo chuyên mục", "1. By category"), s.section);
      headings(sheet, row++, lang.pick("Chuyên mục", "Category"), lang.pick("Mã", "Key"),
          lang.pick("Lượt phát", "Airings"), lang.pick("Thời lượng (phút)", "Airtime (min)"),
          lang.pick("Không hoàn thành", "Not completed"), lang.pick("Số " + r.station().hamletWord() + " đã phát",
              "Hamlets reached"));
      for (CategoryLine c : r.categories()) {
        Row line = sheet.createRow(row++);
        text(line, 0, c.name(), Terms.isCchc(c.key()) && c.aired() == 0 ? s.bad : s.text);
        text(line, 1, c.key(), s.text);
        number(line, 2, c.aired(), s.integer);
        minutes(line, 3, c.airtime(), s.minutes);
        number(line, 4, c.notCompleted(), s.integer);
        number(line, 5, c.hamletsReached(), s.integer);
      }
      Row total = sheet.createRow(row++);
      text(total, 0, lang.pick("Tổng cộng", "Total"), s.totalLabel);
      text(total, 1, "", s.totalLabel);
      number(total, 2, r.totals().aired(), s.totalInteger);
      minutes(total, 3, r.totals().airtime(), s.totalMinutes);
      number(total, 4, r.totals().notCompleted(), s.totalInteger);
      text(total, 5, "", s.totalLabel);
      text(sheet, row++, 0, lang.pick(
          "Lượt phát: các lượt hoàn thành hoặc thiếu khu vực; thời lượng tính từ lúc bắt đầu phát đến khi kết thúc.",
          "Airings: runs completed or partial; airtime from the first sample to the end."), s.note);
      row++;

      text(sheet, row++, 0, lang.pick("2. Theo " + r.station().hamletWord(), "2. By hamlet"), s.section);
      headings(sheet, row++, lang.pick("Tên", "Hamlet"), lang.pick("Mã", "Key"), lang.pick("Lượt phát", "Airings"),
          lang.pick("Thời lượng (phút)", "Airtime (min)"), lang.pick("Lượt CCHC", "CCHC airings"),
          lang.pick("Thời lượng CCHC (phút)", "CCHC airtime (min)"));
      for (HamletLine h : r.hamlets()) {
        Row line = sheet.createRow(row++);
        text(line, 0, h.hamlet().name() + (h.inConfig() ? "" : lang.pick(" (không còn trong cấu hình)",
            " (no longer configured)")), s.text);
        text(line, 1, h.hamlet().key(), s.text);
        number(line, 2, h.aired(), s.integer);
        minutes(line, 3, h.airtime(), s.minutes);
        number(line, 4, h.cchcAired(), h.inConfig() && h.cchcAired() == 0 ? s.bad : s.integer);
        minutes(line, 5, h.cchcAirtime(), s.minutes);
      }
      row++;

      text(sheet, row++, 0, lang.pick("3. Lượt phát không hoàn thành, theo lý do", "3. Runs not completed, by reason"),
          s.section);
      headings(sheet, row++, lang.pick("Kết quả", "Outcome"), lang.pick("Số lượt", "Runs"),
          lang.pick("Từ ngày", "First"), lang.pick("Đến ngày", "Last"), lang.pick("Lý do", "Reason"));
      if (r.shortfallGroups().isEmpty()) {
        text(sheet, row++, 0, lang.pick("Không có.", "None."), s.note);
      }
      for (ShortfallGroup g : r.shortfallGroups()) {
        Row line = sheet.createRow(row++);
        text(line, 0, g.outcomeName(), s.bad);
        number(line, 1, g.count(), s.integer);
        day(line, 2, g.first());
        day(line, 3, g.last());
        text(line, 4, g.reason(), s.text);
      }
    }

    void compliance() {
      Compliance c = r.compliance();
      XSSFSheet sheet = wb.createSheet("CCHC");
      int row = header(sheet, lang.pick("TUÂN THỦ CCHC", "CCHC COMPLIANCE"));
      text(sheet, row++, 0, lang.pick(
          "Số lượt tin, bài cải cách hành chính phát tới mỗi " + r.station().hamletWord()
              + " trong giờ cao điểm (" + r.peaks() + "), theo tháng. Ô đỏ: tháng chưa có lượt nào (chưa đạt).",
          "CCHC airings reaching each hamlet in peak hours (" + r.peaks() + "), per month. Red: none that month."),
          s.note);
      text(sheet, row++, 0, lang.pick(
          "Tính các lượt hoàn thành, hoặc thiếu khu vực nhưng đã bật loa " + r.station().hamletWord()
              + " đó. * tháng chỉ nằm một phần trong kỳ; – tháng chưa kết thúc, chưa có lượt nào.",
          "Counts completed runs, and partial runs where that hamlet was switched on. * month only partly in the"
              + " period; – month not over yet, none so far."), s.note);
      row++;
      int headingRow = row;
      Row heading = sheet.createRow(row++);
      heading.setHeightInPoints(30);
      text(heading, 0, lang.pick("Tên", "Hamlet"), s.heading);
      sheet.setColumnWidth(0, 24 * 256);
      for (int m = 0; m < c.months().size(); m++) {
        text(heading, m + 1, Formats.month(c.months().get(m)) + (c.partial().get(m) ? "*" : ""), s.heading);
        sheet.setColumnWidth(m + 1, 10 * 256);
      }
      int last = c.months().size() + 1;
      text(heading, last, lang.pick("Số tháng đạt", "Months met"), s.heading);
      sheet.setColumnWidth(last, 12 * 256);
      for (int h = 0; h < c.hamlets().size(); h++) {
        Row line = sheet.createRow(row++);
        text(line, 0, c.hamlets().get(h).name(), s.text);
        for (int m = 0; m < c.months().size(); m++) {
          if (c.open().get(m) && !c.isMet(m, h)) {
            text(line, m + 1, "–", s.future);
          } else {
            number(line, m + 1, c.peak(m, h), c.isGap(m, h) ? s.gap : s.good);
          }
        }
        long met = c.met(h);
        long judged = c.judged(h);
        text(line, last, met + "/" + judged, met == judged ? s.text : s.bad);
      }
      sheet.createFreezePane(1, headingRow + 1);
      sheet.setAutoFilter(new CellRangeAddress(headingRow, Math.max(headingRow, row - 1), 0, last));
      row++;
      text(sheet, row++, 0, lang.pick("Lượt CCHC ngoài giờ cao điểm (không tính vào tuân thủ)",
          "CCHC airings outside peak hours (not counted)"), s.section);
      Row offHeading = sheet.createRow(row++);
      text(offHeading, 0, lang.pick("Tên", "Hamlet"), s.heading);
      for (int m = 0; m < c.months().size(); m++) {
        text(offHeading, m + 1, Formats.month(c.months().get(m)), s.heading);
      }
      for (int h = 0; h < c.hamlets().size(); h++) {
        Row line = sheet.createRow(row++);
        text(line, 0, c.hamlets().get(h).name(), s.text);
        for (int m = 0; m < c.months().size(); m++) {
          number(line, m + 1, c.offPeak(m, h), s.integer);
        }
      }
    }

    void titles() {
      SXSSFSheet sheet = streamed.createSheet(lang.pick("Theo nội dung", "By title"));
      int row = header(sheet, lang.pick("THEO NỘI DUNG", "BY TITLE"));
      int headingRow = row;
      headings(sheet, row++, lang.pick("Tiêu đề", "Title"), lang.pick("Chuyên mục", "Category"),
          lang.pick("Lượt phát", "Airings"), lang.pick("Thời lượng (phút)", "Airtime (min)"),
          lang.pick("Số ngày", "Days"), lang.pick("Ngày phát", "Dates"),
          lang.pick("Nơi phát", "Hamlets"));
      int[] widths = {46, 22, 10, 12, 9, 44, 30};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      for (TitleLine t : r.titles()) {
        Row line = sheet.createRow(row++);
        text(line, 0, t.title(), s.wrap);
        text(line, 1, t.categoryName(), s.text);
        number(line, 2, t.aired(), s.integer);
        minutes(line, 3, t.airtime(), s.minutes);
        number(line, 4, t.dayCount(), s.integer);
        text(line, 5, Formats.spans(t.days(), t.dayCount(), r.period().first().getYear(), lang), s.wrap);
        text(line, 6, hamlets(t.hamlets()), s.wrap);
      }
      sheet.createFreezePane(1, headingRow + 1);
      sheet.setAutoFilter(new CellRangeAddress(headingRow, Math.max(headingRow, row - 1), 0, widths.length - 1));
    }

    private String hamlets(List<String> keys) {
      int all = r.station().hamlets().size();
      if (all > 1 && keys.size() == all && r.station().hamlets().stream().allMatch(h -> keys.contains(h.key()))) {
        return lang.pick("Tất cả " + all + " " + r.station().hamletWord(), "all " + all + " hamlets");
      }
      return keys.stream().map(k -> r.station().hamletName(k)).collect(Collectors.joining(", "));
    }

    void shortfalls() {
      SXSSFSheet sheet = streamed.createSheet(lang.pick("Không hoàn thành", "Not completed"));
      int row = header(sheet, lang.pick("LƯỢT PHÁT KHÔNG HOÀN THÀNH", "RUNS NOT COMPLETED"));
      int headingRow = row;
      headings(sheet, row++, lang.pick("Giờ dự kiến", "Planned"), lang.pick("Mã lượt", "Run"),
          lang.pick("Tiêu đề", "Title"), lang.pick("Chuyên mục", "Category"), lang.pick("Kết quả", "Outcome"),
          lang.pick("Lý do", "Reason"), lang.pick("Khu vực yêu cầu", "Zones requested"));
      int[] widths = {19, 9, 40, 20, 16, 50, 26};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      for (Shortfall f : r.shortfalls()) {
        Row line = sheet.createRow(row++);
        Cell planned = line.createCell(0);
        planned.setCellValue(f.planned());
        planned.setCellStyle(s.dateTime);
        number(line, 1, f.run(), s.integer);
        text(line, 2, f.title(), s.text);
        text(line, 3, f.categoryName(), s.text);
        text(line, 4, f.outcomeName(), s.bad);
        text(line, 5, f.reason(), s.text);
        text(line, 6, f.zonesRequested(), s.text);
      }
      sheet.createFreezePane(0, headingRow + 1);
      sheet.setAutoFilter(new CellRangeAddress(headingRow, Math.max(headingRow, row - 1), 0, widths.length - 1));
      if (r.shortfallsNotListed() > 0) {
        text(sheet, row + 1, 0, lang.pick("… và " + r.shortfallsNotListed() + " lượt khác: xem nhật ký phát sóng đầy đủ"
            + " (loaxa log export).", "… and " + r.shortfallsNotListed() + " more: see the full airing log"
            + " (loaxa log export)."), s.note);
      }
    }

    void chart() {
      MonthlyAirtime m = r.monthly();
      XSSFSheet sheet = wb.createSheet(lang.pick("Biểu đồ", "Chart"));
      int row = header(sheet, lang.pick("THỜI LƯỢNG PHÁT THEO THÁNG", "AIRTIME PER MONTH"));
      int headingRow = row;
      Row heading = sheet.createRow(row++);
      heading.setHeightInPoints(30);
      text(heading, 0, lang.pick("Tháng", "Month"), s.heading);
      sheet.setColumnWidth(0, 12 * 256);
      for (int c = 0; c < m.categories().size(); c++) {
        text(heading, c + 1, m.categoryNames().get(c), s.heading);
        sheet.setColumnWidth(c + 1, 14 * 256);
      }
      int totalColumn = m.categories().size() + 1;
      text(heading, totalColumn, lang.pick("Tổng (phút)", "Total (min)"), s.heading);
      sheet.setColumnWidth(totalColumn, 12 * 256);
      int firstData = row;
      for (int i = 0; i < m.months().size(); i++) {
        Row line = sheet.createRow(row++);
        text(line, 0, Formats.month(m.months().get(i)), s.text);
        long total = 0;
        for (int c = 0; c < m.categories().size(); c++) {
          number(line, c + 1, m.minutes(i, c), s.minutes);
          total += m.seconds()[i][c];
        }
        number(line, totalColumn, total / 60.0, s.totalMinutes);
      }
      int lastData = row - 1;
      sheet.createFreezePane(1, headingRow + 1);
      text(sheet, row++, 0, lang.pick("Đơn vị: phút.", "Minutes."), s.note);

      XSSFDrawing drawing = sheet.createDrawingPatriarch();
      int chartTop = row + 1;
      int chartWidth = Math.max(10, Math.min(24, m.months().size() + 6));
      XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, chartTop, chartWidth, chartTop + 22);
      XSSFChart chart = drawing.createChart(anchor);
      chart.setTitleText(lang.pick("Thời lượng phát theo tháng, theo chuyên mục (phút)",
          "Airtime per month by category (minutes)"));
      chart.setTitleOverlay(false);
      chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
      XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
      XDDFValueAxis minutes = chart.createValueAxis(AxisPosition.LEFT);
      minutes.setCrosses(AxisCrosses.AUTO_ZERO);
      minutes.setCrossBetween(AxisCrossBetween.BETWEEN);
      minutes.setTitle(lang.pick("phút", "minutes"));
      XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
          new CellRangeAddress(firstData, lastData, 0, 0));
      XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, months, minutes);
      data.setBarDirection(BarDirection.COL);
      data.setBarGrouping(BarGrouping.STACKED);
      data.setGapWidth(60);
      data.setVaryColors(false);
      for (int c = 0; c < m.categories().size(); c++) {
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
            new CellRangeAddress(firstData, lastData, c + 1, c + 1));
        XDDFChartData.Series series = data.addSeries(labels, values);
        series.setTitle(m.categoryNames().get(c), new CellReference(sheet.getSheetName(), headingRow, c + 1, true, true));
        int rgb = ReportColours.category(c);
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(
            new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb})));
      }
      chart.plot(data);
      overlapFully(chart);
    }

    /**
     * Stacked columns only stack in Excel when the series overlap fully ({@code <c:overlap val="100"/>}).
     * POI's setter for it needs a schema type that poi-ooxml-lite leaves out (the full schema jar is
     * 14 MB), so the element is written directly, where the schema orders it: right after the gap width.
     */
    private static void overlapFully(XSSFChart chart) {
      CTBarChart bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
      try (XmlCursor cursor = bar.newCursor()) {
        if (!cursor.toChild(new QName(CHART_NS, "gapWidth"))) {
          throw new IllegalStateException("the bar chart has no gap width to place the overlap after");
        }
        cursor.toEndToken();
        cursor.toNextToken();
        cursor.beginElement(new QName(CHART_NS, "overlap", "c"));
        cursor.insertAttributeWithValue("val", "100");
      }
    }

    private void headings(Sheet sheet, int row, String... names) {
      Row r = sheet.createRow(row);
      r.setHeightInPoints(30);
      for (int c = 0; c < names.length; c++) {
        text(r, c, names[c], s.heading);
      }
    }

    private void day(Row row, int column, LocalDate d) {
      Cell cell = row.createCell(column);
      cell.setCellValue(d);
      cell.setCellStyle(s.day);
    }
  }

  private static void text(Sheet sheet, int row, int column, String value, CellStyle style) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    text(r, column, value, style);
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(value);
    c.setCellStyle(style);
  }

  private static void number(Row row, int column, double value, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(value);
    c.setCellStyle(style);
  }

  private static void minutes(Row row, int column, Duration d, CellStyle style) {
    number(row, column, d.toSeconds() / 60.0, style);
  }
}
