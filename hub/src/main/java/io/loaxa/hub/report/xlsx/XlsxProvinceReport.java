package io.loaxa.hub.report.xlsx;

import io.loaxa.hub.report.ProvinceReport;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the province report as .xlsx: "Theo xã", "Theo chuyên mục", "CCHC"; Vietnamese headings with English beneath. */
public final class XlsxProvinceReport {
  public void write(ProvinceReport r, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet communes = book.createSheet("Theo xã");
      title(communes, bold, "Báo cáo phát thanh toàn tỉnh " + r.period().code() + " (" + r.period().first() + " – "
          + r.period().last() + ")");
      header(communes, bold, "Xã (commune)", "Số đài (stations)", "Lượt (runs)", "Đã phát (aired)", "Thời lượng, phút (minutes)",
          "Không phát được (not aired)");
      int i = 3;
      for (ProvinceReport.CommuneLine c : r.communes()) {
        Row row = communes.createRow(i++);
        row.createCell(0).setCellValue(c.commune());
        row.createCell(1).setCellValue(c.stations());
        row.createCell(2).setCellValue(c.runs());
        row.createCell(3).setCellValue(c.aired());
        row.createCell(4).setCellValue(Math.round(c.airtimeSeconds() / 6.0) / 10.0);
        row.createCell(5).setCellValue(c.notAired());
      }
      Sheet categories = book.createSheet("Theo chuyên mục");
      title(categories, bold, "Theo xã và chuyên mục (per commune and category)");
      header(categories, bold, "Xã (commune)", "Chuyên mục (category)", "Lượt (runs)", "Đã phát (aired)",
          "Thời lượng, phút (minutes)");
      i = 3;
      for (ProvinceReport.CategoryLine c : r.categories()) {
        Row row = categories.createRow(i++);
        row.createCell(0).setCellValue(c.commune());
        row.createCell(1).setCellValue(c.category());
        row.createCell(2).setCellValue(c.runs());
        row.createCell(3).setCellValue(c.aired());
        row.createCell(4).setCellValue(Math.round(c.airtimeSeconds() / 6.0) / 10.0);
      }
      Sheet cchc = book.createSheet("CCHC");
      title(cchc, bold, "Chuyên mục CCHC trong giờ cao điểm theo tháng (CCHC in a peak window, month by month)");
      header(cchc, bold, "Xã (commune)", "Tháng (month)", "Số đài (stations)", "Đài đạt (stations met)", "Đạt (met)");
      i = 3;
      for (ProvinceReport.Compliance c : r.compliance()) {
        Row row = cchc.createRow(i++);
        row.createCell(0).setCellValue(c.commune());
        row.createCell(1).setCellValue(c.month().toString());
        row.createCell(2).setCellValue(c.stations());
        row.createCell(3).setCellValue(c.stationsMet());
        row.createCell(4).setCellValue(c.met() ? "đạt (met)" : c.open() ? "chưa hết tháng (month open)" : "thiếu (gap)");
      }
      for (Sheet s : book) {
        for (int col = 0; col < 6; col++) {
          s.setColumnWidth(col, 22 * 256);
        }
      }
      book.write(out);
    }
  }

  private static void title(Sheet s, CellStyle bold, String text) {
    var cell = s.createRow(0).createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(bold);
  }

  private static void header(Sheet s, CellStyle bold, String... names) {
    Row row = s.createRow(2);
    for (int i = 0; i < names.length; i++) {
      var cell = row.createCell(i);
      cell.setCellValue(names[i]);
      cell.setCellStyle(bold);
    }
  }
}
