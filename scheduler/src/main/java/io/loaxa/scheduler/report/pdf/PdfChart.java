package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeriodReport.MonthlyAirtime;
import io.loaxa.scheduler.report.ReportColours;
import io.loaxa.scheduler.report.Terms;
import java.awt.Color;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Airtime per month by category as stacked columns, drawn with the PDF's own vector operators
 * (rectangles, lines, text in the embedded font) into a template placed like an image. Vector
 * drawing stays sharp in print, adds a few kilobytes, and needs no charting library or AWT
 * rendering on a headless station.
 */
final class PdfChart {
  private static final float AXIS_LEFT = 42;
  private static final float AXIS_BOTTOM = 22;
  private static final float TOP = 14;
  private static final float PLOT_HEIGHT = 170;
  private static final float LEGEND_ROW = 13;
  private static final float SIZE = 7;

  private PdfChart() {}

  static Image draw(PdfContentByte cb, MonthlyAirtime m, PdfFonts fonts, float width, Language lang)
      throws BadElementException {
    BaseFont font = fonts.regular();
    List<float[]> legend = legendLayout(m, font, width);
    int legendRows = legend.isEmpty() ? 0 : (int) legend.get(legend.size() - 1)[1] + 1;
    float height = TOP + PLOT_HEIGHT + AXIS_BOTTOM + 6 + legendRows * LEGEND_ROW;
    PdfTemplate t = cb.createTemplate(width, height);
    float plotLeft = AXIS_LEFT;
    float plotRight = width - 6;
    float plotBottom = height - TOP - PLOT_HEIGHT;
    float plotTop = height - TOP;

    double max = m.maxMonthMinutes();
    double step = niceStep(max / 5);
    double top = Math.max(step, Math.ceil(max / step) * step);
    // grid and minute labels
    t.setLineWidth(0.3f);
    for (double v = 0; v <= top + step / 2; v += step) {
      float y = plotBottom + (float) (v / top) * PLOT_HEIGHT;
      t.setColorStroke(v == 0 ? Color.DARK_GRAY : new Color(0xDD, 0xDD, 0xDD));
      t.moveTo(plotLeft, y);
      t.lineTo(plotRight, y);
      t.stroke();
      text(t, font, SIZE, Element.ALIGN_RIGHT, Terms.number(Math.round(v), lang), plotLeft - 4, y - 2.5f, Color.DARK_GRAY);
    }
    text(t, font, SIZE, Element.ALIGN_LEFT, lang.pick("phút", "minutes"), 2, plotTop + 4, Color.DARK_GRAY);

    int n = m.months().size();
    float slot = (plotRight - plotLeft) / Math.max(1, n);
    float bar = Math.min(slot * 0.62f, 46);
    int labelEvery = Math.max(1, (int) Math.ceil(n / 24.0));
    for (int i = 0; i < n; i++) {
      float x = plotLeft + slot * i + (slot - bar) / 2;
      float y = plotBottom;
      long total = 0;
      for (int c = 0; c < m.categories().size(); c++) {
        double minutes = m.minutes(i, c);
        if (minutes <= 0) {
          continue;
        }
        float h = (float) (minutes / top) * PLOT_HEIGHT;
        t.setColorFill(colour(c));
        t.rectangle(x, y, bar, h);
        t.fill();
        y += h;
        total += m.seconds()[i][c];
      }
      if (total > 0 && n <= 24) {
        text(t, font, 6, Element.ALIGN_CENTER, Terms.number(Math.round(total / 60.0), lang), x + bar / 2, y + 2,
            Color.DARK_GRAY);
      }
      if (i % labelEvery == 0) {
        text(t, font, SIZE, Element.ALIGN_CENTER, monthLabel(m.months().get(i), n), plotLeft + slot * i + slot / 2,
            plotBottom - 10, Color.DARK_GRAY);
      }
    }
    if (max == 0) {
      text(t, font, 8, Element.ALIGN_CENTER, lang.pick("Không có lượt phát nào trong kỳ", "No airings in the period"),
          (plotLeft + plotRight) / 2, plotBottom + PLOT_HEIGHT / 2, Color.GRAY);
    }
    // legend: a swatch and the category's name, wrapped into rows
    float legendTop = plotBottom - AXIS_BOTTOM - 4;
    for (int c = 0; c < legend.size(); c++) {
      float x = legend.get(c)[0];
      float y = legendTop - legend.get(c)[1] * LEGEND_ROW - 8;
      t.setColorFill(colour(c));
      t.rectangle(x, y, 8, 8);
      t.fill();
      text(t, font, SIZE + 0.5f, Element.ALIGN_LEFT, m.categoryNames().get(c), x + 11, y + 1, Color.BLACK);
    }
    return Image.getInstance(t);
  }

  /** Per category: x and row of its legend entry. */
  private static List<float[]> legendLayout(MonthlyAirtime m, BaseFont font, float width) {
    List<float[]> places = new ArrayList<>();
    float x = AXIS_LEFT;
    int row = 0;
    for (String name : m.categoryNames()) {
      float w = 11 + font.getWidthPoint(name, SIZE + 0.5f) + 14;
      if (x + w > width && x > AXIS_LEFT) {
        x = AXIS_LEFT;
        row++;
      }
      places.add(new float[] {x, row});
      x += w;
    }
    return places;
  }

  private static String monthLabel(YearMonth m, int months) {
    return months <= 8
        ? String.format("%02d/%d", m.getMonthValue(), m.getYear())
        : String.format("%02d/%02d", m.getMonthValue(), m.getYear() % 100);
  }

  private static Color colour(int category) {
    return new Color(ReportColours.category(category));
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (rough <= 0) {
      return 10;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double f : new double[] {1, 2, 5, 10}) {
      if (f * power >= rough) {
        return Math.max(1, f * power);
      }
    }
    return 10 * power;
  }

  private static void text(PdfTemplate t, BaseFont font, float size, int align, String s, float x, float y,
      Color colour) {
    t.beginText();
    t.setFontAndSize(font, size);
    t.setColorFill(colour);
    t.showTextAligned(align, s, x, y, 0);
    t.endText();
  }
}
