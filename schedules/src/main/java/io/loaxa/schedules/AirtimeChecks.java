package io.loaxa.schedules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks planned airings against the station's {@link AirtimePolicy}. {@link Priority#EMERGENCY}
 * airings are exempt: a storm warning airs whenever it must.
 */
public final class AirtimeChecks {
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private AirtimeChecks() {}

  /** Every violation, quiet hours and weekends once per airing, session length once per session and zone. */
  public static List<PolicyViolation> check(List<PlannedAiring> airings, Function<ProgrammeKey, Duration> lengths, StationFacts station) {
    AirtimePolicy policy = station.policy();
    List<PolicyViolation> out = new ArrayList<>();
    if (!policy.restrictsAnything()) {
      return out;
    }
    ZoneId zone = station.timeZone();
    List<PlannedAiring> sorted = new ArrayList<>(airings);
    sorted.sort(Expansion.IN_ORDER);
    Map<ZoneKey, Session> sessions = new HashMap<>();
    for (PlannedAiring a : sorted) {
      if (a.priority() == Priority.EMERGENCY) {
        continue;
      }
      Duration length = lengths.apply(a.programme());
      LocalDateTime start = LocalDateTime.ofInstant(a.startsAt(), zone);
      LocalDateTime end = LocalDateTime.ofInstant(a.startsAt().plus(length), zone);
      for (TimeWindow quiet : policy.quietHours()) {
        if (overlaps(quiet, start, end)) {
          out.add(new PolicyViolation(a, PolicyViolation.Kind.QUIET_HOURS,
              Bilingual.of("phát " + DAY_TIME.format(start) + "-" + TimeWindow.formatTime(end.toLocalTime())
                  + " trong giờ yên tĩnh " + quiet + " (quy định của đài; chỉ buổi phát EMERGENCY mới được phát)",
              "airs " + DAY_TIME.format(start) + "-" + TimeWindow.formatTime(end.toLocalTime())
                  + " inside quiet hours " + quiet + " (station policy; only EMERGENCY airings may)")));
          break;
        }
      }
      DayOfWeek dow = start.getDayOfWeek();
      if (policy.noWeekends() && (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY)) {
        out.add(new PolicyViolation(a, PolicyViolation.Kind.WEEKEND,
            Bilingual.of("phát vào " + (dow == DayOfWeek.SATURDAY ? "thứ Bảy " : "Chủ nhật ") + start.toLocalDate()
                + " trong khi quy định của đài không phát cuối tuần", "airs on " + (dow == DayOfWeek.SATURDAY ? "Saturday " : "Sunday ")
                + start.toLocalDate() + " and the station policy says no weekends")));
      }
      if (policy.maxSession().isPresent()) {
        for (ZoneKey z : a.zones().resolve(station.zones())) {
          Session s = sessions.get(z);
          Instant aEnd = a.startsAt().plus(length);
          if (s == null || !a.startsAt().isBefore(s.end.plus(policy.sessionBreak()))) {
            s = new Session(a.startsAt(), aEnd);
            sessions.put(z, s);
          } else if (aEnd.isAfter(s.end)) {
            s.end = aEnd;
          }
          Duration total = Duration.between(s.start, s.end);
          if (!s.reported && total.compareTo(policy.maxSession().get()) > 0) {
            s.reported = true;
            out.add(new PolicyViolation(a, PolicyViolation.Kind.SESSION_LENGTH,
                Bilingual.of("làm thành một buổi liền " + total.toMinutes() + " phút trên " + z + " từ "
                    + DAY_TIME.format(LocalDateTime.ofInstant(s.start, zone)) + ", quá mức " + policy.maxSession().get().toMinutes()
                    + " phút của quy định", "makes a session of " + total.toMinutes() + " min on " + z + " from "
                    + DAY_TIME.format(LocalDateTime.ofInstant(s.start, zone)) + ", over the policy's "
                    + policy.maxSession().get().toMinutes() + " min")));
          }
        }
      }
    }
    return out;
  }

  private static boolean overlaps(TimeWindow w, LocalDateTime start, LocalDateTime end) {
    for (LocalDate d = start.toLocalDate().minusDays(1); !d.isAfter(end.toLocalDate()); d = d.plusDays(1)) {
      LocalDateTime ws = d.atTime(w.start());
      LocalDateTime we = w.wrapsMidnight() ? d.plusDays(1).atTime(w.end()) : d.atTime(w.end());
      boolean hit = end.equals(start) ? !start.isBefore(ws) && start.isBefore(we) : ws.isBefore(end) && start.isBefore(we);
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static final class Session {
    final Instant start;
    Instant end;
    boolean reported;

    Session(Instant start, Instant end) {
      this.start = start;
      this.end = end;
    }
  }
}
