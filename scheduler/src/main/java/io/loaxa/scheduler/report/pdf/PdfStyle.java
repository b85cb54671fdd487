package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import java.awt.Color;

/** The look shared by loaxa PDFs: heading cells, body cells, the few colours. */
final class PdfStyle {
  static final Color GREY = new Color(0x55, 0x55, 0x55);
  static final Color HEADING = new Color(0xDD, 0xE3, 0xEA);
  static final Color LINE = new Color(0xB0, 0xB8, 0xC0);
  static final Color ZEBRA = new Color(0xF4, 0xF6, 0xF8);
  static final Color ROSE = new Color(0xF8, 0xD0, 0xCC);
  static final Color AMBER = new Color(0xFC, 0xEB, 0xB6);
  static final Color GREEN = new Color(0xD5, 0xEE, 0xD5);
  static final Color RED = new Color(0xE5, 0x73, 0x6A);
  static final Color DARK_RED = new Color(0x8B, 0x10, 0x10);
  static final Color NOTE = new Color(0xF3, 0xF4, 0xF6);

  private PdfStyle() {}

  static PdfPCell heading(String text, PdfFonts fonts, float size) {
    PdfPCell cell = new PdfPCell(new Phrase(text, fonts.bold(size)));
    cell.setBackgroundColor(HEADING);
    cell.setBorderColor(LINE);
    cell.setBorderWidth(0.4f);
    cell.setPadding(3);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return cell;
  }

  static void body(PdfPCell cell) {
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(new Color(0xDD, 0xDD, 0xDD));
    cell.setBorderWidth(0.3f);
    cell.setPaddingTop(2);
    cell.setPaddingBottom(3);
    cell.setPaddingLeft(3);
    cell.setPaddingRight(3);
  }
}
