package io.loaxa.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly CCHC rule (chuyên mục cải cách hành chính): the commune plans ask for a CCHC programme
 * on the loudspeakers at least once each calendar month, at an hour with many listeners, in every
 * hamlet. A rule marked {@code rotateTopics} airs the month's topic (see
 * {@link Expansion#topicFor}); when a month's airing did not air, this plans a make-up in the same
 * month's remaining peak windows and says so.
 */
public final class MonthlyCchc {
  /** What a make-up airing's rule part is: the rule key and this suffix, which no rule key can hold. */
  public static final String MAKE_UP_SUFFIX = "~makeup";

  /** How long a planned airing of a programme this schedule does not know is taken to last. */
  private static final Duration UNKNOWN_LENGTH = Duration.ofMinutes(30);

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private MonthlyCchc() {}

  /**
   * The make-ups {@code month} needs at {@code now}: one per rotating rule none of whose airings of
   * the month (make-ups included) is in {@code aired} and none of which is still to come.
   *
   * @param aired keys of the planned airings that did air (any month; others are ignored)
   * @param now station local time; a make-up starts at or after it
   * @param planned the other planned airings to keep clear of (any zones, any priority)
   */
  public static List<MakeUp> makeUps(Schedule schedule, StationFacts station, YearMonth month, Set<PlannedAiringKey> aired,
      LocalDateTime now, List<PlannedAiring> planned) {
    List<MakeUp> out = new ArrayList<>();
    for (AiringRule rule : schedule.rules()) {
      if (!rule.rotateTopics()) {
        continue;
      }
      if (airedIn(rule, month, aired)) {
        continue;
      }
      List<PlannedAiring> ofMonth = Expansion.plan(schedule, station, rule, month.atDay(1), month.plusMonths(1).atDay(1));
      Instant nowInstant = Expansion.instant(now, station.timeZone());
      boolean stillToCome = ofMonth.stream().anyMatch(a -> !a.startsAt().isBefore(nowInstant))
          || planned.stream().anyMatch(a -> a.ruleKey().equals(rule.key() + MAKE_UP_SUFFIX)
              && !a.startsAt().isBefore(nowInstant)
              && a.key().localStart().map(YearMonth::from).filter(month::equals).isPresent());
      if (stillToCome) {
        continue;
      }
      out.add(makeUp(schedule, station, rule, month, ofMonth, now, planned));
    }
    return out;
  }

  private static boolean airedIn(AiringRule rule, YearMonth month, Set<PlannedAiringKey> aired) {
    for (PlannedAiringKey key : aired) {
      String ruleKey = key.ruleKey();
      if ((ruleKey.equals(rule.key()) || ruleKey.equals(rule.key() + MAKE_UP_SUFFIX))
          && key.localStart().map(YearMonth::from).filter(month::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static MakeUp makeUp(Schedule schedule, StationFacts station, AiringRule rule, YearMonth month,
      List<PlannedAiring> ofMonth, LocalDateTime now, List<PlannedAiring> planned) {
    Programme programme = schedule.programme(rule.programme())
        .orElseThrow(() -> new IllegalArgumentException("rule " + rule.key() + " names unknown programme " + rule.programme()));
    Duration length = programme.plannedLength();
    ZoneId zone = station.timeZone();
    String missed = ofMonth.isEmpty()
        ? "had no airing planned"
        : "did not air (planned " + ofMonth.stream()
            .map(a -> DAY_TIME.format(LocalDateTime.ofInstant(a.startsAt(), zone))).reduce((a, b) -> a + ", " + b).orElse("") + ")";
    String what = "CCHC " + rule.key() + " for " + month + " " + missed;
    List<TimeWindow> windows = new ArrayList<>(station.peakWindows());
    if (windows.isEmpty()) {
      for (LocalTime t : rule.times()) {
        windows.add(new TimeWindow(t, t.plusHours(1)));
      }
    }
    windows.sort(Comparator.comparing(TimeWindow::start));
    List<PlannedAiring> others = new ArrayList<>(planned);
    others.sort(Expansion.IN_ORDER);
    LocalDate first = now.toLocalDate().isBefore(month.atDay(1)) ? month.atDay(1) : now.toLocalDate();
    for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      if (rule.excludes(day)) {
        continue;
      }
      for (TimeWindow w : windows) {
        LocalDateTime windowStart = day.atTime(w.start());
        LocalDateTime windowEnd = w.wrapsMidnight() ? day.plusDays(1).atTime(w.end()) : day.atTime(w.end());
        LocalDateTime candidate = windowStart.isBefore(now) ? ceilMinute(now) : windowStart;
        while (!candidate.plus(length).isAfter(windowEnd)) {
          Optional<LocalDateTime> busyUntil = busyUntil(schedule, others, candidate, length, station);
          if (busyUntil.isEmpty()) {
            Optional<String> topic = Expansion.topicFor(rule, station, month);
            String message = what + "; make-up planned " + DAY_TIME.format(candidate) + " in peak window " + w
                + topic.map(t -> ", topic " + t).orElse("");
            PlannedAiring airing = new PlannedAiring(PlannedAiringKey.of(rule.key() + MAKE_UP_SUFFIX, candidate), rule.programme(),
                Expansion.instant(candidate, zone), rule.zones().resolve(schedule.groupsWith(station)),
                rule.priority().orElse(programme.priority()), topic, Optional.of(message));
            return new MakeUp(rule.key(), month, Optional.of(airing), message);
          }
          candidate = ceilMinute(busyUntil.get());
        }
      }
    }
    return new MakeUp(rule.key(), month, Optional.empty(), what + "; no peak window is left in " + month + " for a make-up");
  }

  private static Optional<LocalDateTime> busyUntil(Schedule schedule, List<PlannedAiring> others, LocalDateTime candidate, Duration length, StationFacts station) {
    Instant start = Expansion.instant(candidate, station.timeZone());
    Instant end = start.plus(length);
    Instant latest = null;
    for (PlannedAiring o : others) {
      if (!o.startsAt().isBefore(end)) {
        break;
      }
      Duration otherLength = schedule.programme(o.programme()).map(Programme::plannedLength).orElse(UNKNOWN_LENGTH);
      Instant oEnd = o.startsAt().plus(otherLength);
      if (oEnd.isAfter(start) && (latest == null || oEnd.isAfter(latest))) {
        latest = oEnd;
      }
    }
    return Optional.ofNullable(latest).map(i -> LocalDateTime.ofInstant(i, station.timeZone()));
  }

  private static LocalDateTime ceilMinute(LocalDateTime t) {
    LocalDateTime floor = t.truncatedTo(ChronoUnit.MINUTES);
    return floor.equals(t) ? t : floor.plusMinutes(1);
  }
}
