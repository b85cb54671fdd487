package io.loaxa.bench.schedules;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.Conflict;
import io.loaxa.schedules.Conflicts;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ical.RecurrenceRules;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Expands and conflict-checks one year of a large commune's grid (by default 60 zones, 300 rules)
 * and prints the times, the peak heap and the ratio to a baseline measured in the same run: the same
 * rules iterated as RRULEs by lib-recur. Wall-clock timing is the point here, so it reads
 * {@link System#nanoTime()} itself.
 */
public final class ExpansionBench {
  /** What one run measured. */
  public record Result(int zones, int rules, int airings, int conflicts, double expandMillis, double checkMillis,
      double baselineMillis, double cpuMillis, long peakHeapBytes, long retainedBytes) {
    public double totalMillis() {
      return expandMillis + checkMillis;
    }
  }

  /** The target the issue sets: one year for 60 zones and 300 rules within half a second. */
  public static final double TARGET_MILLIS = 500;

  private ExpansionBench() {}

  public static void main(String[] args) {
    run(60, 300, 7, new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
  }

  /**
   * Runs the benchmark and prints its report to {@code out}.
   *
   * @param rounds measured rounds after two warm-up rounds; the median is reported
   */
  public static Result run(int zoneCount, int ruleCount, int rounds, PrintWriter out) {
    StationFacts station = station(zoneCount);
    Schedule schedule = schedule(station, ruleCount, 20260101L);
    LocalDate first = LocalDate.of(2026, 1, 1);
    LocalDate end = first.plusYears(1);
    Map<ProgrammeKey, Duration> lengths = new HashMap<>();
    schedule.programmes().forEach(p -> lengths.put(p.key(), p.plannedLength()));

    double[] expand = new double[rounds];
    double[] check = new double[rounds];
    double[] baseline = new double[rounds];
    double[] cpu = new double[rounds];
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<PlannedAiring> airings = List.of();
    List<Conflict> conflicts = List.of();
    for (int round = -2; round < rounds; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      airings = Expansion.plan(schedule, station, first, end);
      long t1 = System.nanoTime();
      conflicts = Conflicts.find(airings, lengths::get, station.zones());
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      int count = 0;
      for (AiringRule r : schedule.rules()) {
        count += RecurrenceRules.instances(r, first, end).size();
      }
      long t3 = System.nanoTime();
      if (count < 0) {
        throw new IllegalStateException("unreachable, keeps the baseline from being optimised away");
      }
      if (round >= 0) {
        expand[round] = (t1 - t0) / 1e6;
        check[round] = (t2 - t1) / 1e6;
        baseline[round] = (t3 - t2) / 1e6;
        cpu[round] = (c2 - c0) / 1e6;
      }
    }
    airings = null;
    conflicts = null;
    long before = usedAfterGc();
    resetPeaks();
    List<PlannedAiring> kept = Expansion.plan(schedule, station, first, end);
    List<Conflict> keptConflicts = Conflicts.find(kept, lengths::get, station.zones());
    long peak = peakHeap();
    long retained = usedAfterGc() - before;
    Result result = new Result(zoneCount, ruleCount, kept.size(), keptConflicts.size(), median(expand), median(check), median(baseline),
        median(cpu), peak, Math.max(0, retained));
    report(result, rounds, out);
    out.flush();
    return result;
  }

  private static void report(Result r, int rounds, PrintWriter out) {
    out.printf("schedule bench: %d zones x %d rules, one year (2026), median of %d rounds%n", r.zones(), r.rules(), rounds);
    out.printf("  planned airings      %,10d%n", r.airings());
    out.printf("  same-priority overlaps found %,d%n", r.conflicts());
    out.printf("  expand               %10.1f ms%n", r.expandMillis());
    out.printf("  conflict check       %10.1f ms%n", r.checkMillis());
    out.printf("  expand + check       %10.1f ms   target < %.0f ms: %s%n", r.totalMillis(), TARGET_MILLIS,
        r.totalMillis() < TARGET_MILLIS ? "met" : "NOT MET");
    out.printf("  expand + check CPU   %10.1f ms   (this thread's CPU time; wall time grows when other work shares the cores)%n",
        r.cpuMillis());
    out.printf("  load average %.2f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    out.printf("  baseline: lib-recur iterating the same rules as RRULEs (local times only: no planned airings,"
        + " keys, zones or sorting) %.1f ms; expansion takes %.1fx that%n", r.baselineMillis(), r.expandMillis() / r.baselineMillis());
    out.printf("  peak heap during expand + check %.1f MB (after GC before it: counted in); result retained %.1f MB%n",
        r.peakHeapBytes() / 1e6, r.retainedBytes() / 1e6);
  }

  /** A station of {@code n} hamlets {@code ap-1 …} in four zone groups. */
  static StationFacts station(int n) {
    List<ZoneKey> zones = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      zones.add(new ZoneKey("ap-" + i));
    }
    Map<String, List<ZoneKey>> groups = new LinkedHashMap<>();
    for (int g = 0; g < 4; g++) {
      groups.put("cum-" + (g + 1), zones.subList(g * n / 4, (g + 1) * n / 4));
    }
    return StationFacts.of(StationFacts.VIETNAM, zones).withZoneGroups(groups).withCchcTopics(List.of("a", "b", "c"));
  }

  /**
   * A seeded grid like a large commune's: four clusters of hamlets, each with its own run of items
   * through the day (mostly daily and weekly, 5 to 15 minutes, to the cluster or a few of its
   * hamlets), and one item in thirty to every hamlet. Like a real grid before its check it still
   * holds overlaps: all-hamlet items over cluster items, runs that wrap around the day.
   */
  static Schedule schedule(StationFacts station, int ruleCount, long seed) {
    Random random = new Random(seed);
    List<Programme> programmes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      programmes.add(new Programme(new ProgrammeKey("ct-" + i), "Chương trình " + i, new Category("thong-tin"),
          i < 36 ? Priority.NORMAL : Priority.PRIORITY, List.of(new Segment.Speech("tin/" + i + ".txt")), Duration.ofMinutes(10),
          Optional.of(Duration.ofMinutes(5 + random.nextInt(11))), Optional.of("default"), Optional.empty()));
    }
    List<String> groupKeys = new ArrayList<>(station.zoneGroups().keySet());
    int[] cursor = new int[groupKeys.size()];
    java.util.Arrays.fill(cursor, 5 * 60);
    List<AiringRule> rules = new ArrayList<>();
    for (int i = 0; i < ruleCount; i++) {
      int cluster = i % groupKeys.size();
      List<ZoneKey> members = station.zoneGroups().get(groupKeys.get(cluster));
      int z = random.nextInt(30);
      ZoneChoice zones;
      if (z == 0) {
        zones = new ZoneChoice.All();
      } else if (z < 10) {
        zones = new ZoneChoice.Group(groupKeys.get(cluster));
      } else {
        List<ZoneKey> some = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int k = 0; k < n; k++) {
          ZoneKey key = members.get(random.nextInt(members.size()));
          if (!some.contains(key)) {
            some.add(key);
          }
        }
        zones = new ZoneChoice.Listed(some);
      }
      ProgrammeKey programme = programmes.get(random.nextInt(programmes.size())).key();
      int minutes = (int) programmes.stream().filter(p -> p.key().equals(programme)).findFirst().orElseThrow().plannedLength().toMinutes();
      // each cluster's items follow one another through the day; past 21:00 they start again at 05:00 on other days
      int start = cursor[cluster];
      cursor[cluster] += minutes + 5;
      if (cursor[cluster] > 21 * 60) {
        cursor[cluster] = 5 * 60 + random.nextInt(6) * 5;
      }
      int kind = random.nextInt(20);
      Recurrence recurrence;
      Optional<LocalDate> from = Optional.empty();
      if (kind < 8) {
        recurrence = new Recurrence.Daily();
      } else if (kind < 15) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int n = 1 + random.nextInt(5);
        while (days.size() < n) {
          days.add(DayOfWeek.of(1 + random.nextInt(7)));
        }
        recurrence = new Recurrence.Weekly(days);
      } else if (kind < 18) {
        recurrence = random.nextBoolean() ? new Recurrence.MonthlyWeekday(1 + random.nextInt(4), DayOfWeek.of(1 + random.nextInt(7)))
            : new Recurrence.MonthlyDay(1 + random.nextInt(28));
      } else {
        recurrence = new Recurrence.EveryNDays(2 + random.nextInt(6));
        from = Optional.of(LocalDate.of(2025, 12, 1 + random.nextInt(31)));
      }
      List<LocalTime> times = new ArrayList<>();
      times.add(LocalTime.of(start / 60, start % 60));
      if (random.nextInt(3) == 0) {
        times.add(LocalTime.of(start / 60, start % 60).plusHours(12).isAfter(LocalTime.of(21, 0))
            ? LocalTime.of(start / 60, start % 60).minusHours(6) : LocalTime.of(start / 60, start % 60).plusHours(12));
      }
      List<LocalDate> except = random.nextInt(4) == 0
          ? List.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18)) : List.of();
      rules.add(new AiringRule("lich-" + i, programme, zones, times, recurrence, from,
          Optional.empty(), except, List.of(), Optional.empty(), false, List.of()));
    }
    return new Schedule(Schedule.VERSION, Map.of(), programmes, rules);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
