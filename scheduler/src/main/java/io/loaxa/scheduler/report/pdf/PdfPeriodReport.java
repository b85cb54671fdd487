package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.loaxa.scheduler.report.Formats;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
import io.loaxa.scheduler.report.PeriodReport.HamletLine;
import io.loaxa.scheduler.report.PeriodReport.Shortfall;
import io.loaxa.scheduler.report.PeriodReport.ShortfallGroup;
import io.loaxa.scheduler.report.PeriodReport.TitleLine;
import io.loaxa.scheduler.report.PeriodReportWriter;
import io.loaxa.scheduler.report.Terms;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The period report as a portrait A4 PDF to print or attach: the header, the paragraph of figures,
 * tables by category, the monthly airtime chart, the CCHC compliance grid (gaps in red), tables by
 * hamlet and by content title, and the runs that did not complete with their reasons.
 */
public final class PdfPeriodReport implements PeriodReportWriter {
  /** Runs that did not complete listed one by one in the PDF; the XLSX lists more. */
  static final int LISTED_SHORTFALLS = 60;
  /** Months per block of the compliance grid, so a long range still fits the page width. */
  private static final int GRID_MONTHS = 12;
  private static final float SIZE = 8.5f;

  private final PdfFonts fonts;

  public PdfPeriodReport(PdfFonts fonts) {
    this.fonts = fonts;
  }

