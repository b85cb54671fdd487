package io.loaxa.scheduler.report;

import io.loaxa.scheduler.report.PeriodReport.DaySpan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Dates and months as Vietnamese offices write them: 04/03/2024, 04–08/03, tháng 3/2024. */
public final class Formats {
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  public static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
  /** After this many spans a title's days are summarised, so a programme airing most days does not fill a page. */
  static final int MAX_SPANS = 10;

  private Formats() {}

  public static String day(LocalDate d) {
    return DAY.format(d);
  }

  public static String dayTime(LocalDateTime t) {
    return DAY_TIME.format(t);
  }

  /** "03/2024". */
  public static String month(YearMonth m) {
    return MONTH.format(m);
  }

  /** "tháng 3/2024" / "March 2024" (inside a sentence). */
  public static String monthInSentence(YearMonth m, Language lang) {
    return lang.pick("tháng " + m.getMonthValue() + "/" + m.getYear(),
        m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + m.getYear());
  }

  /**
   * Days as a short list: "04/03, 11/03, 18–22/03, 30/03–02/04"; years are added when the days are
   * not all in {@code year}. Past {@link #MAX_SPANS} spans (a programme airing most days) a list
   * would fill the page: "185 ngày, từ 01/01 đến 31/12" instead.
   */
  public static String spans(List<DaySpan> spans, int dayCount, int year, Language lang) {
    if (spans.size() > MAX_SPANS) {
      LocalDate first = spans.get(0).from();
      LocalDate last = spans.get(spans.size() - 1).to();
      DateTimeFormatter f = first.getYear() == year && last.getYear() == year ? DAY_MONTH : DAY;
      return lang.pick(dayCount + " ngày, từ " + f.format(first) + " đến " + f.format(last),
          dayCount + " days, " + f.format(first) + " to " + f.format(last));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < spans.size(); i++) {
      DaySpan s = spans.get(i);
      if (i > 0) {
        b.append(", ");
      }
      boolean withYear = s.from().getYear() != year || s.to().getYear() != year;
      DateTimeFormatter f = withYear ? DAY : DAY_MONTH;
      if (s.from().equals(s.to())) {
        b.append(f.format(s.from()));
      } else if (!withYear && s.from().getMonth() == s.to().getMonth()) {
        b.append(String.format("%02d", s.from().getDayOfMonth())).append('–').append(f.format(s.to()));
      } else {
        b.append(f.format(s.from())).append('–').append(f.format(s.to()));
      }
    }
    return b.toString();
  }
}
