package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
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
import java.util.HashSet;
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
public final class PeriodTally implements Consumer<AiringRunRecord> {
  static final int MAX_SHORTFALLS = 2000;
  static final int MAX_REASONS = 200;

  private final ReportStation station;
  private final ReportPeriod period;
  private final PeakWindows peaks;
  private final Language lang;
  private final AiringLogTable table;
  private final List<YearMonth> months;
  private final Map<String, Integer> hamletIndex = new HashMap<>();
  /** Titles as written in the log, composed once each: a busy year repeats a few hundred titles. */
  private final Map<String, String> composedTitles = new HashMap<>();

  private long runs;
  private long aired;
  private long airtime;
  private long notCompleted;
  private final Map<String, CategoryCount> categories = new LinkedHashMap<>();
  private final Map<String, HamletCount> hamlets = new LinkedHashMap<>();
  private final Map<TitleKey, TitleCount> titles = new HashMap<>();
  private final Map<ReasonKey, ReasonCount> reasons = new LinkedHashMap<>();
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private final long[][] peak;
  private final long[][] offPeak;

  /** Adds up {@code log} over the period and returns the report, made at {@code clock}'s now. */
  public static PeriodReport of(AiringLog log, ReportStation station, ReportPeriod period, PeakWindows peaks,
      Language lang, Clock clock) {
    PeriodTally tally = new PeriodTally(station, period, peaks, lang);
    log.forEachRun(period.start(station.timeZone()), period.end(station.timeZone()), tally);
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
      hamlets.put(h.key(), new HamletCount(h, true));
    }
    this.peak = new long[months.size()][station.hamlets().size()];
    this.offPeak = new long[months.size()][station.hamlets().size()];
    categories.put(Terms.CCHC, new CategoryCount(months.size()));
  }

  private static final class CategoryCount {
    long aired;
    long airtime;
    long notCompleted;
    final Set<String> hamlets = new HashSet<>();
    final long[] monthly;

    CategoryCount(int months) {
      monthly = new long[months];
    }
  }

  private static final class HamletCount {
    final Hamlet hamlet;
    final boolean inConfig;
    long aired;
    long airtime;
    long cchcAired;
    long cchcAirtime;

    HamletCount(Hamlet hamlet, boolean inConfig) {
      this.hamlet = hamlet;
      this.inConfig = inConfig;
    }
  }

  private record TitleKey(String title, String category) {}

  private static final class TitleCount {
    long aired;
    long airtime;
    final BitSet days = new BitSet();
    final Set<String> hamlets = new LinkedHashSet<>();
  }

  private record ReasonKey(Optional<Outcome> outcome, String reason) {}

  private static final class ReasonCount {
    long count;
    LocalDate first;
    LocalDate last;
  }

  @Override
  public void accept(AiringRunRecord r) {
    LocalDateTime planned = table.local(r.plannedAt());
    LocalDate day = planned.toLocalDate();
    if (day.isBefore(period.first()) || day.isAfter(period.last())) {
      return;
    }
    int month = monthIndex(day);
    runs++;
    String categoryKey = r.category() == null ? "" : r.category();
    CategoryCount category = categories.computeIfAbsent(categoryKey, k -> new CategoryCount(months.size()));
    boolean didAir = r.outcome().isPresent()
        && (r.outcome().get() == Outcome.COMPLETED || r.outcome().get() == Outcome.PARTIAL);
    if (!didAir) {
      notCompleted++;
      category.notCompleted++;
      shortfall(r, planned);
      return;
    }
    long seconds = r.airtime().toSeconds();
    aired++;
    airtime += seconds;
    category.aired++;
    category.airtime += seconds;
    category.monthly[month] += seconds;
    boolean cchc = Terms.isCchc(categoryKey);
    boolean inPeak = peaks.contains(table.local(r.startedAt().orElse(r.plannedAt())).toLocalTime());
    Set<String> reached = new LinkedHashSet<>(r.zonesConfirmed());
    reached.addAll(r.zonesUnconfirmed());
    for (String key : reached) {
      category.hamlets.add(key);
      HamletCount h = hamlets.computeIfAbsent(key, k -> new HamletCount(new Hamlet(k, k), false));
      h.aired++;
      h.airtime += seconds;
      if (cchc) {
        h.cchcAired++;
        h.cchcAirtime += seconds;
        Integer index = hamletIndex.get(key);
        if (index != null) {
          (inPeak ? peak : offPeak)[month][index]++;
        }
      }
    }
    String composed = composedTitles.computeIfAbsent(r.title() == null ? "" : r.title(), AiringLogTable::text);
    TitleCount title = titles.computeIfAbsent(new TitleKey(composed, categoryKey),
        k -> new TitleCount());
    title.aired++;
    title.airtime += seconds;
    title.days.set((int) (day.toEpochDay() - period.first().toEpochDay()));
    title.hamlets.addAll(reached);
  }

  private void shortfall(AiringRunRecord r, LocalDateTime planned) {
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
          c.hamlets.size());
    }).toList();

    List<HamletLine> hamletLines = new ArrayList<>();
    hamlets.values().stream()
        .sorted(Comparator.comparing((HamletCount h) -> !h.inConfig)
            .thenComparing(h -> h.inConfig ? hamletIndex.get(h.hamlet.key()) : 0)
            .thenComparing(h -> h.hamlet.key()))
        .forEach(h -> hamletLines.add(new HamletLine(h.hamlet, h.inConfig, h.aired, Duration.ofSeconds(h.airtime),
            h.cchcAired, Duration.ofSeconds(h.cchcAirtime))));

    List<TitleLine> titleLines = titles.entrySet().stream()
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

    Totals totals = new Totals(runs, aired, Duration.ofSeconds(airtime), notCompleted);
    PeriodReport draft = new PeriodReport(station, period, peaks, lang, madeAt, totals, categoryLines, hamletLines,
        titleLines, groups, List.copyOf(shortfalls), notCompleted - shortfalls.size(), compliance, monthlyAirtime, "");
    return new PeriodReport(station, period, peaks, lang, madeAt, totals, categoryLines, hamletLines, titleLines,
        groups, List.copyOf(shortfalls), notCompleted - shortfalls.size(), compliance, monthlyAirtime,
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
