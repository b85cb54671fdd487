package io.loaxa.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a schedule into the planned airings of a date range, in the station's time zone. Each airing
 * is keyed by its rule and local start ({@code rule@2026-03-02T06:00:00}), so planning the same days
 * again yields the same keys. A local time that a daylight-saving jump skips airs at the same wall
 * time after the jump, as java.time and RFC 5545 both resolve it.
 */
public final class Expansion {
  /** Planned airings in start order, then key order. */
  public static final Comparator<PlannedAiring> IN_ORDER = (a, b) -> {
    int c = a.startsAt().compareTo(b.startsAt());
    return c != 0 ? c : a.key().value().compareTo(b.key().value());
  };

  private Expansion() {}

  /**
   * The planned airings of every rule from {@code first} up to, not including, {@code end} (local
   * dates), in start order.
   *
   * @throws IllegalArgumentException when a rule names a programme or zone group the schedule lacks
   */
  public static List<PlannedAiring> plan(Schedule schedule, StationFacts station, LocalDate first, LocalDate end) {
    Map<ProgrammeKey, Programme> programmes = new HashMap<>();
    schedule.programmes().forEach(p -> programmes.put(p.key(), p));
    Map<String, List<ZoneKey>> groups = schedule.groupsWith(station);
    List<PlannedAiring> out = new ArrayList<>();
    for (AiringRule rule : schedule.rules()) {
      expandRule(rule, programmes, groups, station, first, end, out);
    }
    out.sort(IN_ORDER);
    return out;
  }

  /** The planned airings of one rule from {@code first} up to, not including, {@code end}. */
  public static List<PlannedAiring> plan(Schedule schedule, StationFacts station, AiringRule rule, LocalDate first, LocalDate end) {
    Map<ProgrammeKey, Programme> programmes = new HashMap<>();
    schedule.programmes().forEach(p -> programmes.put(p.key(), p));
    List<PlannedAiring> out = new ArrayList<>();
    expandRule(rule, programmes, schedule.groupsWith(station), station, first, end, out);
    out.sort(IN_ORDER);
    return out;
  }

  /**
   * The topic a rotating CCHC rule airs in {@code month}: the topics taken in turn by calendar month,
   * so consecutive months differ whenever there are two topics or more. Empty for other rules, or
   * when there are no topics.
   */
  public static Optional<String> topicFor(AiringRule rule, StationFacts station, YearMonth month) {
    if (!rule.rotateTopics()) {
      return Optional.empty();
    }
    List<String> topics = topicsOf(rule, station);
    if (topics.isEmpty()) {
      return Optional.empty();
    }
    long index = Math.floorMod(month.getYear() * 12L + month.getMonthValue() - 1, (long) topics.size());
    return Optional.of(topics.get((int) index));
  }

  /** The topics a rotating rule takes in turn: its own, or else the station's. */
  public static List<String> topicsOf(AiringRule rule, StationFacts station) {
    return rule.topics().isEmpty() ? station.cchcTopics() : rule.topics();
  }

  /** The instant a local date-time names in {@code zone}; a skipped local time moves past the gap. */
  public static Instant instant(LocalDateTime local, ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      return local.toInstant(offset);
    }
    return local.atZone(zone).toInstant();
  }

  private static void expandRule(AiringRule rule, Map<ProgrammeKey, Programme> programmes, Map<String, List<ZoneKey>> groups,
      StationFacts station, LocalDate first, LocalDate end, List<PlannedAiring> out) {
    Programme programme = programme(programmes, rule.programme(), rule);
    ZoneSelection zones = rule.zones().resolve(groups);
    Priority priority = rule.priority().orElse(programme.priority());
    ZoneId zone = station.timeZone();
    ZoneOffset fixed = fixedOffset(zone, first, end);
    LocalDate start = rule.from().filter(f -> f.isAfter(first)).orElse(first);
    LocalDate stop = rule.until().map(u -> u.plusDays(1)).filter(u -> u.isBefore(end)).orElse(end);
    if (rule.recurrence() instanceof Recurrence.Once once) {
      start = once.date().isBefore(start) ? stop : once.date();
      stop = once.date().plusDays(1).isBefore(stop) ? once.date().plusDays(1) : stop;
    }
    YearMonth month = null;
    Optional<String> topic = Optional.empty();
    boolean hasOverrides = !rule.overrides().isEmpty();
    for (LocalDate day = start; day.isBefore(stop); day = day.plusDays(1)) {
      if (rule.rotateTopics() && (month == null || month.getMonthValue() != day.getMonthValue() || month.getYear() != day.getYear())) {
        month = YearMonth.from(day);
        topic = topicFor(rule, station, month);
      }
      if (hasOverrides) {
        Optional<DatedOverride> o = rule.overrideOn(day);
        if (o.isPresent()) {
          DatedOverride override = o.get();
          LocalDateTime local = day.atTime(override.at().orElse(rule.times().get(0)));
          Programme p = override.programme().map(k -> programme(programmes, k, rule)).orElse(programme);
          out.add(new PlannedAiring(PlannedAiringKey.of(rule.key(), local), p.key(),
              fixed != null ? local.toInstant(fixed) : instant(local, zone),
              override.zones().map(z -> z.resolve(groups)).orElse(zones),
              rule.priority().orElse(p.priority()), topic, Optional.of("override for " + day)));
          continue;
        }
      }
      if (!rule.firesOn(day)) {
        continue;
      }
      for (LocalTime t : rule.times()) {
        LocalDateTime local = day.atTime(t);
        out.add(new PlannedAiring(PlannedAiringKey.of(rule.key(), local), programme.key(),
            fixed != null ? local.toInstant(fixed) : instant(local, zone), zones, priority, topic, Optional.empty()));
      }
    }
  }

  /** The zone's offset when it has no transition around the range (Vietnam since 1975), else null. */
  private static ZoneOffset fixedOffset(ZoneId zone, LocalDate first, LocalDate end) {
    java.time.zone.ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      return rules.getOffset(Instant.EPOCH);
    }
    Instant from = first.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    java.time.zone.ZoneOffsetTransition next = rules.nextTransition(from);
    if (next == null || next.getInstant().isAfter(end.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant())) {
      return rules.getOffset(from);
    }
    return null;
  }

  private static Programme programme(Map<ProgrammeKey, Programme> programmes, ProgrammeKey key, AiringRule rule) {
    Programme p = programmes.get(key);
    if (p == null) {
      throw new IllegalArgumentException("rule " + rule.key() + " names unknown programme " + key);
    }
    return p;
  }
}
