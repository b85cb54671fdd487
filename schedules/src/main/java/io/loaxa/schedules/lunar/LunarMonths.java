package io.loaxa.schedules.lunar;

import java.util.Arrays;

/**
 * Every lunar month from tháng 11 of 1898 to tháng 10 of 2101 for one time zone: the solar day
 * it starts on and its number. Built once from new moons and major terms; looked up by binary
 * search. Immutable after construction, so safe to share between threads.
 */
final class LunarMonths {
  private final double utcOffsetHours;
  private final int firstLunarYear;
  /** Epoch day on which each month starts, ascending, with one more: the start after the last. */
  private final long[] starts;
  private final int[] years;
  private final byte[] numbers;
  private final boolean[] leaps;
  /** Index in {@link #starts} of tháng Giêng of {@code firstLunarYear + i}. */
  private final int[] firstMonths;

  /**
   * Months of every suì (the span from one tháng 11 to the next) that starts in solar years
   * {@code firstSolarYear .. lastSolarYear - 1}.
   */
  LunarMonths(int firstSolarYear, int lastSolarYear, double utcOffsetHours) {
    this.utcOffsetHours = utcOffsetHours;
    int capacity = (lastSolarYear - firstSolarYear) * 13 + 1;
    long[] s = new long[capacity];
    int[] y = new int[capacity];
    byte[] n = new byte[capacity];
    boolean[] l = new boolean[capacity];
    int count = 0;
    long from = monthEleven(firstSolarYear);
    for (int year = firstSolarYear + 1; year <= lastSolarYear; year++) {
      long to = monthEleven(year);
      int months = (int) (to - from);
      int leapOffset = months == 13 ? leapOffset(from) : Integer.MAX_VALUE;
      for (int j = 0; j < months; j++) {
        // The leap month repeats the number of the month before it.
        int counted = j >= leapOffset ? j - 1 : j;
        int number = (10 + counted) % 12 + 1;
        s[count] = day(from + j) - Astronomy.EPOCH_JULIAN_DAY;
        n[count] = (byte) number;
        l[count] = j == leapOffset;
        y[count] = number >= 11 ? year - 1 : year;
        count++;
      }
      from = to;
    }
    s[count] = day(from) - Astronomy.EPOCH_JULIAN_DAY;
    this.starts = Arrays.copyOf(s, count + 1);
    this.years = Arrays.copyOf(y, count);
    this.numbers = Arrays.copyOf(n, count);
    this.leaps = Arrays.copyOf(l, count);
    this.firstLunarYear = years[0] + 1;
    int lastLunarYear = years[count - 1];
    this.firstMonths = new int[lastLunarYear - firstLunarYear + 1];
    Arrays.fill(firstMonths, -1);
    for (int i = 0; i < count; i++) {
      if (numbers[i] == 1 && !leaps[i] && years[i] >= firstLunarYear) {
        firstMonths[years[i] - firstLunarYear] = i;
      }
    }
  }

  /** Number of the new moon that starts tháng 11, the month holding the winter solstice of {@code solarYear}. */
  private long monthEleven(int solarYear) {
    long lastDay = java.time.LocalDate.of(solarYear, 12, 31).toEpochDay() + Astronomy.EPOCH_JULIAN_DAY;
    long k = Astronomy.newMoonNumberNear(lastDay);
    while (day(k + 1) <= lastDay) {
      k++;
    }
    while (day(k) > lastDay) {
      k--;
    }
    // Đông chí falls on 21 or 22 December: if the sun has passed 270° by the night this moon
    // starts, the solstice belongs to the month before.
    return Astronomy.majorTermAtStartOf(day(k), utcOffsetHours) >= 9 ? k - 1 : k;
  }

  /** In a suì of 13 months from new moon {@code monthEleven}, the offset of the first month with no major term. */
  private int leapOffset(long monthEleven) {
    int term = Astronomy.majorTermAtStartOf(day(monthEleven + 1), utcOffsetHours);
    for (int j = 1; j <= 12; j++) {
      int next = Astronomy.majorTermAtStartOf(day(monthEleven + j + 1), utcOffsetHours);
      if (next == term) {
        return j;
      }
      term = next;
    }
    throw new IllegalStateException("13 lunar months from new moon " + monthEleven + " but each holds a major term");
  }

  private long day(long newMoon) {
    return Astronomy.newMoonDay(newMoon, utcOffsetHours);
  }

  /** Index of the month holding {@code epochDay}, which must lie within the table. */
  int indexOfDay(long epochDay) {
    int i = Arrays.binarySearch(starts, epochDay);
    int index = i >= 0 ? i : -i - 2;
    if (index < 0 || index >= years.length) {
      throw new IllegalArgumentException("day outside the lunar month table: " + epochDay);
    }
    return index;
  }

  /** Index of the given month, or -1 when the year has no such month (e.g. no leap month 5). */
  int indexOf(int lunarYear, int month, boolean leap) {
    int first = firstMonthIndex(lunarYear);
    for (int i = first; i < first + 13 && i < years.length && years[i] == lunarYear; i++) {
      if (numbers[i] == month && leaps[i] == leap) {
        return i;
      }
    }
    return -1;
  }

  /** Index of tháng Giêng of {@code lunarYear}. */
  int firstMonthIndex(int lunarYear) {
    int i = lunarYear - firstLunarYear;
    if (i < 0 || i >= firstMonths.length || firstMonths[i] < 0) {
      throw new IllegalArgumentException("lunar year outside the lunar month table: " + lunarYear);
    }
    return firstMonths[i];
  }

  long start(int index) {
    return starts[index];
  }

  int length(int index) {
    return (int) (starts[index + 1] - starts[index]);
  }

  int year(int index) {
    return years[index];
  }

  int number(int index) {
    return numbers[index];
  }

  boolean leap(int index) {
    return leaps[index];
  }
}
