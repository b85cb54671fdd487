package io.loaxa.schedules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programme grid of a station (lịch phát): zone groups the schedule defines, programmes and the
 * airing rules that say when they air. The database holds it at run time; the schedule file is its
 * import and export form.
 *
 * @param holidays the station's own holidays by name ({@code nghi-tet}), each with the days listed for
 *     it in order; airings name them in {@code except}
 */
public record Schedule(int version, Map<String, List<ZoneKey>> zoneGroups, List<Programme> programmes, List<AiringRule> rules,
    Map<String, List<java.time.LocalDate>> holidays) {
  public static final int VERSION = 1;

  public Schedule {
    LinkedHashMap<String, List<ZoneKey>> groups = new LinkedHashMap<>();
    zoneGroups.forEach((k, v) -> groups.put(k, List.copyOf(v)));
    zoneGroups = java.util.Collections.unmodifiableMap(groups);
    programmes = List.copyOf(programmes);
    rules = List.copyOf(rules);
    LinkedHashMap<String, List<java.time.LocalDate>> days = new LinkedHashMap<>();
    holidays.forEach((k, v) -> days.put(k, List.copyOf(new java.util.TreeSet<>(v))));
    holidays = java.util.Collections.unmodifiableMap(days);
  }

  /** A grid without holidays of its own. */
  public Schedule(int version, Map<String, List<ZoneKey>> zoneGroups, List<Programme> programmes, List<AiringRule> rules) {
    this(version, zoneGroups, programmes, rules, Map.of());
  }

  public static Schedule empty() {
    return new Schedule(VERSION, Map.of(), List.of(), List.of());
  }

  public Optional<Programme> programme(ProgrammeKey key) {
    return programmes.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  public Optional<AiringRule> rule(String key) {
    return rules.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** The zone groups of the station and of this schedule together (the schedule's win on a clash). */
  public Map<String, List<ZoneKey>> groupsWith(StationFacts station) {
    Map<String, List<ZoneKey>> all = new LinkedHashMap<>(station.zoneGroups());
    all.putAll(zoneGroups);
    return all;
  }
}
