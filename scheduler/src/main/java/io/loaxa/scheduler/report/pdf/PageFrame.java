package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * The footer on every page: what the document is on the left, "Trang 3/12" on the right. The total
 * is only known at the end, so it is drawn into a small template filled when the document closes.
 */
final class PageFrame extends PdfPageEventHelper {
  private static final float SIZE = 7.5f;
  private static final Color GREY = new Color(0x55, 0x55, 0x55);
  private final PdfFonts fonts;
  private final String left;
  private final String pageWord;
  private PdfTemplate total;

  PageFrame(PdfFonts fonts, String left, String pageWord) {
    this.fonts = fonts;
    this.left = left;
    this.pageWord = pageWord;
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(40, 12);
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte cb = writer.getDirectContent();
    float y = document.bottomMargin() - 18;
    cb.setColorStroke(new Color(0xBB, 0xBB, 0xBB));
    cb.setLineWidth(0.4f);
    cb.moveTo(document.left(), y + 10);
    cb.lineTo(document.right(), y + 10);
    cb.stroke();
    ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(left, fonts.font(SIZE, GREY)), document.left(), y, 0);
    String page = pageWord + " " + writer.getPageNumber() + "/";
    float x = document.right() - 40;
    ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(page, fonts.font(SIZE, GREY)), x, y, 0);
    cb.addTemplate(total, x, y);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    total.beginText();
    total.setFontAndSize(fonts.regular(), SIZE);
    total.setColorFill(GREY);
    total.setTextMatrix(0, 0);
    total.showText(Integer.toString(writer.getPageNumber() - 1));
    total.endText();
  }
}
