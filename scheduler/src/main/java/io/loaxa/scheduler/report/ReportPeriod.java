package io.loaxa.scheduler.report;

import io.loaxa.scheduler.UserError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, in the station's local calendar (Thông tư 04/2022/TT-BTTTT periods):
 * a month ({@code 2024-03}), a quarter ({@code 2024-Q1}), a half-year ({@code 2024-H1} = 01/01–30/06,
 * {@code 2024-H2} = 01/07–31/12), a year ({@code 2024}) or any inclusive range of days
 * ({@code 2024-03-15..2024-04-14}) for administrative cut-off windows.
 *
 * @param first the first day covered
 * @param last the last day covered (inclusive)
 */
public record ReportPeriod(Kind kind, LocalDate first, LocalDate last) {
  /** How the period was named. */
  public enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR, RANGE }

  private static final String FORMS =
      "give a month (2024-03), a quarter (2024-Q1), a half-year (2024-H1), a year (2024) or a range of days"
          + " (2024-03-15..2024-04-14)";
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE = Pattern.compile("(.+?)\\s*\\.\\.\\s*(.+)");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  public ReportPeriod {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("period ends " + last + " before it begins " + first);
    }
  }

  /**
   * Reads a period as the officer types it.
   *
   * @throws UserError saying what is wrong and which forms are accepted
   */
  public static ReportPeriod parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new UserError("the period is empty: " + FORMS);
    }
    Matcher m;
    if ((m = RANGE.matcher(t)).matches()) {
      LocalDate from = day(t, m.group(1));
      LocalDate to = day(t, m.group(2));
      if (to.isBefore(from)) {
        throw new UserError("period '" + t + "': the range ends (" + to + ") before it begins (" + from + ")");
      }
      return range(from, to);
    }
    if ((m = YEAR.matcher(t)).matches()) {
      int year = year(t, m.group(1));
      return new ReportPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    if ((m = MONTH.matcher(t)).matches()) {
      int year = year(t, m.group(1));
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new UserError("period '" + t + "': there is no month " + month + " (months are 01 to 12)");
      }
      return month(YearMonth.of(year, month));
    }
    if ((m = QUARTER.matcher(t)).matches()) {
      int year = year(t, m.group(1));
      int quarter = Integer.parseInt(m.group(2));
      if (quarter < 1 || quarter > 4) {
        throw new UserError("period '" + t + "': there is no quarter " + quarter + " (quarters are Q1 to Q4)");
      }
      LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
      return new ReportPeriod(Kind.QUARTER, first, first.plusMonths(3).minusDays(1));
    }
    if ((m = HALF.matcher(t)).matches()) {
      int year = year(t, m.group(1));
      int half = Integer.parseInt(m.group(2));
      if (half < 1 || half > 2) {
        throw new UserError("period '" + t + "': a half-year is H1 (01/01–30/06) or H2 (01/07–31/12), not H" + half);
      }
      return half == 1
          ? new ReportPeriod(Kind.HALF_YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
          : new ReportPeriod(Kind.HALF_YEAR, LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
      LocalDate d = day(t, t);
      throw new UserError("period '" + t + "': one day is the range " + d + ".." + d);
    }
    throw new UserError("period '" + t + "' is not understood: " + FORMS);
  }

  public static ReportPeriod month(YearMonth month) {
    return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
  }

  public static ReportPeriod range(LocalDate first, LocalDate last) {
    return new ReportPeriod(Kind.RANGE, first, last);
  }

  private static int year(String text, String digits) {
    int year = Integer.parseInt(digits);
    if (year < 1970) {
      throw new UserError("period '" + text + "': year " + year + " is before any airing log");
    }
    return year;
  }

  private static LocalDate day(String text, String day) {
    try {
      return LocalDate.parse(day.trim());
    } catch (DateTimeParseException e) {
      throw new UserError("period '" + text + "': '" + day.trim() + "' is not a date YYYY-MM-DD");
    }
  }

  /** The first instant of the period at the station. */
  public Instant start(ZoneId zone) {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The instant the period ends at the station (exclusive: midnight after the last day). */
  public Instant end(ZoneId zone) {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Every calendar month the period touches, in order. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** True when the period covers the whole of {@code month}, not only some of its days. */
  public boolean coversWhole(YearMonth month) {
    return !first.isAfter(month.atDay(1)) && !last.isBefore(month.atEndOfMonth());
  }

  public long days() {
    return last.toEpochDay() - first.toEpochDay() + 1;
  }

  /** The period as officers name it: "quý I năm 2024", "6 tháng đầu năm 2024", "từ ngày … đến ngày …". */
  public String label(Language lang) {
    int year = first.getYear();
    return switch (kind) {
      case MONTH -> lang.pick("tháng " + first.getMonthValue() + " năm " + year,
          first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + year);
      case QUARTER -> {
        int q = (first.getMonthValue() - 1) / 3;
        yield lang.pick("quý " + ROMAN[q] + " năm " + year, "Q" + (q + 1) + " " + year);
      }
      case HALF_YEAR -> first.getMonthValue() == 1
          ? lang.pick("6 tháng đầu năm " + year, "first half of " + year)
          : lang.pick("6 tháng cuối năm " + year, "second half of " + year);
      case YEAR -> lang.pick("năm " + year, "year " + year);
      case RANGE -> lang.pick("từ ngày " + DAY.format(first) + " đến ngày " + DAY.format(last),
          DAY.format(first) + " to " + DAY.format(last));
    };
  }

  /** The days as a span: "01/01/2024 – 31/03/2024". */
  public String span() {
    return DAY.format(first) + " – " + DAY.format(last);
  }

  /** A short name for file names and sheet titles: 2024-Q1, 2024-03, 2024-03-15_2024-04-14. */
  public String code() {
    return switch (kind) {
      case MONTH -> YearMonth.from(first).toString();
      case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
      case HALF_YEAR -> first.getYear() + "-H" + (first.getMonthValue() == 1 ? 1 : 2);
      case YEAR -> Integer.toString(first.getYear());
      case RANGE -> first + "_" + last;
    };
  }
}
