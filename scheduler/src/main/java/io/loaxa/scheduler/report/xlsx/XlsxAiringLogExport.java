package io.loaxa.scheduler.report.xlsx;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.AiringLogTable;
import io.loaxa.scheduler.report.Formats;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.LogColumn;
import io.loaxa.scheduler.report.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The airing log as an Excel workbook, streamed: POI's SXSSF keeps a window of rows in memory and
 * flushes the rest to a compressed temporary file, so the heap stays flat however long the log is.
 * A title row, then one heading row (frozen, with a filter) and one row per run: real dates, the
 * airtime as a duration, not-completed outcomes shaded. Past Excel's row limit the log goes on in
 * a second sheet.
 */
public final class XlsxAiringLogExport implements AiringLogExport {
  /** Rows SXSSF keeps in memory before flushing to its temporary file. */
  private static final int WINDOW = 200;
  private static final int HEADING_ROW = 2;
  private final int rowsPerSheet;

  public XlsxAiringLogExport() {
    this(1_048_576 - HEADING_ROW - 1);
  }

  /** With a smaller sheet size, to test the overflow into further sheets. */
  XlsxAiringLogExport(int rowsPerSheet) {
    this.rowsPerSheet = rowsPerSheet;
  }

  @Override
  public long write(AiringLog log, Request request, OutputStream out) throws IOException {
    AiringLogTable table = new AiringLogTable(request.station(), request.language());
    List<LogColumn> columns = List.of(LogColumn.values());
    // inline strings, not a shared-strings table: that table would grow with every distinct title and reason
    // close() also deletes SXSSF's temporary files
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, false)) {
      XlsxStyles styles = new XlsxStyles(wb);
      wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title(request));
      wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("loaxa");
      Writer writer = new Writer(wb, styles, table, request, columns);
      try {
        log.forEachRun(request.period().start(request.station().timeZone()),
            request.period().end(request.station().timeZone()), r -> writer.row(table.line(r)));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      writer.finishSheet();
      wb.write(out);
      return writer.rows;
    }
  }

  private static String title(Request request) {
    Language lang = request.language();
    return lang.pick("Nhật ký phát sóng", "Airing log") + " — " + request.station().name() + " — "
        + request.period().label(lang);
  }

  private final class Writer {
    private final SXSSFWorkbook wb;
    private final XlsxStyles styles;
    private final Request request;
    private final List<LogColumn> columns;
    private SXSSFSheet sheet;
    private int sheetNumber;
    private int next;
    long rows;

    Writer(SXSSFWorkbook wb, XlsxStyles styles, AiringLogTable table, Request request, List<LogColumn> columns) {
      this.wb = wb;
      this.styles = styles;
      this.request = request;
      this.columns = columns;
      newSheet();
    }

    private void newSheet() {
      Language lang = request.language();
      sheetNumber++;
      String name = lang.pick("Nhật ký", "Log") + (sheetNumber > 1 ? " (" + sheetNumber + ")" : "");
      sheet = wb.createSheet(name);
      Row title = sheet.createRow(0);
      cell(title, 0, title(request), styles.title);
      Row sub = sheet.createRow(1);
      cell(sub, 0, lang.pick("Kỳ: ", "Period: ") + request.period().span() + lang.pick(" · giờ địa phương (",
          " · station local time (") + request.station().timeZone() + ")" + lang.pick(" · lập lúc ", " · made ")
          + Formats.dayTime(LocalDateTime.ofInstant(request.madeAt(), request.station().timeZone())), styles.note);
      Row heading = sheet.createRow(HEADING_ROW);
      heading.setHeightInPoints(30);
      for (int c = 0; c < columns.size(); c++) {
        cell(heading, c, columns.get(c).heading(lang), styles.heading);
        sheet.setColumnWidth(c, columns.get(c).width() * 256 + 512);
      }
      sheet.createFreezePane(0, HEADING_ROW + 1);
      PrintSetup print = sheet.getPrintSetup();
      print.setLandscape(true);
      print.setPaperSize(PrintSetup.A4_PAPERSIZE);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
      sheet.setFitToPage(true);
      sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, 0, columns.size() - 1));
      sheet.getHeader().setCenter(request.station().name());
      sheet.getFooter().setRight("&P / &N");
      next = HEADING_ROW + 1;
    }

    void finishSheet() {
      sheet.setAutoFilter(new CellRangeAddress(HEADING_ROW, Math.max(HEADING_ROW, next - 1), 0, columns.size() - 1));
    }

    void row(LogLine line) {
      if (next - HEADING_ROW - 1 >= rowsPerSheet) {
        finishSheet();
        try {
          sheet.flushRows();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        newSheet();
      }
      Row row = sheet.createRow(next++);
      for (int c = 0; c < columns.size(); c++) {
        LogColumn column = columns.get(c);
        Object value = line.value(column);
        Cell cell = row.createCell(c);
        if (value instanceof Long n) {
          cell.setCellValue(n);
          cell.setCellStyle(styles.integer);
        } else if (value instanceof LocalDateTime t) {
          cell.setCellValue(t);
          cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Duration d) {
          cell.setCellValue(d.toSeconds() / 86_400.0);
          cell.setCellStyle(styles.duration);
        } else {
          String text = (String) value;
          if (!text.isEmpty()) {
            cell.setCellValue(text);
          }
          cell.setCellStyle(column == LogColumn.OUTCOME ? outcomeStyle(line) : styles.text);
        }
      }
      rows++;
    }

    private CellStyle outcomeStyle(LogLine line) {
      Outcome o = line.record().outcome().orElse(null);
      if (o == Outcome.COMPLETED) {
        return styles.text;
      }
      return o == Outcome.PARTIAL || o == null ? styles.warn : styles.bad;
    }
  }

  private static void cell(Row row, int column, String text, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(text);
    c.setCellStyle(style);
  }
}
