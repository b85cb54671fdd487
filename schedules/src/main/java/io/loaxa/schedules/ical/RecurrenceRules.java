package io.loaxa.schedules.ical;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Weekdays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Airing rules as RFC 5545 recurrence rules, built and iterated by lib-recur: what the iCalendar
 * export writes, and an independent expansion the schedule's own one is checked against.
 */
public final class RecurrenceRules {
  private RecurrenceRules() {}

  /**
   * The RRULE value of the rule's recurrence ({@code FREQ=WEEKLY;BYDAY=MO,WE}), with {@code UNTIL}
   * the end of its last day in UTC; empty for a one-off.
   */
  public static Optional<String> rrule(AiringRule rule, ZoneId zone) {
    Optional<RecurrenceRule> r = recurrenceRule(rule.recurrence());
    r.ifPresent(rr -> rule.until().ifPresent(u -> {
      java.time.Instant end = u.atTime(LocalTime.MAX).atZone(zone).toInstant();
      LocalDateTime utc = LocalDateTime.ofInstant(end, ZoneOffset.UTC);
      rr.setUntil(new DateTime(DateTime.UTC, utc.getYear(), utc.getMonthValue() - 1, utc.getDayOfMonth(),
          utc.getHour(), utc.getMinute(), utc.getSecond()));
    }));
    return r.map(RecurrenceRule::toString);
  }

  /**
   * The local starts lib-recur gives for the rule from {@code first} up to, not including, {@code end}:
   * its recurrence from its {@code from} day (or any earlier day) to its {@code until} day at each of
   * its times, less the except dates. Dated overrides are not included.
   */
  public static List<LocalDateTime> instances(AiringRule rule, LocalDate first, LocalDate end) {
    List<LocalDateTime> out = new ArrayList<>();
    for (LocalTime time : rule.times()) {
      if (rule.recurrence() instanceof Recurrence.Once once) {
        LocalDate d = once.date();
        if (!d.isBefore(first) && d.isBefore(end) && !rule.excludes(d)) {
          out.add(d.atTime(time));
        }
        continue;
      }
      RecurrenceRule r = recurrenceRule(rule.recurrence()).orElseThrow();
      rule.until().ifPresent(u -> r.setUntil(floating(u.atTime(LocalTime.MAX.withNano(0)))));
      // any start on or before the first day will do for the rules that need no anchor
      LocalDate anchor = rule.from().orElse(first.minusDays(first.getDayOfMonth()));
      RecurrenceRuleIterator it = r.iterator(floating(anchor.atTime(time)));
      it.fastForward(floating(first.atStartOfDay()));
      while (it.hasNext()) {
        DateTime next = it.nextDateTime();
        LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
            next.getHours(), next.getMinutes(), next.getSeconds());
        if (!local.toLocalDate().isBefore(end)) {
          break;
        }
        if (!local.toLocalDate().isBefore(first) && !rule.excludes(local.toLocalDate())) {
          out.add(local);
        }
      }
    }
    out.sort(null);
    return out;
  }

  static Optional<RecurrenceRule> recurrenceRule(Recurrence recurrence) {
    try {
      if (recurrence instanceof Recurrence.Daily) {
        return Optional.of(new RecurrenceRule(Freq.DAILY));
      }
      if (recurrence instanceof Recurrence.EveryNDays e) {
        RecurrenceRule r = new RecurrenceRule(Freq.DAILY);
        r.setInterval(e.days());
        return Optional.of(r);
      }
      if (recurrence instanceof Recurrence.Weekly w) {
        RecurrenceRule r = new RecurrenceRule(Freq.WEEKLY);
        List<RecurrenceRule.WeekdayNum> days = new ArrayList<>();
        for (DayOfWeek d : w.inOrder()) {
          days.add(new RecurrenceRule.WeekdayNum(0, weekday(d)));
        }
        r.setByDayPart(days);
        return Optional.of(r);
      }
      if (recurrence instanceof Recurrence.MonthlyWeekday m) {
        RecurrenceRule r = new RecurrenceRule(Freq.MONTHLY);
        r.setByDayPart(List.of(new RecurrenceRule.WeekdayNum(m.ordinal(), weekday(m.weekday()))));
        return Optional.of(r);
      }
      if (recurrence instanceof Recurrence.MonthlyDay m) {
        RecurrenceRule r = new RecurrenceRule(Freq.MONTHLY);
        r.setByPart(RecurrenceRule.Part.BYMONTHDAY, m.day());
        return Optional.of(r);
      }
      return Optional.empty();
    } catch (InvalidRecurrenceRuleException e) {
      throw new IllegalStateException("lib-recur refused a rule we built: " + recurrence, e);
    }
  }

  private static Weekday weekday(DayOfWeek d) {
    return Weekday.valueOf(Weekdays.code(d));
  }

  private static DateTime floating(LocalDateTime t) {
    return new DateTime(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
  }
}
