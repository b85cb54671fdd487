package io.loaxa.schedules;

import io.loaxa.schedules.lunar.VietnameseCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Planned airings as the operator reads them, in station local time: a text table, or CSV with the
 * columns {@code date,time,programme,zones,priority,lunar} for a spreadsheet. An airing of a lunar rule
 * ({@code lunar:}, or {@code on:} a lunar named day such as {@code trung-thu}) carries its lunar date,
 * {@code 15/8}, so the operator sees why it airs that day.
 */
public final class Preview {
  public static final String CSV_HEADER = "date,time,programme,zones,priority,lunar";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private Preview() {}

  /**
   * One line per airing: date, weekday, time, programme, zones, priority, then the programme's title,
   * the CCHC topic, the lunar date of a lunar rule's airing ({@code âm lịch 15/8}) and any note.
   * Columns are padded to line up.
   */
  public static String text(List<PlannedAiring> airings, ZoneId zone, Schedule schedule) {
    List<String[]> rows = new ArrayList<>();
    for (PlannedAiring a : airings) {
      LocalDateTime local = LocalDateTime.ofInstant(a.startsAt(), zone);
      String title = schedule.programme(a.programme()).map(Programme::title).orElse("");
      String extra = title + a.topic().map(t -> " · topic " + t).orElse("")
          + lunarDate(a, local.toLocalDate(), schedule).map(d -> " · âm lịch " + d).orElse("")
          + a.note().map(n -> " · " + n).orElse("");
      rows.add(new String[] {
          DATE.format(local), local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), TIME.format(local),
          a.programme().value(), a.zones().toString(), a.priority().name(), extra});
    }
    int[] widths = new int[7];
    for (String[] r : rows) {
      for (int i = 0; i < 6; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 7; i++) {
        line.append(i < 6 ? pad(r[i], widths[i]) : r[i]).append(i < 6 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (rows.isEmpty()) {
      out.append("(no airings planned)\n");
    }
    return out.toString();
  }

  /** CSV (RFC 4180) without the schedule: the lunar column stays empty. */
  public static String csv(List<PlannedAiring> airings, ZoneId zone) {
    return csv(airings, zone, Schedule.empty());
  }

  /**
   * CSV (RFC 4180) with a header line; a field holding a comma or a quote is quoted. The last
   * column is the lunar date ({@code 15/8}, {@code 1/4 nhuận}) of a lunar rule's airing, else empty.
   */
  public static String csv(List<PlannedAiring> airings, ZoneId zone, Schedule schedule) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (PlannedAiring a : airings) {
      LocalDateTime local = LocalDateTime.ofInstant(a.startsAt(), zone);
      out.append(DATE.format(local)).append(',')
          .append(TIME.format(local)).append(',')
          .append(field(a.programme().value())).append(',')
          .append(field(a.zones().toString())).append(',')
          .append(a.priority().name()).append(',')
          .append(field(lunarDate(a, local.toLocalDate(), schedule).orElse(""))).append("\r\n");
    }
    return out.toString();
  }

  /** The lunar date of {@code day} when the airing comes from a lunar rule of {@code schedule}. */
  static Optional<String> lunarDate(PlannedAiring a, LocalDate day, Schedule schedule) {
    Optional<AiringRule> rule = schedule.rule(a.ruleKey());
    if (rule.isEmpty() || !isLunar(rule.get().recurrence())) {
      return Optional.empty();
    }
    if (day.isBefore(VietnameseCalendar.FIRST_DAY) || day.isAfter(VietnameseCalendar.LAST_DAY)) {
      return Optional.empty();
    }
    return Optional.of(VietnameseCalendar.toLunar(day).toString());
  }

  /** Whether a rule's days are reckoned by the lunar calendar. */
  public static boolean isLunar(Recurrence r) {
    return r instanceof Recurrence.Lunar || (r instanceof Recurrence.Named n && n.day().lunar());
  }

  private static String field(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
