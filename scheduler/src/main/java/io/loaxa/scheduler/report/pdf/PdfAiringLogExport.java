package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.AiringLogTable;
import io.loaxa.scheduler.report.Formats;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.LogColumn;
import io.loaxa.scheduler.report.LogLine;
import io.loaxa.scheduler.report.Terms;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The airing log as a landscape A4 PDF, streamed: rows go into a table that is handed to the
 * document every {@link #FLUSH_ROWS} rows and then forgotten (OpenPDF's large-table mode), so pages
 * are written as they fill and memory stays flat. The heading row repeats on every page.
 */
public final class PdfAiringLogExport implements AiringLogExport {
  private static final int FLUSH_ROWS = 100;
  private static final float SIZE = 7f;
  private static final List<LogColumn> COLUMNS = List.of(LogColumn.RUN, LogColumn.PLANNED, LogColumn.STARTED,
      LogColumn.ENDED, LogColumn.TITLE, LogColumn.CATEGORY, LogColumn.ZONES_REQUESTED, LogColumn.ZONES_CONFIRMED,
      LogColumn.AIRTIME, LogColumn.OUTCOME, LogColumn.REASON);
  private static final float[] WIDTHS = {4.5f, 9.5f, 6f, 6f, 18f, 9f, 11f, 11f, 5.5f, 7.5f, 15f};

  private final PdfFonts fonts;

  public PdfAiringLogExport(PdfFonts fonts) {
    this.fonts = fonts;
  }

  @Override
  public long write(AiringLog log, Request request, OutputStream out) throws IOException {
    Language lang = request.language();
    AiringLogTable table = new AiringLogTable(request.station(), lang);
    Document doc = new Document(PageSize.A4.rotate(), 28, 28, 30, 40);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      String title = lang.pick("Nhật ký phát sóng", "Airing log") + " " + request.period().label(lang);
      writer.setPageEvent(new PageFrame(fonts, request.station().name() + " — " + title, lang.pick("Trang", "Page")));
      doc.addTitle(request.station().name() + " — " + title);
      doc.addCreator("loaxa");
      doc.open();
      doc.add(new Paragraph(request.station().name(), fonts.bold(13)));
      doc.add(new Paragraph(lang.pick("NHẬT KÝ PHÁT SÓNG ", "AIRING LOG, ") + request.period().label(lang),
          fonts.bold(11)));
      Paragraph sub = new Paragraph(lang.pick("Kỳ: ", "Period: ") + request.period().span()
          + lang.pick(" · giờ địa phương (", " · station local time (") + request.station().timeZone() + ")"
          + lang.pick(" · lập lúc ", " · made ") + Formats.dayTime(table.local(request.madeAt())),
          fonts.font(8, PdfStyle.GREY));
      sub.setSpacingAfter(6);
      doc.add(sub);

      PdfPTable t = newTable(lang);
      long[] rows = {0};
      DocumentException[] failure = {null};
      log.forEachRun(request.period().start(request.station().timeZone()),
          request.period().end(request.station().timeZone()), r -> {
            if (failure[0] != null) {
              return;
            }
            row(t, table.line(r), rows[0]);
            rows[0]++;
            if (rows[0] % FLUSH_ROWS == 0) {
              try {
                doc.add(t);
              } catch (DocumentException e) {
                failure[0] = e;
              }
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      t.setComplete(true);
      doc.add(t);
      Paragraph total = new Paragraph(rows[0] == 0
          ? lang.pick("Không có lượt phát nào trong kỳ.", "No airing runs in the period.")
          : lang.pick("Tổng số: " + Terms.number(rows[0], lang) + " lượt phát.",
              "Total: " + Terms.number(rows[0], lang) + " airing runs."), fonts.bold(8));
      total.setSpacingBefore(6);
      doc.add(total);
      doc.close();
      return rows[0];
    } catch (DocumentException e) {
      throw new IOException("writing the PDF: " + e.getMessage(), e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
  }

  private PdfPTable newTable(Language lang) {
    PdfPTable t = new PdfPTable(WIDTHS);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    t.setComplete(false);
    t.setSplitLate(false);
    for (LogColumn c : COLUMNS) {
      t.addCell(PdfStyle.heading(c.heading(lang), fonts, SIZE));
    }
    return t;
  }

  private void row(PdfPTable t, LogLine line, long index) {
    Color shade = index % 2 == 1 ? PdfStyle.ZEBRA : null;
    LocalDateTime planned = line.planned();
    for (LogColumn c : COLUMNS) {
      String text = switch (c) {
        case RUN -> Long.toString(line.run());
        case PLANNED -> Formats.dayTime(planned);
        case STARTED -> line.started().map(s -> time(s, planned)).orElse("");
        case ENDED -> line.ended().map(e -> time(e, line.started().orElse(planned))).orElse("");
        case AIRTIME -> line.airtime().map(Terms::clock).orElse("");
        case ZONES_CONFIRMED -> confirmed(line);
        default -> (String) line.value(c);
      };
      PdfPCell cell = new PdfPCell(new Phrase(text, fonts.font(SIZE)));
      PdfStyle.body(cell);
      if (c == LogColumn.RUN || c == LogColumn.AIRTIME) {
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
      }
      Optional<Outcome> outcome = line.record().outcome();
      if (c == LogColumn.OUTCOME && (outcome.isEmpty() || outcome.get() != Outcome.COMPLETED)) {
        cell.setBackgroundColor(outcome.isPresent() && outcome.get() == Outcome.PARTIAL ? PdfStyle.AMBER : PdfStyle.ROSE);
      } else if (shade != null) {
        cell.setBackgroundColor(shade);
      }
      t.addCell(cell);
    }
  }

  /** "06:00:05" on the same day as {@code reference}, else "05/03 00:00:05". */
  private static String time(LocalDateTime t, LocalDateTime reference) {
    return t.toLocalDate().equals(reference.toLocalDate())
        ? Formats.TIME.format(t) : Formats.DAY_MONTH.format(t) + " " + Formats.TIME.format(t);
  }

  private static String confirmed(LogLine line) {
    String confirmed = line.zonesConfirmed();
    if (line.zonesUnconfirmed().isEmpty()) {
      return confirmed;
    }
    // boards that cannot read back: switched on, not confirmed
    return (confirmed.isEmpty() ? "" : confirmed + "; ") + line.zonesUnconfirmed() + " (?)";
  }
}
