package io.loaxa.schedules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A recurring rule or a one-off of the programme grid (lịch phát): which programme airs, to which
 * zones, at which local times, on which days.
 *
 * @param key stable name of the rule; the planned airings it yields are keyed {@code key@local-start}
 * @param times local start times, each day it fires (at least one)
 * @param from first day it may fire; needed by {@link Recurrence.EveryNDays}
 * @param until last day it may fire, included
 * @param except days it does not fire (Tết, holidays), in date order
 * @param overrides dated changes, in date order, one per date at most
 * @param priority the priority of its airings when it differs from the programme's
 * @param rotateTopics the monthly CCHC rule: each calendar month airs the next topic, so consecutive
 *     months differ; its airings carry the topic that fills {@code {topic}} in the programme
 * @param topics the topics it rotates through; empty to use the station's CCHC topics
 * @param exceptDays days off by name (a named day every year, a holiday of the schedule), in the
 *     order written
 */
public record AiringRule(
    String key,
    ProgrammeKey programme,
    ZoneChoice zones,
    List<LocalTime> times,
    Recurrence recurrence,
    Optional<LocalDate> from,
    Optional<LocalDate> until,
    List<LocalDate> except,
    List<DatedOverride> overrides,
    Optional<Priority> priority,
    boolean rotateTopics,
    List<String> topics,
    List<ExceptDay> exceptDays) {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

  public AiringRule {
    Objects.requireNonNull(key, "key");
    if (!isValidKey(key)) {
      throw new IllegalArgumentException("rule key '" + key + "': use lower-case letters, digits, '-', '_' or '.'");
    }
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(zones, "zones");
    times = List.copyOf(new TreeSet<>(times));
    if (times.isEmpty()) {
      throw new IllegalArgumentException("rule " + key + " needs at least one time");
    }
    Objects.requireNonNull(recurrence, "recurrence");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    except = List.copyOf(new TreeSet<>(except));
    overrides = overrides.stream().sorted(Comparator.comparing(DatedOverride::on)).toList();
    for (int i = 1; i < overrides.size(); i++) {
      if (overrides.get(i).on().equals(overrides.get(i - 1).on())) {
        throw new IllegalArgumentException("rule " + key + " has two overrides on " + overrides.get(i).on());
      }
    }
    Objects.requireNonNull(priority, "priority");
    topics = List.copyOf(topics);
    exceptDays = List.copyOf(exceptDays);
    if (recurrence instanceof Recurrence.EveryNDays && from.isEmpty()) {
      throw new IllegalArgumentException("rule " + key + ": 'every' needs a from date to count from");
    }
  }

  /** A rule without days off by name. */
  public AiringRule(String key, ProgrammeKey programme, ZoneChoice zones, List<LocalTime> times, Recurrence recurrence,
      Optional<LocalDate> from, Optional<LocalDate> until, List<LocalDate> except, List<DatedOverride> overrides,
      Optional<Priority> priority, boolean rotateTopics, List<String> topics) {
    this(key, programme, zones, times, recurrence, from, until, except, overrides, priority, rotateTopics, topics, List.of());
  }

  public static boolean isValidKey(String text) {
    return text != null && KEY.matcher(text).matches();
  }

  /** Whether {@code day} lies within its from/until dates (a one-off: is its day); overrides apply only there. */
  public boolean covers(LocalDate day) {
    if (recurrence instanceof Recurrence.Once once) {
      return once.date().equals(day);
    }
    return (from.isEmpty() || !day.isBefore(from.get())) && (until.isEmpty() || !day.isAfter(until.get()));
  }

  /** Whether its recurrence fires on {@code day} within from/until and not on an except date. */
  public boolean firesOn(LocalDate day) {
    if (from.isPresent() && day.isBefore(from.get())) {
      return false;
    }
    if (until.isPresent() && day.isAfter(until.get())) {
      return false;
    }
    if (excludes(day)) {
      return false;
    }
    return recurrence.firesOn(day, from);
  }

  /** Whether {@code day} is one of its days off: an except date, a named day or a listed holiday. */
  public boolean excludes(LocalDate day) {
    if (!except.isEmpty() && except.contains(day)) {
      return true;
    }
    for (ExceptDay d : exceptDays) {
      if (d.contains(day)) {
        return true;
      }
    }
    return false;
  }

  public Optional<DatedOverride> overrideOn(LocalDate day) {
    for (DatedOverride o : overrides) {
      if (o.on().equals(day)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
