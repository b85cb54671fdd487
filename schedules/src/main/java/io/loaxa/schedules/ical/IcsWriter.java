package io.loaxa.schedules.ical;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneChoice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the schedule as an iCalendar (RFC 5545) VCALENDAR that calendar programs import: one
 * recurring VEVENT per rule and start time, with its RRULE, EXDATEs for the except dates and for the
 * days a dated override replaces, which get their own VEVENT; times carry the station's TZID and a
 * VTIMEZONE built from the zone's rules.
 *
 * <p>RRULE cannot say "15 tháng Tám âm lịch": a lunar rule ({@code lunar:}) or a named day
 * ({@code on: tet}) is written with its days listed as RDATEs for {@value #LISTED_YEARS} years from
 * the first day exported, and its rule text in {@code X-LOAXA-LUNAR} or {@code X-LOAXA-ON} beside the
 * rule key in {@code X-LOAXA-RULE}, so {@link IcsReader} restores the rule itself. Days off by name
 * ({@code except: [tet, nghi-tet]}) become EXDATEs over the same years.
 */
public final class IcsWriter {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final int FOLD_OCTETS = 75;
  /** How many years of a lunar rule's days, and of named days off, the export lists. */
  public static final int LISTED_YEARS = 5;

  private final StringBuilder out = new StringBuilder();
  private final Schedule schedule;
  private final StationFacts station;
  private final LocalDate firstDay;
  private final Instant stamp;

  private IcsWriter(Schedule schedule, StationFacts station, LocalDate firstDay, Instant stamp) {
    this.schedule = schedule;
    this.station = station;
    this.firstDay = firstDay;
    this.stamp = stamp;
  }

  /**
   * The VCALENDAR text, CRLF lines folded at 75 octets.
   *
   * @param firstDay rules without a from date start here (usually today)
   * @param stamp when the export is made (DTSTAMP)
   */
  public static String write(Schedule schedule, StationFacts station, LocalDate firstDay, Instant stamp) {
    return new IcsWriter(schedule, station, firstDay, stamp).calendar();
  }

  private String calendar() {
    ZoneId zone = station.timeZone();
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//loaxa//commune radio schedule//VI");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + text("Lịch phát"));
    line("X-WR-TIMEZONE:" + zone.getId());
    timezone(zone);
    for (AiringRule rule : schedule.rules()) {
      Optional<Programme> programme = schedule.programme(rule.programme());
      if (programme.isEmpty()) {
        continue;
      }
      for (LocalTime time : rule.times()) {
        event(rule, programme.get(), time);
      }
      for (DatedOverride o : rule.overrides()) {
        if (!rule.covers(o.on())) {
          continue;
        }
        Programme p = o.programme().flatMap(schedule::programme).orElse(programme.get());
        LocalDateTime start = o.on().atTime(o.at().orElse(rule.times().get(0)));
        line("BEGIN:VEVENT");
        line("UID:" + rule.key() + "-" + o.on().toString().replace("-", "") + "@loaxa");
        common(p, start, o.zones().orElse(rule.zones()), rule.priority().orElse(p.priority()));
        line("COMMENT:" + text("override of " + rule.key() + " on " + o.on()));
        line("END:VEVENT");
      }
    }
    line("END:VCALENDAR");
    return out.toString();
  }

  private void event(AiringRule rule, Programme programme, LocalTime time) {
    if (listed(rule.recurrence())) {
      listedEvent(rule, programme, time);
      return;
    }
    Optional<LocalDate> first = firstFiring(rule);
    if (first.isEmpty()) {
      return;
    }
    ZoneId zone = station.timeZone();
    LocalDateTime start = first.get().atTime(time);
    line("BEGIN:VEVENT");
    line("UID:" + rule.key() + (rule.times().size() > 1 ? "-" + time.toString().replace(":", "") : "") + "@loaxa");
    common(programme, start, rule.zones(), rule.priority().orElse(programme.priority()));
    RecurrenceRules.rrule(rule, zone).ifPresent(r -> line("RRULE:" + r));
    if (!(rule.recurrence() instanceof Recurrence.Once)) {
      List<String> excluded = new ArrayList<>();
      for (LocalDate d : rule.except()) {
        if (!d.isBefore(first.get()) && rule.recurrence().firesOn(d, rule.from())) {
          excluded.add(LOCAL.format(d.atTime(time)));
        }
      }
      for (DatedOverride o : rule.overrides()) {
        if (!o.on().isBefore(first.get()) && rule.firesOn(o.on())) {
          excluded.add(LOCAL.format(o.on().atTime(time)));
        }
      }
      if (!rule.exceptDays().isEmpty()) {
        LocalDate horizon = horizon(rule, first.get());
        for (LocalDate d = first.get(); !d.isAfter(horizon); d = d.plusDays(1)) {
          if (!rule.except().contains(d) && rule.excludes(d) && rule.recurrence().firesOn(d, rule.from())) {
            excluded.add(LOCAL.format(d.atTime(time)));
          }
        }
      }
      if (!excluded.isEmpty()) {
        excluded.sort(null);
        line("EXDATE;TZID=" + zone.getId() + ":" + String.join(",", excluded));
      }
    }
    line("END:VEVENT");
  }

  /** Rules that RRULE cannot express; their days are listed. */
  static boolean listed(Recurrence r) {
    return r instanceof Recurrence.Lunar || r instanceof Recurrence.Named;
  }

  /** The last day listed: {@value #LISTED_YEARS} years on from {@code first}, or the rule's until, within the lunar calendar. */
  private static LocalDate horizon(AiringRule rule, LocalDate first) {
    LocalDate end = first.plusYears(LISTED_YEARS).minusDays(1);
    if (rule.until().isPresent() && rule.until().get().isBefore(end)) {
      end = rule.until().get();
    }
    return end.isAfter(io.loaxa.schedules.lunar.VietnameseCalendar.LAST_DAY) ? io.loaxa.schedules.lunar.VietnameseCalendar.LAST_DAY : end;
  }

  private void listedEvent(AiringRule rule, Programme programme, LocalTime time) {
    LocalDate start = rule.from().filter(f -> f.isAfter(firstDay)).orElse(firstDay);
    LocalDate end = horizon(rule, start);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (rule.firesOn(d) && rule.overrideOn(d).isEmpty()) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      return;
    }
    line("BEGIN:VEVENT");
    line("UID:" + rule.key() + (rule.times().size() > 1 ? "-" + time.toString().replace(":", "") : "") + "@loaxa");
    common(programme, days.get(0).atTime(time), rule.zones(), rule.priority().orElse(programme.priority()));
    if (days.size() > 1) {
      line("RDATE;TZID=" + station.timeZone().getId() + ":"
          + String.join(",", days.subList(1, days.size()).stream().map(d -> LOCAL.format(d.atTime(time))).toList()));
    }
    line("X-LOAXA-RULE:" + text(rule.key()));
    if (rule.recurrence() instanceof Recurrence.Lunar l) {
      line("X-LOAXA-LUNAR:" + text(l.day().toString()));
      line("COMMENT:" + text("âm lịch " + l.day() + "; days listed to " + end));
    } else if (rule.recurrence() instanceof Recurrence.Named n) {
      line("X-LOAXA-ON:" + text(n.day().configName()));
      line("COMMENT:" + text(n.day().vietnamese() + "; days listed to " + end));
    }
    line("END:VEVENT");
  }

  private void common(Programme p, LocalDateTime start, ZoneChoice zones, Priority priority) {
    line("DTSTAMP:" + UTC.format(LocalDateTime.ofInstant(stamp, ZoneOffset.UTC)));
    line("DTSTART;TZID=" + station.timeZone().getId() + ":" + LOCAL.format(start));
    line("DURATION:" + icalDuration(p.plannedLength()));
    line("SUMMARY:" + text(p.title()));
    line("DESCRIPTION:" + text("programme " + p.key() + ", zones " + zones + ", priority " + priority + " (" + priority.vietnamese() + ")"));
    line("LOCATION:" + text(zones.toString()));
    line("CATEGORIES:" + text(p.category().key()));
    line("PRIORITY:" + switch (priority) {
      case EMERGENCY -> 1;
      case PRIORITY -> 3;
      case NORMAL -> 5;
    });
    line("TRANSP:TRANSPARENT");
  }

  /** The first day the rule fires on or after its from date, or after {@code firstDay} without one. */
  private Optional<LocalDate> firstFiring(AiringRule rule) {
    if (rule.recurrence() instanceof Recurrence.Once once) {
      return Optional.of(once.date());
    }
    LocalDate d = rule.from().orElse(firstDay);
    LocalDate last = rule.until().orElse(d.plusYears(8));
    for (; !d.isAfter(last); d = d.plusDays(1)) {
      // the first instance must match the RRULE (RFC 5545 counts DTSTART as an instance), excepted or not
      if (rule.recurrence().firesOn(d, rule.from())) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private void timezone(ZoneId zone) {
    ZoneRules rules = zone.getRules();
    line("BEGIN:VTIMEZONE");
    line("TZID:" + zone.getId());
    List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
    if (transitions.isEmpty()) {
      ZoneOffset now = rules.getOffset(stamp);
      line("BEGIN:STANDARD");
      line("DTSTART:19700101T000000");
      line("TZOFFSETFROM:" + offset(now));
      line("TZOFFSETTO:" + offset(now));
      line("END:STANDARD");
    } else {
      for (ZoneOffsetTransitionRule t : transitions) {
        ZoneOffsetTransition first = t.createTransition(1970);
        boolean daylight = t.getOffsetAfter().getTotalSeconds() > t.getStandardOffset().getTotalSeconds();
        line(daylight ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
        line("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
        line("TZOFFSETFROM:" + offset(t.getOffsetBefore()));
        line("TZOFFSETTO:" + offset(t.getOffsetAfter()));
        line("RRULE:FREQ=YEARLY;BYMONTH=" + t.getMonth().getValue() + ";" + byDay(t));
        line(daylight ? "END:DAYLIGHT" : "END:STANDARD");
      }
    }
    line("END:VTIMEZONE");
  }

  private static String byDay(ZoneOffsetTransitionRule t) {
    int indicator = t.getDayOfMonthIndicator();
    if (t.getDayOfWeek() == null) {
      return "BYMONTHDAY=" + indicator;
    }
    String day = io.loaxa.schedules.Weekdays.code(t.getDayOfWeek());
    if (indicator < 0) {
      // "the last such weekday on or before the given day from the end": -1 is the month's last one
      return indicator == -1 ? "BYDAY=-1" + day : "BYDAY=" + day + ";BYMONTHDAY=" + range(indicator - 6, indicator);
    }
    if ((indicator - 1) % 7 == 0) {
      return "BYDAY=" + ((indicator - 1) / 7 + 1) + day;
    }
    return "BYDAY=" + day + ";BYMONTHDAY=" + range(indicator, indicator + 6);
  }

  private static String range(int from, int to) {
    List<String> days = new ArrayList<>();
    for (int d = from; d <= to; d++) {
      days.add(Integer.toString(d));
    }
    return String.join(",", days);
  }

  private static String offset(ZoneOffset o) {
    int s = o.getTotalSeconds();
    String sign = s < 0 ? "-" : "+";
    s = Math.abs(s);
    return String.format("%s%02d%02d", sign, s / 3600, (s / 60) % 60);
  }

  private static String icalDuration(Duration d) {
    long seconds = d.getSeconds();
    StringBuilder b = new StringBuilder("PT");
    if (seconds >= 3600) {
      b.append(seconds / 3600).append('H');
    }
    if (seconds % 3600 >= 60) {
      b.append((seconds % 3600) / 60).append('M');
    }
    if (seconds % 60 != 0 || seconds == 0) {
      b.append(seconds % 60).append('S');
    }
    return b.toString();
  }

  /**
   * An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped; other control
   * characters, which TEXT may not hold, left out.
   */
  static String text(String s) {
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Appends a content line, folded so no physical line exceeds 75 octets of UTF-8. */
  private void line(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= FOLD_OCTETS) {
      out.append(content).append("\r\n");
      return;
    }
    int octets = 0;
    int limit = FOLD_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 0;
        limit = FOLD_OCTETS - 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
