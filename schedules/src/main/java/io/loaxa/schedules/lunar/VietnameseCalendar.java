package io.loaxa.schedules.lunar;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The Vietnamese lunar calendar (âm lịch) from 1900 to 2100: converts the days on which the
 * station airs between solar and lunar dates, and answers what a lunar year holds (Tết, the leap
 * month, the length of each month, its last day).
 *
 * <p>Computed the way the official calendar is: months start on the local day of each new moon
 * at UTC+7 (105° east), tháng 11 is the month holding the winter solstice, and in a year of 13
 * months the first month without a major solar term is the leap month. The same rules with
 * China's UTC+8 give China's calendar, which now and then starts a month a day later (Tết 1985:
 * 21 January here, 20 February in China after a different leap month; Tết 2007: 17 February here,
 * 18 February there). Almanacs printed in Vietnam before 1968 were reckoned at UTC+8 and differ
 * on some days from what this class gives for those years.
 *
 * <p>Pure and thread-safe. The month table is built once, on first use, in a few milliseconds.
 * Days outside 1900-01-01 .. 2100-12-31 and lunar years outside 1900 .. 2100 are refused with an
 * {@link IllegalArgumentException} naming the range; schedule checks should refuse such dates
 * first, in the operator's words.
 */
public final class VietnameseCalendar {
  /** First solar day the calendar converts. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  /** Last solar day the calendar converts. */
  public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
  /** First lunar year whose Tết, months and leap month are known. */
  public static final int FIRST_YEAR = 1900;
  /** Last lunar year whose Tết, months and leap month are known. */
  public static final int LAST_YEAR = 2100;
  /** Vietnam's time zone since 1968, in hours east of Greenwich. */
  static final double UTC_OFFSET_HOURS = 7;

  private VietnameseCalendar() {}

  private static final class Table {
    // One suì either side of the range: January 1900 belongs to lunar year 1899, and the last
    // months of lunar year 2100 end in 2101.
    static final LunarMonths MONTHS = new LunarMonths(1898, 2101, UTC_OFFSET_HOURS);
  }

  /** The lunar date of a solar day. */
  public static LunarDate toLunar(LocalDate solar) {
    checkDay(solar);
    LunarMonths months = Table.MONTHS;
    int i = months.indexOfDay(solar.toEpochDay());
    int day = (int) (solar.toEpochDay() - months.start(i)) + 1;
    return new LunarDate(months.year(i), months.number(i), day, months.leap(i));
  }

  /**
   * The solar day of a lunar date.
   *
   * @throws IllegalArgumentException if that year has no such day (a leap month it lacks, day 30
   *     of a 29-day month) or the day falls outside 1900-01-01 .. 2100-12-31
   */
  public static LocalDate toSolar(LunarDate lunar) {
    if (lunar.year() < FIRST_YEAR - 1 || lunar.year() > LAST_YEAR) {
      throw outOfRange("lunar year " + lunar.year());
    }
    LunarMonths months = Table.MONTHS;
    int i = months.indexOf(lunar.year(), lunar.month(), lunar.leap());
    if (i < 0) {
      throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month " + lunar.month());
    }
    if (lunar.day() > months.length(i)) {
      throw new IllegalArgumentException("month " + lunar.month() + (lunar.leap() ? " nhuận" : "") + " of lunar year "
          + lunar.year() + " has " + months.length(i) + " days; no day " + lunar.day());
    }
    LocalDate solar = LocalDate.ofEpochDay(months.start(i) + lunar.day() - 1);
    checkDay(solar);
    return solar;
  }

  /** Whether {@code lunar} is a day of its year: its month exists and is long enough. In range only. */
  public static boolean exists(LunarDate lunar) {
    checkYear(lunar.year());
    int i = Table.MONTHS.indexOf(lunar.year(), lunar.month(), lunar.leap());
    return i >= 0 && lunar.day() <= Table.MONTHS.length(i);
  }

  /** Mùng 1 Tết, the first day of lunar year {@code lunarYear}, as a solar day. */
  public static LocalDate tet(int lunarYear) {
    checkYear(lunarYear);
    return LocalDate.ofEpochDay(Table.MONTHS.start(Table.MONTHS.firstMonthIndex(lunarYear)));
  }

  /** The leap month of {@code lunarYear}: the number it repeats (4 for 2020's tháng 4 nhuận), or empty. */
  public static OptionalInt leapMonth(int lunarYear) {
    checkYear(lunarYear);
    LunarMonths months = Table.MONTHS;
    for (int i = months.firstMonthIndex(lunarYear); months.year(i) == lunarYear; i++) {
      if (months.leap(i)) {
        return OptionalInt.of(months.number(i));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Days in a lunar month, 29 or 30.
   *
   * @throws IllegalArgumentException if the year has no such month (an absent leap month)
   */
  public static int monthLength(int lunarYear, int month, boolean leap) {
    checkYear(lunarYear);
    int i = Table.MONTHS.indexOf(lunarYear, month, leap);
    if (i < 0) {
      throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + month);
    }
    return Table.MONTHS.length(i);
  }

  /**
   * The last day of lunar year {@code lunarYear}, the eve of the next Tết (giao thừa): 29 or 30
   * tháng Chạp, or of tháng Chạp nhuận in a year that has one. For 2100 it falls in January 2101,
   * so it can be named here but not converted by {@link #toSolar}.
   */
  public static LunarDate lastDayOf(int lunarYear) {
    checkYear(lunarYear);
    LunarMonths months = Table.MONTHS;
    int i = months.firstMonthIndex(lunarYear + 1) - 1;
    return new LunarDate(lunarYear, months.number(i), months.length(i), months.leap(i));
  }

  private static void checkDay(LocalDate solar) {
    if (solar.isBefore(FIRST_DAY) || solar.isAfter(LAST_DAY)) {
      throw outOfRange(solar.toString());
    }
  }

  private static void checkYear(int lunarYear) {
    if (lunarYear < FIRST_YEAR || lunarYear > LAST_YEAR) {
      throw new IllegalArgumentException("the lunar calendar covers lunar years " + FIRST_YEAR + " to " + LAST_YEAR
          + "; got " + lunarYear);
    }
  }

  private static IllegalArgumentException outOfRange(String what) {
    return new IllegalArgumentException("the lunar calendar covers " + FIRST_DAY + " to " + LAST_DAY + "; got " + what);
  }
}
