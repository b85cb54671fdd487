package io.loaxa.schedules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Seeded random rules and schedules for property tests: the same seed gives the same station. */
public final class RandomSchedules {
  private final Random random;
  private final List<ZoneKey> zones;

  public RandomSchedules(long seed, List<ZoneKey> zones) {
    this.random = new Random(seed);
    this.zones = zones;
  }

  public Recurrence recurrence() {
    switch (random.nextInt(6)) {
      case 0:
        return new Recurrence.Daily();
      case 1: {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int n = 1 + random.nextInt(6);
        while (days.size() < n) {
          days.add(DayOfWeek.of(1 + random.nextInt(7)));
        }
        return new Recurrence.Weekly(days);
      }
      case 2:
        return new Recurrence.EveryNDays(2 + random.nextInt(12));
      case 3:
        return new Recurrence.MonthlyWeekday(random.nextInt(6) == 0 ? -1 : 1 + random.nextInt(5), DayOfWeek.of(1 + random.nextInt(7)));
      case 4:
        return new Recurrence.MonthlyDay(random.nextInt(8) == 0 ? -1 : 1 + random.nextInt(31));
      default:
        return new Recurrence.Once(date(LocalDate.of(2024, 1, 1), 2200));
    }
  }

  public LocalDate date(LocalDate base, int spanDays) {
    return base.plusDays(random.nextInt(spanDays));
  }

  public LocalTime time() {
    return LocalTime.of(random.nextInt(24), random.nextInt(12) * 5);
  }

  public AiringRule rule(String key, ProgrammeKey programme, List<ProgrammeKey> others) {
    Recurrence r = recurrence();
    boolean once = r instanceof Recurrence.Once;
    Optional<LocalDate> from = (r instanceof Recurrence.EveryNDays || (!once && random.nextBoolean()))
        ? Optional.of(date(LocalDate.of(2024, 1, 1), 1500)) : Optional.empty();
    Optional<LocalDate> until = !once && random.nextInt(3) == 0
        ? Optional.of(from.orElse(LocalDate.of(2024, 6, 1)).plusDays(random.nextInt(900))) : Optional.empty();
    List<LocalTime> times = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      times.add(time());
    }
    List<LocalDate> except = new ArrayList<>();
    int e = random.nextInt(6);
    for (int i = 0; i < e; i++) {
      except.add(date(LocalDate.of(2024, 1, 1), 2200));
    }
    List<DatedOverride> overrides = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      LocalDate on = date(LocalDate.of(2024, 1, 1), 2200);
      boolean inRange = once ? on.equals(((Recurrence.Once) r).date())
          : (from.isEmpty() || !on.isBefore(from.get())) && (until.isEmpty() || !on.isAfter(until.get()));
      if (!except.contains(on) && inRange) {
        overrides.add(new DatedOverride(on, Optional.of(time()), random.nextBoolean() ? Optional.of(others.get(random.nextInt(others.size()))) : Optional.empty(),
            random.nextBoolean() ? Optional.of(zoneChoice(Map.of())) : Optional.empty()));
      }
    }
    boolean rotate = random.nextInt(5) == 0;
    return new AiringRule(key, programme, zoneChoice(Map.of()), times, r, from, until, except, overrides,
        random.nextBoolean() ? Optional.of(Priority.values()[random.nextInt(3)]) : Optional.empty(),
        rotate, rotate && random.nextBoolean() ? List.of("a", "b", "c") : List.of());
  }

  public ZoneChoice zoneChoice(Map<String, List<ZoneKey>> groups) {
    int k = random.nextInt(groups.isEmpty() ? 2 : 3);
    if (k == 0) {
      return new ZoneChoice.All();
    }
    if (k == 2) {
      return new ZoneChoice.Group(new ArrayList<>(groups.keySet()).get(random.nextInt(groups.size())));
    }
    List<ZoneKey> some = new ArrayList<>();
    int n = 1 + random.nextInt(Math.min(5, zones.size()));
    for (int i = 0; i < n; i++) {
      ZoneKey z = zones.get(random.nextInt(zones.size()));
      if (!some.contains(z)) {
        some.add(z);
      }
    }
    return new ZoneChoice.Listed(some);
  }

  public Segment segment() {
    switch (random.nextInt(7)) {
      case 0: return new Segment.File("nhạc/bài " + random.nextInt(100) + ".mp3");
      case 1: return new Segment.Text("Kính thưa bà con: \"họp\" lúc 7:30; #1, \\ dòng\nhai");
      case 2: return new Segment.Speech("cchc/{topic}.txt");
      case 3: return new Segment.Rebroadcast("http://radio.example/vov" + random.nextInt(3) + ".mp3?x=1&y=2", Duration.ofMinutes(1 + random.nextInt(60)));
      case 4: return new Segment.LineIn(Duration.ofSeconds(30 + random.nextInt(3600)));
      case 5: return new Segment.Gap(Duration.ofSeconds(1 + random.nextInt(9)));
      default: return new Segment.Chime(random.nextBoolean() ? "default" : "ket");
    }
  }

  public Programme programme(ProgrammeKey key) {
    List<Segment> segments = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      segments.add(segment());
    }
    return new Programme(key, "Chương trình " + key + ": \"thử\" #" + random.nextInt(9), new Category(random.nextBoolean() ? "cchc" : "thong-tin"),
        Priority.values()[random.nextInt(3)], segments, Duration.ofMinutes(random.nextInt(120)),
        random.nextBoolean() ? Optional.of(Duration.ofMinutes(1 + random.nextInt(60))) : Optional.empty(),
        random.nextBoolean() ? Optional.of("default") : Optional.empty(), random.nextBoolean() ? Optional.of("ket") : Optional.empty());
  }

  /** A schedule of {@code programmes} programmes and {@code rules} rules over the zones given. */
  public Schedule schedule(int programmes, int rules) {
    List<Programme> ps = new ArrayList<>();
    List<ProgrammeKey> keys = new ArrayList<>();
    for (int i = 0; i < programmes; i++) {
      ProgrammeKey k = new ProgrammeKey("ct-" + i);
      keys.add(k);
      ps.add(programme(k));
    }
    Map<String, List<ZoneKey>> groups = new LinkedHashMap<>();
    groups.put("nhom-a", List.of(zones.get(0)));
    List<AiringRule> rs = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      AiringRule r = rule("lich-" + i, keys.get(random.nextInt(keys.size())), keys);
      if (random.nextInt(5) == 0) {
        r = new AiringRule(r.key(), r.programme(), new ZoneChoice.Group("nhom-a"), r.times(), r.recurrence(), r.from(), r.until(),
            r.except(), r.overrides(), r.priority(), r.rotateTopics(), r.topics());
      }
      rs.add(r);
    }
    return new Schedule(Schedule.VERSION, groups, ps, rs);
  }
}
