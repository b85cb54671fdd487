package io.loaxa.schedules;

import io.loaxa.schedules.lunar.LunarDay;
import io.loaxa.schedules.lunar.NamedDay;
import io.loaxa.schedules.lunar.VietnameseCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * On which days an airing rule fires, with the meaning RFC 5545 gives the matching RRULE
 * ({@code FREQ=DAILY}, {@code FREQ=WEEKLY;BYDAY=…}, {@code FREQ=DAILY;INTERVAL=n},
 * {@code FREQ=MONTHLY;BYDAY=1MO}, {@code FREQ=MONTHLY;BYMONTHDAY=15}); a month without the asked-for
 * day (the 31st, a fifth Friday) is skipped, as RFC 5545 says. Lunar rules ({@link Lunar}) and named
 * days ({@link Named}) have no RRULE; the iCalendar export lists their days.
 */
public sealed interface Recurrence {

  /**
   * Whether the rule fires on {@code day}. {@code anchor} is the rule's first day ({@code from}),
   * which counts the days of {@link EveryNDays}.
   */
  boolean firesOn(LocalDate day, Optional<LocalDate> anchor);

  /** Every day. */
  record Daily() implements Recurrence {
    @Override
    public boolean firesOn(LocalDate day, Optional<LocalDate> anchor) {
      return true;
    }
  }

  /** On the given weekdays of every week. */
  record Weekly(Set<DayOfWeek> days) implements Recurrence {
    public Weekly {
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a weekly rule needs at least one weekday");
      }
      days = Set.copyOf(EnumSet.copyOf(days));
    }

    @Override
    public boolean firesOn(LocalDate day, Optional<LocalDate> anchor) {
      return days.contains(day.getDayOfWeek());
    }

    /** The weekdays Monday first. */
    public List<DayOfWeek> inOrder() {
      return List.copyOf(EnumSet.copyOf(days));
    }
  }

  /** Every {@code days} days, counted from the rule's {@code from} date, which it needs. */
  record EveryNDays(int days) implements Recurrence {
    public EveryNDays {
      if (days < 1 || days > 366) {
        throw new IllegalArgumentException("every: 1..366 days, not " + days);
      }
    }

    @Override
    public boolean firesOn(LocalDate day, Optional<LocalDate> anchor) {
      LocalDate first = anchor.orElseThrow(() -> new IllegalStateException("every " + days + " days needs a from date"));
      long since = ChronoUnit.DAYS.between(first, day);
      return since >= 0 && since % days == 0;
    }
  }

  /** The n-th ({@code 1..5}) or last ({@code -1}) given weekday of every month: "first MO", "last FR". */
  record MonthlyWeekday(int ordinal, DayOfWeek weekday) implements Recurrence {
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    public MonthlyWeekday {
      Objects.requireNonNull(weekday, "weekday");
      if (ordinal != -1 && (ordinal < 1 || ordinal > 5)) {
        throw new IllegalArgumentException("monthly weekday ordinal 1..5 or -1, not " + ordinal);
      }
    }

    @Override
    public boolean firesOn(LocalDate day, Optional<LocalDate> anchor) {
      if (day.getDayOfWeek() != weekday) {
        return false;
      }
      if (ordinal == -1) {
        return day.plusWeeks(1).getMonthValue() != day.getMonthValue();
      }
      return (day.getDayOfMonth() - 1) / 7 + 1 == ordinal;
    }

    /** The day it falls on in the month of {@code any}, if that month has one. */
    public Optional<LocalDate> in(LocalDate any) {
      LocalDate d = ordinal == -1
          ? any.with(TemporalAdjusters.lastInMonth(weekday))
          : any.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
      return d.getMonthValue() == any.getMonthValue() ? Optional.of(d) : Optional.empty();
    }

    /** The form the schedule file writes: {@code first MO}, {@code last FR}. */
    public String text() {
      return (ordinal == -1 ? "last" : ORDINALS.get(ordinal - 1)) + " " + Weekdays.code(weekday);
    }

    static int ordinalOf(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.equals("last")) {
        return -1;
      }
      int i = ORDINALS.indexOf(w);
      if (i >= 0) {
        return i + 1;
      }
      if (w.matches("[1-5]")) {
        return Integer.parseInt(w);
      }
      return 0;
    }
  }

  /** The given day ({@code 1..31}) of every month, or its last day ({@code -1}). */
  record MonthlyDay(int day) implements Recurrence {
    public MonthlyDay {
      if (day != -1 && (day < 1 || day > 31)) {
        throw new IllegalArgumentException("monthly day 1..31 or -1, not " + day);
      }
    }

    @Override
    public boolean firesOn(LocalDate date, Optional<LocalDate> anchor) {
      return day == -1 ? date.getDayOfMonth() == date.lengthOfMonth() : date.getDayOfMonth() == day;
    }

    /** The form the schedule file writes: {@code 15}, {@code last}. */
    public String text() {
      return day == -1 ? "last" : Integer.toString(day);
    }
  }

  /** Once, on the given date ({@code on:}). */
  record Once(LocalDate date) implements Recurrence {
    public Once {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public boolean firesOn(LocalDate day, Optional<LocalDate> anchor) {
      return day.equals(date);
    }
  }

  /**
   * On a day of the Vietnamese lunar calendar ({@code lunar: "15/8"}, {@code "15"}, {@code "last/12"}).
   * Days outside the calendar's range (1900 to 2100) never match.
   */
  record Lunar(LunarDay day) implements Recurrence {
    public Lunar {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public boolean firesOn(LocalDate date, Optional<LocalDate> anchor) {
      if (date.isBefore(VietnameseCalendar.FIRST_DAY) || date.isAfter(VietnameseCalendar.LAST_DAY)) {
        return false;
      }
      return day.matches(VietnameseCalendar.toLunar(date));
    }
  }

  /**
   * Once a year on a named day ({@code on: tet}, {@code on: quoc-khanh}). Years outside 1900 to 2100
   * never match.
   */
  record Named(NamedDay day) implements Recurrence {
    public Named {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public boolean firesOn(LocalDate date, Optional<LocalDate> anchor) {
      return Recurrence.isNamedDay(day, date);
    }
  }

  /** Whether {@code date} is {@code day} of its year; false outside 1900 to 2100. */
  static boolean isNamedDay(NamedDay day, LocalDate date) {
    int year = date.getYear();
    if (year < VietnameseCalendar.FIRST_YEAR || year > VietnameseCalendar.LAST_YEAR) {
      return false;
    }
    return day.dateIn(year).equals(date);
  }

  /**
   * Reads a {@code monthly:} value: {@code "first MO"} … {@code "fifth SU"}, {@code "last FR"},
   * {@code "15"}, {@code "last"} (the last day of the month).
   */
  static Optional<Recurrence> parseMonthly(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("last")) {
      return Optional.of(new MonthlyDay(-1));
    }
    if (t.matches("\\d{1,2}")) {
      int d = Integer.parseInt(t);
      return d >= 1 && d <= 31 ? Optional.of(new MonthlyDay(d)) : Optional.empty();
    }
    String[] words = t.split("\\s+");
    if (words.length != 2) {
      return Optional.empty();
    }
    int ordinal = MonthlyWeekday.ordinalOf(words[0]);
    Optional<DayOfWeek> weekday = Weekdays.parse(words[1]);
    if (ordinal == 0 || weekday.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MonthlyWeekday(ordinal, weekday.get()));
  }
}
