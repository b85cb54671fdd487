package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.ReportedRun;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
import io.loaxa.scheduler.report.PeriodReport.DailyOutcomes;
import io.loaxa.scheduler.report.PeriodReport.DaySpan;
import io.loaxa.scheduler.report.PeriodReport.HamletLine;
import io.loaxa.scheduler.report.PeriodReport.MonthlyAirtime;
import io.loaxa.scheduler.report.PeriodReport.Shortfall;
import io.loaxa.scheduler.report.PeriodReport.ShortfallGroup;
import io.loaxa.scheduler.report.PeriodReport.TitleLine;
import io.loaxa.scheduler.report.PeriodReport.Totals;
import io.loaxa.scheduler.report.ReportStation.Hamlet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Adds up a period of the airing log in one pass, run by run as the log streams them, into a
 * {@link PeriodReport}. Memory grows with the number of categories, hamlets, titles and months, not
 * with the number of runs: runs that did not complete are kept one by one only up to
 * {@link #MAX_SHORTFALLS} (the rest are counted), and their reasons up to {@link #MAX_REASONS}.
 */
public final class PeriodTally implements Consumer<ReportedRun> {
  static final int MAX_SHORTFALLS = 2000;
  static final int MAX_REASONS = 200;
  /**
   * How many spellings of titles and pairs of zone lists are remembered: the maps grow with what the
   * log holds (a busy year: a few hundred titles, some ten thousand zone lists) up to this; past it
   * the rest are worked out each time.
   */
  static final int MAX_CACHED = 1 << 15;

  private final ReportStation station;
  private final ReportPeriod period;
  private final PeakWindows peaks;
  private final Language lang;
  private final AiringLogTable table;
  private final List<YearMonth> months;
  private final Map<String, Integer> hamletIndex = new HashMap<>();
  /** Titles composed (NFC) with their category: what the report lists. */
  private final Map<TitleKey, TitleCount> composedTitles = new LinkedHashMap<>();
  /** Titles as the log writes them, each to its composed count: a busy year repeats a few hundred titles. */
  private final Map<TitleKey, TitleCount> titles = new HashMap<>();
  /** The hamlets reached by each pair of zone lists seen so far. */
  private final Map<ReachKey, Reach> reaches = new HashMap<>();
  /**
   * The same by the lists themselves: a log that hands out one list object per distinct text (as the
   * SQLite log does) is looked up without hashing the lists' keys again on every run.
   */
  private final Map<List<String>, Map<List<String>, Reach>> reachesByList = new IdentityHashMap<>();
  private int reachesByListSize;
  /** Station wall-clock seconds over the period, by one offset table for the station's zone. */
  private final LocalSeconds localSeconds;
  private final long firstDay;
  /** The month (index into {@link #months}) of each day of the period. */
  private final int[] monthOfDay;
  /** The peak windows as seconds of the day: from (inclusive), to (exclusive). */
  private final int[] peakFrom;
  private final int[] peakTo;

  private long runs;
  private long aired;
  private long airtime;
  private long notCompleted;
  private final Map<String, CategoryCount> categories = new LinkedHashMap<>();
  private final Map<String, HamletCount> hamlets = new LinkedHashMap<>();
  private final Map<ReasonKey, ReasonCount> reasons = new LinkedHashMap<>();
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private final long[][] peak;
  private final long[][] offPeak;
  /** Runs per day of the period and outcome, as {@link DailyOutcomes} lays them out. */
  private final long[][] daily;

  /** Adds up {@code log} over the period and returns the report, made at {@code clock}'s now. */
  public static PeriodReport of(AiringLog log, ReportStation station, ReportPeriod period, PeakWindows peaks,
      Language lang, Clock clock) {
    PeriodTally tally = new PeriodTally(station, period, peaks, lang);
    log.forEachReportedRun(period.start(station.timeZone()), period.end(station.timeZone()), tally);
    return tally.report(clock.instant());
  }

  public PeriodTally(ReportStation station, ReportPeriod period, PeakWindows peaks, Language lang) {
    this.station = station;
    this.period = period;
    this.peaks = peaks;
    this.lang = lang;
    this.table = new AiringLogTable(station, lang);
    this.months = period.months();
    for (Hamlet h : station.hamlets()) {
      hamletIndex.put(h.key(), hamletIndex.size());
      hamlets.put(h.key(), new HamletCount(h, true, hamlets.size()));
    }
    this.peak = new long[months.size()][station.hamlets().size()];
    this.offPeak = new long[months.size()][station.hamlets().size()];
    this.daily = new long[Math.toIntExact(period.days())][DailyOutcomes.ON_AIR + 1];
    categories.put(Terms.CCHC, new CategoryCount(months.size()));
    this.localSeconds = new LocalSeconds(station.timeZone(), period.start(station.timeZone()),
        period.end(station.timeZone()));
    this.firstDay = period.first().toEpochDay();
    this.monthOfDay = new int[daily.length];
    for (int d = 0; d < monthOfDay.length; d++) {
      monthOfDay[d] = monthIndex(period.first().plusDays(d));
    }
    this.peakFrom = peaks.windows().stream().mapToInt(w -> w.from().toSecondOfDay()).toArray();
    this.peakTo = peaks.windows().stream().mapToInt(w -> w.to().toSecondOfDay()).toArray();
  }

  private static final class CategoryCount {
    long aired;
    long airtime;
    long notCompleted;
    /** Hamlets reached, by {@link HamletCount#seen}. */
    final BitSet hamlets = new BitSet();
    final long[] monthly;

    CategoryCount(int months) {
      monthly = new long[months];
    }
  }

  private static final class HamletCount {
    final Hamlet hamlet;
    final boolean inConfig;
    /** The hamlet's place among every hamlet the tally has seen: the config's first, then the log's others. */
    final int seen;
    long aired;
    long airtime;
    long cchcAired;
    long cchcAirtime;

    HamletCount(Hamlet hamlet, boolean inConfig, int seen) {
      this.hamlet = hamlet;
      this.inConfig = inConfig;
      this.seen = seen;
    }
  }

  private record TitleKey(String title, String category) {}

  private static final class TitleCount {
    long aired;
    long airtime;
    final BitSet days = new BitSet();
    /** Hamlets reached in the order first reached, and the same by {@link HamletCount#seen}. */
    final List<String> hamlets = new ArrayList<>();
    final BitSet seen = new BitSet();
  }

  private record ReachKey(List<String> confirmed, List<String> unconfirmed) {}

  /** The hamlets one pair of zone lists reaches: their counts, config places (-1: not configured), seen places. */
  private record Reach(HamletCount[] counts, int[] configIndex, int[] seenIndex, BitSet seen) {}

  private record ReasonKey(Optional<Outcome> outcome, String reason) {}

  private static final class ReasonCount {
    long count;
    LocalDate first;
    LocalDate last;
  }

  @Override
  public void accept(ReportedRun r) {
    long plannedDay = LocalSeconds.epochDay(localSeconds.local(r.plannedAt().getEpochSecond())) - firstDay;
    if (plannedDay < 0 || plannedDay >= daily.length) {
      return;
    }
    int day = (int) plannedDay;
    int month = monthOfDay[day];
    runs++;
    Optional<Outcome> outcome = r.outcome();
    daily[day][outcome.isPresent() ? outcome.get().ordinal() : DailyOutcomes.ON_AIR]++;
    String categoryKey = r.category() == null ? "" : r.category();
    CategoryCount category = categories.get(categoryKey);
    if (category == null) {
      category = new CategoryCount(months.size());
      categories.put(categoryKey, category);
    }
    if (!r.aired()) {
      notCompleted++;
      category.notCompleted++;
      shortfall(r, table.local(r.plannedAt()));
      return;
    }
    long seconds = r.airtimeSeconds();
    aired++;
    airtime += seconds;
    category.aired++;
    category.airtime += seconds;
    category.monthly[month] += seconds;
    boolean cchc = Terms.isCchc(categoryKey);
    boolean inPeak = inPeak(LocalSeconds.secondOfDay(
        localSeconds.local(r.startedAt().orElse(r.plannedAt()).getEpochSecond())));
    Reach reach = reach(r.zonesConfirmed(), r.zonesUnconfirmed());
    category.hamlets.or(reach.seen);
    long[][] grid = inPeak ? peak : offPeak;
    for (int i = 0; i < reach.counts.length; i++) {
      HamletCount h = reach.counts[i];
      h.aired++;
      h.airtime += seconds;
      if (cchc) {
        h.cchcAired++;
        h.cchcAirtime += seconds;
        if (reach.configIndex[i] >= 0) {
          grid[month][reach.configIndex[i]]++;
        }
      }
    }
    TitleCount title = titles.get(new TitleKey(r.title() == null ? "" : r.title(), categoryKey));
    if (title == null) {
      title = title(r.title(), categoryKey);
    }
    title.aired++;
    title.airtime += seconds;
    title.days.set(day);
    for (int i = 0; i < reach.counts.length; i++) {
      int seen = reach.seenIndex[i];
      if (!title.seen.get(seen)) {
        title.seen.set(seen);
        title.hamlets.add(reach.counts[i].hamlet.key());
      }
    }
  }

  /** The count of a title as the log writes it, shared by every spelling that composes to the same text. */
  private TitleCount title(String written, String categoryKey) {
    String composed = AiringLogTable.text(written);
    TitleCount count = composedTitles.computeIfAbsent(new TitleKey(composed, categoryKey), k -> new TitleCount());
    if (titles.size() < MAX_CACHED) {
      titles.put(new TitleKey(written == null ? "" : written, categoryKey), count);
    }
    return count;
  }

  /**
   * The hamlets a run reached, confirmed then unconfirmed, once each: worked out once for each pair
   * of zone lists, since a station's runs go to the same few sets of hamlets over and over.
   */
  private Reach reach(List<String> confirmed, List<String> unconfirmed) {
    Map<List<String>, Reach> byUnconfirmed = reachesByList.get(confirmed);
    if (byUnconfirmed != null) {
      Reach same = byUnconfirmed.get(unconfirmed);
      if (same != null) {
        return same;
      }
    }
    Reach reach = reachByKeys(confirmed, unconfirmed);
    if (reachesByListSize < MAX_CACHED) {
      reachesByList.computeIfAbsent(confirmed, k -> new IdentityHashMap<>()).put(unconfirmed, reach);
      reachesByListSize++;
    }
    return reach;
  }

  private Reach reachByKeys(List<String> confirmed, List<String> unconfirmed) {
    ReachKey key = new ReachKey(confirmed, unconfirmed);
    Reach known = reaches.get(key);
    if (known != null) {
      return known;
    }
    Set<String> keys = new LinkedHashSet<>(confirmed);
    keys.addAll(unconfirmed);
    HamletCount[] counts = new HamletCount[keys.size()];
    int[] configIndex = new int[keys.size()];
    int[] seenIndex = new int[keys.size()];
    BitSet seen = new BitSet();
    int i = 0;
    for (String k : keys) {
      HamletCount h = hamlets.computeIfAbsent(k, x -> new HamletCount(new Hamlet(x, x), false, hamlets.size()));
      counts[i] = h;
      configIndex[i] = hamletIndex.getOrDefault(k, -1);
      seenIndex[i] = h.seen;
      seen.set(h.seen);
      i++;
    }
    Reach reach = new Reach(counts, configIndex, seenIndex, seen);
    if (reaches.size() < MAX_CACHED) {
      reaches.put(key, reach);
    }
    return reach;
  }

  private void shortfall(ReportedRun r, LocalDateTime planned) {
    String reason = AiringLogTable.text(r.reason());
    ReasonKey key = new ReasonKey(r.outcome(), reason);
    if (!reasons.containsKey(key) && reasons.size() >= MAX_REASONS) {
      key = new ReasonKey(r.outcome(), lang.pick("(các lý do khác)", "(other reasons)"));
    }
    ReasonCount count = reasons.computeIfAbsent(key, k -> new ReasonCount());
    count.count++;
    LocalDate day = planned.toLocalDate();
    if (count.first == null) {
      count.first = day;
    }
    count.last = day;
    if (shortfalls.size() < MAX_SHORTFALLS) {
      shortfalls.add(new Shortfall(r.id(), planned, AiringLogTable.text(r.title()), Terms.category(r.category(), lang),
          r.outcome(), Terms.outcome(r.outcome(), lang), reason, table.zones(r.zonesRequested())));
    }
  }

  /** The report of everything accepted so far. */
  public PeriodReport report(Instant madeAt) {
    List<String> order = categoryOrder();
    List<CategoryLine> categoryLines = order.stream().map(k -> {
      CategoryCount c = categories.get(k);
      return new CategoryLine(k, Terms.category(k, lang), c.aired, Duration.ofSeconds(c.airtime), c.notCompleted,
          c.hamlets.cardinality());
    }).toList();

    List<HamletLine> hamletLines = new ArrayList<>();
    hamlets.values().stream()
        .sorted(Comparator.comparing((HamletCount h) -> !h.inConfig)
            .thenComparing(h -> h.inConfig ? hamletIndex.get(h.hamlet.key()) : 0)
            .thenComparing(h -> h.hamlet.key()))
        .forEach(h -> hamletLines.add(new HamletLine(h.hamlet, h.inConfig, h.aired, Duration.ofSeconds(h.airtime),
            h.cchcAired, Duration.ofSeconds(h.cchcAirtime))));

    List<TitleLine> titleLines = composedTitles.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<TitleKey, TitleCount> e) -> order.indexOf(e.getKey().category()))
            .thenComparing(e -> -e.getValue().aired)
            .thenComparing(e -> e.getKey().title()))
        .map(e -> new TitleLine(e.getKey().title(), e.getKey().category(), Terms.category(e.getKey().category(), lang),
            e.getValue().aired, Duration.ofSeconds(e.getValue().airtime), spans(e.getValue().days),
            e.getValue().days.cardinality(), List.copyOf(e.getValue().hamlets)))
        .toList();

    List<ShortfallGroup> groups = reasons.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<ReasonKey, ReasonCount> e) -> -e.getValue().count)
            .thenComparing(e -> e.getValue().first))
        .map(e -> new ShortfallGroup(e.getKey().outcome(), Terms.outcome(e.getKey().outcome(), lang),
            e.getKey().reason(), e.getValue().count, e.getValue().first, e.getValue().last))
        .toList();

    LocalDate today = LocalDateTime.ofInstant(madeAt, station.timeZone()).toLocalDate();
    List<Boolean> open = new ArrayList<>();
    List<Boolean> partial = new ArrayList<>();
    for (YearMonth m : months) {
      LocalDate lastDay = m.atEndOfMonth().isAfter(period.last()) ? period.last() : m.atEndOfMonth();
      open.add(!lastDay.isBefore(today));
      partial.add(!period.coversWhole(m));
    }
    Compliance compliance = new Compliance(months, station.hamlets(), peak, offPeak, open, partial);

    long[][] monthly = new long[months.size()][order.size()];
    for (int c = 0; c < order.size(); c++) {
      long[] seconds = categories.get(order.get(c)).monthly;
      for (int m = 0; m < months.size(); m++) {
        monthly[m][c] = seconds[m];
      }
    }
    MonthlyAirtime monthlyAirtime = new MonthlyAirtime(months, order,
        order.stream().map(k -> Terms.category(k, lang)).toList(), monthly);

    long[][] days = new long[daily.length][];
    for (int d = 0; d < daily.length; d++) {
      days[d] = daily[d].clone();
    }
    DailyOutcomes dailyOutcomes = new DailyOutcomes(period.first(), days);

    Totals totals = new Totals(runs, aired, Duration.ofSeconds(airtime), notCompleted);
    PeriodReport draft = new PeriodReport(station, period, peaks, lang, madeAt, totals, categoryLines, hamletLines,
        titleLines, groups, List.copyOf(shortfalls), notCompleted - shortfalls.size(), compliance, monthlyAirtime,
        dailyOutcomes, "");
    return new PeriodReport(station, period, peaks, lang, madeAt, totals, categoryLines, hamletLines, titleLines,
        groups, List.copyOf(shortfalls), notCompleted - shortfalls.size(), compliance, monthlyAirtime, dailyOutcomes,
        SummaryParagraph.of(draft));
  }

  /** CCHC first, then by airtime (most first), then by key. */
  private List<String> categoryOrder() {
    List<String> order = new ArrayList<>(categories.keySet());
    order.sort(Comparator.comparing((String k) -> !Terms.isCchc(k))
        .thenComparing(k -> -categories.get(k).airtime)
        .thenComparing(k -> -categories.get(k).notCompleted)
        .thenComparing(k -> k));
    return order;
  }

  /** Whether a first sample at this second of the station's day fell in a peak window. */
  private boolean inPeak(int secondOfDay) {
    for (int i = 0; i < peakFrom.length; i++) {
      if (secondOfDay >= peakFrom[i] && secondOfDay < peakTo[i]) {
        return true;
      }
    }
    return false;
  }

  private int monthIndex(LocalDate day) {
    LocalDate first = period.first();
    return (day.getYear() - first.getYear()) * 12 + day.getMonthValue() - first.getMonthValue();
  }

  private List<DaySpan> spans(BitSet days) {
    List<DaySpan> spans = new ArrayList<>();
    int start = days.nextSetBit(0);
    while (start >= 0) {
      int end = days.nextClearBit(start) - 1;
      spans.add(new DaySpan(period.first().plusDays(start), period.first().plusDays(end)));
      start = days.nextSetBit(end + 1);
    }
    return spans;
  }
}