  @Override
  public void write(PeriodReport report, OutputStream out) throws IOException {
    Document doc = new Document(PageSize.A4, 42, 42, 40, 48);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      Language lang = report.language();
      String title = lang.pick("Báo cáo kết quả phát thanh ", "Broadcast report, ") + report.period().label(lang);
      writer.setPageEvent(new PageFrame(fonts, report.station().name() + " — " + title, lang.pick("Trang", "Page")));
      doc.addTitle(report.station().name() + " — " + title);
      doc.addCreator("loaxa");
      doc.open();
      new Pages(doc, writer, report, lang).write();
      doc.close();
    } catch (DocumentException e) {
      throw new IOException("writing the PDF: " + e.getMessage(), e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
  }

  private final class Pages {
    private final Document doc;
    private final PdfWriter writer;
    private final PeriodReport r;
    private final Language lang;
    private final String word;

    Pages(Document doc, PdfWriter writer, PeriodReport report, Language lang) {
      this.doc = doc;
      this.writer = writer;
      this.r = report;
      this.lang = lang;
      this.word = report.station().hamletWord();
    }

    void write() throws DocumentException {
      header();
      summary();
      categories();
      chart();
      compliance();
      hamlets();
      titles();
      shortfalls();
    }

    private void header() throws DocumentException {
      Paragraph station = new Paragraph(r.station().name(), fonts.bold(14));
      station.setAlignment(Element.ALIGN_CENTER);
      doc.add(station);
      Paragraph title = new Paragraph(lang.pick("BÁO CÁO KẾT QUẢ PHÁT THANH", "BROADCAST REPORT"), fonts.bold(13));
      title.setAlignment(Element.ALIGN_CENTER);
      title.setSpacingBefore(4);
      doc.add(title);
      String label = r.period().label(lang);
      Paragraph period = new Paragraph(label.substring(0, 1).toUpperCase(new Locale("vi")) + label.substring(1),
          fonts.bold(11));
      period.setAlignment(Element.ALIGN_CENTER);
      doc.add(period);
      Paragraph meta = new Paragraph(lang.pick("Kỳ báo cáo: ", "Period: ") + r.period().span()
          + lang.pick(" · Lập lúc: ", " · Made: ")
          + Formats.dayTime(LocalDateTime.ofInstant(r.madeAt(), r.station().timeZone()))
          + lang.pick(" · Giờ cao điểm CCHC: ", " · CCHC peak hours: ") + r.peaks(), fonts.font(8, PdfStyle.GREY));
      meta.setAlignment(Element.ALIGN_CENTER);
      meta.setSpacingAfter(10);
      doc.add(meta);
    }

    private void summary() throws DocumentException {
      PdfPTable box = new PdfPTable(1);
      box.setWidthPercentage(100);
      PdfPCell cell = new PdfPCell();
      cell.setBackgroundColor(PdfStyle.NOTE);
      cell.setBorderColor(PdfStyle.LINE);
      cell.setBorderWidth(0.5f);
      cell.setPadding(8);
      cell.addElement(new Paragraph(lang.pick("Tóm tắt số liệu (để dán vào báo cáo)", "Summary (to paste)"),
          fonts.bold(9, PdfStyle.GREY)));
      Paragraph p = new Paragraph(14, r.summary(), fonts.font(10));
      p.setAlignment(Element.ALIGN_JUSTIFIED);
      cell.addElement(p);
      box.addCell(cell);
      box.setSpacingBefore(4);
      doc.add(box);
    }

    /** A section heading on its own, for a section without a table. */
    private void section(String text) throws DocumentException {
      Paragraph p = new Paragraph(text, fonts.bold(11));
      p.setSpacingBefore(10);
      doc.add(p);
    }

    private void categories() throws DocumentException {
      PdfPTable t = table(lang.pick("1. Theo chuyên mục", "1. By category"), new float[] {34, 13, 17, 17, 19},
          lang.pick("Chuyên mục", "Category"), lang.pick("#Lượt phát", "#Airings"),
          lang.pick("#Thời lượng (phút)", "#Airtime (min)"), lang.pick("#Không hoàn thành", "#Not completed"),
          lang.pick("#Số " + word + " đã phát", "#Hamlets reached"));
      for (CategoryLine c : r.categories()) {
        boolean cchc = Terms.isCchc(c.key());
        Font f = cchc ? fonts.bold(SIZE) : fonts.font(SIZE);
        t.addCell(cell(c.name(), f, cchc && c.aired() == 0 ? PdfStyle.ROSE : null));
        t.addCell(number(c.aired(), f));
        t.addCell(number(Terms.minutes(c.airtime()), f));
        t.addCell(number(c.notCompleted(), f));
        t.addCell(right(c.hamletsReached() + "/" + r.station().hamlets().size(), f));
      }
      Font b = fonts.bold(SIZE);
      t.addCell(total(lang.pick("Tổng cộng", "Total"), b, Element.ALIGN_LEFT));
      t.addCell(total(n(r.totals().aired()), b, Element.ALIGN_RIGHT));
      t.addCell(total(n(Terms.minutes(r.totals().airtime())), b, Element.ALIGN_RIGHT));
      t.addCell(total(n(r.totals().notCompleted()), b, Element.ALIGN_RIGHT));
      t.addCell(total("", b, Element.ALIGN_RIGHT));
      doc.add(t);
      note(lang.pick("Lượt phát: các lượt hoàn thành hoặc thiếu khu vực; thời lượng tính từ lúc bắt đầu phát đến khi"
          + " kết thúc.", "Airings: runs completed or partial; airtime from the first sample to the end."));
    }

    private void chart() throws DocumentException {
      Image chart = PdfChart.draw(writer.getDirectContent(), r.monthly(), fonts, doc.right() - doc.left(), lang);
      PdfPTable holder = new PdfPTable(1);
      holder.setWidthPercentage(100);
      holder.addCell(sectionCell(lang.pick("2. Thời lượng phát theo tháng, theo chuyên mục",
          "2. Airtime per month by category"), 1));
      PdfPCell cell = new PdfPCell(chart, false);
      cell.setBorder(Rectangle.NO_BORDER);
      cell.setPaddingTop(4);
      holder.addCell(cell);
      holder.setKeepTogether(true);
      doc.add(holder);
    }

    private void compliance() throws DocumentException {
      String heading = lang.pick("3. Tuân thủ CCHC: ít nhất một lượt trong giờ cao điểm mỗi tháng tại mỗi " + word,
          "3. CCHC compliance: at least one airing in peak hours each month in each hamlet");
      Compliance c = r.compliance();
      if (c.hamlets().isEmpty()) {
        section(heading);
        note(lang.pick("Cấu hình đài chưa có " + word + " nào.", "The station config has no hamlets."));
        return;
      }
      for (int from = 0; from < c.months().size(); from += GRID_MONTHS) {
        int to = Math.min(c.months().size(), from + GRID_MONTHS);
        boolean lastBlock = to == c.months().size();
        int months = to - from;
        int columns = months + 1 + (lastBlock ? 1 : 0);
        float[] widths = new float[columns];
        widths[0] = 3f;
        for (int i = 1; i < columns; i++) {
          widths[i] = 1.3f;
        }
        if (lastBlock) {
          widths[columns - 1] = 1.2f;
        }
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(months > 6 ? 100 : 30 + 10 * (columns - 1));
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setSpacingBefore(from == 0 ? 0 : 8);
        if (from == 0) {
          t.addCell(sectionCell(heading, columns));
        }
        t.addCell(PdfStyle.heading(lang.pick("Tên", "Hamlet"), fonts, SIZE - 0.5f));
        for (int m = from; m < to; m++) {
          PdfPCell h = PdfStyle.heading(Formats.month(c.months().get(m)) + (c.partial().get(m) ? "*" : ""), fonts, 6.5f);
          h.setHorizontalAlignment(Element.ALIGN_CENTER);
          h.setPaddingLeft(1);
          h.setPaddingRight(1);
          t.addCell(h);
        }
        if (lastBlock) {
          PdfPCell h = PdfStyle.heading(lang.pick("Đạt", "Met"), fonts, SIZE - 0.5f);
          h.setHorizontalAlignment(Element.ALIGN_CENTER);
          t.addCell(h);
        }
        t.setHeaderRows(from == 0 ? 2 : 1);
        for (int h = 0; h < c.hamlets().size(); h++) {
          t.addCell(cell(c.hamlets().get(h).name(), fonts.font(SIZE), null));
          for (int m = from; m < to; m++) {
            PdfPCell cell;
            if (c.isGap(m, h)) {
              cell = cell("✗ 0", fonts.bold(SIZE, PdfStyle.DARK_RED), PdfStyle.ROSE);
            } else if (c.isMet(m, h)) {
              cell = cell("✓ " + c.peak(m, h), fonts.font(SIZE), PdfStyle.GREEN);
            } else {
              cell = cell("–", fonts.font(SIZE, Color.GRAY), null);
            }
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(cell);
          }
          if (lastBlock) {
            long met = c.met(h);
            long judged = c.judged(h);
            PdfPCell cell = cell(met + "/" + judged, met == judged ? fonts.font(SIZE)
                : fonts.bold(SIZE, PdfStyle.DARK_RED), null);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(cell);
          }
        }
        if (lastBlock) {
          // the legend travels with the grid, so a page break cannot part them
          PdfPCell legend = new PdfPCell();
          legend.setColspan(columns);
          legend.setBorder(Rectangle.NO_BORDER);
          legend.setPaddingTop(4);
          legend.addElement(new Paragraph(10, legend(), fonts.font(7.5f, PdfStyle.GREY)));
          List<Compliance.Gap> gaps = c.gaps();
          if (!gaps.isEmpty()) {
            legend.addElement(new Paragraph(10, lang.pick("Chưa đạt: ", "Gaps: ") + gaps.stream()
                .map(g -> g.hamlet().name() + " (" + g.months().stream().map(Formats::month)
                    .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ")) + ".", fonts.font(7.5f, PdfStyle.DARK_RED)));
          }
          t.addCell(legend);
        }
        t.setKeepTogether(true);
        doc.add(t);
      }
    }

    private String legend() {
      return lang.pick("✓ n: số lượt tin, bài CCHC phát tới " + word + " trong giờ cao điểm (" + r.peaks() + "); ✗: tháng"
          + " đã qua mà chưa có lượt nào; –: tháng chưa kết thúc, chưa có lượt nào; * tháng chỉ nằm một phần trong kỳ."
          + " Tính các lượt hoàn thành, hoặc thiếu khu vực nhưng đã bật loa " + word + " đó.",
          "✓ n: CCHC airings reaching the hamlet in peak hours (" + r.peaks() + "); ✗: a month over with none; –: a"
              + " month not over, none so far; * month only partly in the period. Counts completed runs, and partial"
              + " runs where the hamlet was switched on.");
    }

    private void hamlets() throws DocumentException {
      PdfPTable t = table(lang.pick("4. Theo " + word, "4. By hamlet"), new float[] {34, 15, 17, 15, 19},
          lang.pick("Tên", "Hamlet"), lang.pick("#Lượt phát", "#Airings"),
          lang.pick("#Thời lượng (phút)", "#Airtime (min)"), lang.pick("#Lượt CCHC", "#CCHC airings"),
          lang.pick("#Thời lượng CCHC (phút)", "#CCHC airtime (min)"));
      for (HamletLine h : r.hamlets()) {
        t.addCell(cell(h.hamlet().name() + (h.inConfig() ? "" : lang.pick(" (không còn trong cấu hình)",
            " (no longer configured)")), fonts.font(SIZE), null));
        t.addCell(number(h.aired(), fonts.font(SIZE)));
        t.addCell(number(Terms.minutes(h.airtime()), fonts.font(SIZE)));
        PdfPCell cchc = number(h.cchcAired(), fonts.font(SIZE));
        if (h.inConfig() && h.cchcAired() == 0) {
          cchc.setBackgroundColor(PdfStyle.ROSE);
        }
        t.addCell(cchc);
        t.addCell(number(Terms.minutes(h.cchcAirtime()), fonts.font(SIZE)));
      }
      doc.add(t);
    }

    private void titles() throws DocumentException {
      String heading = lang.pick("5. Theo nội dung", "5. By title");
      if (r.titles().isEmpty()) {
        section(heading);
        note(lang.pick("Không có lượt phát nào trong kỳ.", "No airings in the period."));
        return;
      }
      PdfPTable t = table(heading, new float[] {31, 14, 8, 9, 24, 14}, lang.pick("Tiêu đề", "Title"),
          lang.pick("Chuyên mục", "Category"), lang.pick("#Lượt", "#Airings"), lang.pick("#Phút", "#Min"),
          lang.pick("Ngày phát", "Dates"), lang.pick("Nơi phát", "Hamlets"));
      float size = SIZE - 0.5f;
      for (TitleLine l : r.titles()) {
        t.addCell(cell(l.title(), fonts.font(size), null));
        t.addCell(cell(l.categoryName(), fonts.font(size), null));
        t.addCell(number(l.aired(), fonts.font(size)));
        t.addCell(number(Terms.minutes(l.airtime()), fonts.font(size)));
        t.addCell(cell(Formats.spans(l.days(), l.dayCount(), r.period().first().getYear(), lang), fonts.font(size - 0.5f),
            null));
        t.addCell(cell(hamlets(l.hamlets()), fonts.font(size - 0.5f), null));
      }
      doc.add(t);
    }

    private String hamlets(List<String> keys) {
      int all = r.station().hamlets().size();
      if (all > 1 && keys.size() == all && r.station().hamlets().stream().allMatch(h -> keys.contains(h.key()))) {
        return lang.pick("Tất cả " + all + " " + word, "all " + all + " hamlets");
      }
      return keys.stream().map(k -> r.station().hamletName(k)).collect(Collectors.joining(", "));
    }

    private void shortfalls() throws DocumentException {
      String heading = lang.pick("6. Lượt phát không hoàn thành", "6. Runs not completed");
      if (r.shortfallGroups().isEmpty()) {
        section(heading);
        note(lang.pick("Không có: tất cả các lượt phát đều hoàn thành.", "None: every run completed."));
        return;
      }
      PdfPTable groups = table(heading, new float[] {16, 9, 21, 54}, lang.pick("Kết quả", "Outcome"),
          lang.pick("#Số lượt", "#Runs"), lang.pick("Ngày", "Dates"), lang.pick("Lý do", "Reason"));
      for (ShortfallGroup g : r.shortfallGroups()) {
        groups.addCell(cell(g.outcomeName(), fonts.font(SIZE), PdfStyle.ROSE));
        groups.addCell(number(g.count(), fonts.font(SIZE)));
        groups.addCell(cell(g.first().equals(g.last()) ? Formats.day(g.first())
            : Formats.day(g.first()) + " – " + Formats.day(g.last()), fonts.font(SIZE - 0.5f), null));
        groups.addCell(cell(g.reason(), fonts.font(SIZE - 0.5f), null));
      }
      doc.add(groups);

      List<Shortfall> listed = r.shortfalls().stream().limit(LISTED_SHORTFALLS).toList();
      PdfPTable t = table(lang.pick("Chi tiết", "Details"), new float[] {17, 29, 13, 41},
          lang.pick("Giờ dự kiến", "Planned"), lang.pick("Tiêu đề", "Title"), lang.pick("Kết quả", "Outcome"),
          lang.pick("Lý do", "Reason"));
      float size = SIZE - 0.5f;
      for (Shortfall f : listed) {
        t.addCell(cell(Formats.dayTime(f.planned()), fonts.font(size), null));
        t.addCell(cell(f.title(), fonts.font(size), null));
        t.addCell(cell(f.outcomeName(), fonts.font(size), null));
        t.addCell(cell(f.reason(), fonts.font(size - 0.5f), null));
      }
      doc.add(t);
      long more = r.totals().notCompleted() - listed.size();
      if (more > 0) {
        note(lang.pick("… và " + n(more) + " lượt khác: xem bảng tính XLSX hoặc nhật ký phát sóng (loaxa log export).",
            "… and " + n(more) + " more: see the XLSX report or the airing log (loaxa log export)."));
      }
    }

    /** A heading row spanning the table, so the heading never sits alone at the foot of a page. */
    private PdfPCell sectionCell(String text, int columns) {
      PdfPCell c = new PdfPCell(new Phrase(text, fonts.bold(11)));
      c.setColspan(columns);
      c.setBorder(Rectangle.NO_BORDER);
      c.setPaddingLeft(0);
      c.setPaddingTop(10);
      c.setPaddingBottom(6);
      return c;
    }

    /**
     * A table under a section heading. The heading is the table's first row and repeats with the
     * column headings on each page the table runs onto.
     */
    private PdfPTable table(String section, float[] widths, String... headings) {
      PdfPTable t = new PdfPTable(widths);
      t.setWidthPercentage(100);
      t.addCell(sectionCell(section, widths.length));
      t.setHeaderRows(2);
      for (String heading : headings) {
        // a heading written "#…" heads a column of numbers: aligned right like them
        boolean numeric = heading.startsWith("#");
        PdfPCell h = PdfStyle.heading(numeric ? heading.substring(1) : heading, fonts, SIZE - 0.5f);
        if (numeric) {
          h.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        t.addCell(h);
      }
      return t;
    }

    private PdfPCell cell(String text, Font font, Color background) {
      PdfPCell c = new PdfPCell(new Phrase(text, font));
      PdfStyle.body(c);
      if (background != null) {
        c.setBackgroundColor(background);
      }
      return c;
    }

    private PdfPCell number(long value, Font font) {
      return right(n(value), font);
    }

    private PdfPCell right(String text, Font font) {
      PdfPCell c = cell(text, font, null);
      c.setHorizontalAlignment(Element.ALIGN_RIGHT);
      return c;
    }

    private PdfPCell total(String text, Font font, int align) {
      PdfPCell c = new PdfPCell(new Phrase(text, font));
      c.setBorder(Rectangle.TOP);
      c.setBorderWidth(0.8f);
      c.setPadding(3);
      c.setHorizontalAlignment(align);
      return c;
    }

    private void note(String text) throws DocumentException {
      note(text, PdfStyle.GREY);
    }

    private void note(String text, Color colour) throws DocumentException {
      Paragraph p = new Paragraph(10, text, fonts.font(7.5f, colour));
      p.setSpacingBefore(3);
      doc.add(p);
    }

    private String n(long value) {
      return Terms.number(value, lang);
    }
  }
}
