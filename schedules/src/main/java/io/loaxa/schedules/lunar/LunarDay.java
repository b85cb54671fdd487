package io.loaxa.schedules.lunar;

import io.loaxa.schedules.Bilingual;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day of the lunar calendar as a schedule writes it, without a year: "10/3" (Giỗ Tổ, every
 * year), "15/4 nhuận" (only in years with a leap fourth month), "15" (Rằm, every month, leap
 * months included) or "last/12" (the last day of tháng Chạp, 29 or 30). A day 30 falls only in
 * the months that have one; a fixed-month day skips the leap month of the same number.
 *
 * @param month the month 1–12, or empty for every month
 * @param day the day 1–30, or empty for the last day of the month
 * @param leap whether the day is in the leap month following {@code month}; needs a month
 */
public record LunarDay(OptionalInt month, OptionalInt day, boolean leap) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,2}|last)(?:/(\\d{1,2}))?( nhuận)?");
  private static final String HOW_VI = "hãy viết \"D/M\" với ngày 1..30 (hoặc \"last\") và tháng âm lịch 1..12, "
      + "ví dụ \"10/3\", \"15/4 nhuận\", \"last/12\", hoặc chỉ ghi ngày để phát hằng tháng, ví dụ \"15\"";
  private static final String HOW = "write \"D/M\" with a day 1..30 (or \"last\") and a lunar month 1..12, "
      + "e.g. \"10/3\", \"15/4 nhuận\", \"last/12\", or a day alone for every month, e.g. \"15\"";

  public LunarDay {
    if (month.isPresent() && (month.getAsInt() < 1 || month.getAsInt() > 12)) {
      throw new IllegalArgumentException("lunar month out of range 1..12: " + month.getAsInt());
    }
    if (day.isPresent() && (day.getAsInt() < 1 || day.getAsInt() > 30)) {
      throw new IllegalArgumentException("lunar day out of range 1..30: " + day.getAsInt());
    }
    if (leap && month.isEmpty()) {
      throw new IllegalArgumentException("a leap month needs its number");
    }
  }

  /** The day as a schedule writes it, if {@code text} is one; see {@link #refusal} for why not. */
  public static Optional<LunarDay> parse(String text) {
    Matcher m = FORM.matcher(normalised(text));
    if (!m.matches()) {
      return Optional.empty();
    }
    OptionalInt day = m.group(1).equals("last") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(1)));
    OptionalInt month = m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2)));
    boolean leap = m.group(3) != null;
    if ((day.isPresent() && (day.getAsInt() < 1 || day.getAsInt() > 30))
        || (month.isPresent() && (month.getAsInt() < 1 || month.getAsInt() > 12))
        || (leap && month.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new LunarDay(month, day, leap));
  }

  /**
   * What to tell the operator about {@code text}, in their words, when {@link #parse} refuses it:
   * {@code bad lunar day '31/8'; write "D/M" with a day 1..30 ...}. Empty when it parses.
   */
  public static Optional<String> refusal(String text) {
    if (parse(text).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Bilingual.of("ngày âm lịch '" + text.strip() + "' không hợp lệ; " + HOW_VI,
        "bad lunar day '" + text.strip() + "'; " + HOW));
  }

  /** Whether a lunar date is one of this day's. */
  public boolean matches(LunarDate date) {
    if (month.isPresent() && (month.getAsInt() != date.month() || leap != date.leap())) {
      return false;
    }
    if (day.isPresent()) {
      return day.getAsInt() == date.day();
    }
    return date.day() == VietnameseCalendar.monthLength(date.year(), date.month(), date.leap());
  }

  /**
   * The solar days this falls on from {@code from} up to but not including {@code until}, in order;
   * both within 1900-01-01 .. 2101-01-01.
   */
  public List<LocalDate> between(LocalDate from, LocalDate until) {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + until);
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
      if (matches(VietnameseCalendar.toLunar(d))) {
        days.add(d);
      }
    }
    return days;
  }

  /** As a schedule writes it: "10/3", "15/4 nhuận", "15", "last/12". */
  @Override
  public String toString() {
    String d = day.isPresent() ? Integer.toString(day.getAsInt()) : "last";
    return month.isPresent() ? d + "/" + month.getAsInt() + (leap ? " nhuận" : "") : d;
  }

  private static String normalised(String text) {
    // Vietnamese keyboards may send "nhuận" decomposed (NFD); schedule files may carry either form.
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }
}
