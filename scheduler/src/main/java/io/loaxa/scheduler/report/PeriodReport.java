package io.loaxa.scheduler.report;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.ReportStation.Hamlet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period's summary of the airing log, as officers attach it to their periodic reports: airings and
 * airtime per category (CCHC first), per hamlet and per content title, the runs that did not
 * complete and why, CCHC compliance per month and hamlet, airtime per month by category, runs per
 * day by outcome, and a paragraph of figures to paste. Made in one pass over the log by {@link PeriodTally}.
 *
 * <p>An airing counts ("lượt phát") when it aired: {@code COMPLETED}, or {@code PARTIAL} for the
 * hamlets that were switched on. Airtime is the airtime of those runs. Hamlets "reached" are the
 * ones switched on, whether the board confirmed it or cannot report.
 *
 * @param madeAt when the report was made
 * @param shortfallsNotListed runs that did not complete beyond those listed one by one
 * @param summary the paragraph of figures in the report's language
 */
public record PeriodReport(
    ReportStation station,
    ReportPeriod period,
    PeakWindows peaks,
    Language language,
    Instant madeAt,
    Totals totals,
    List<CategoryLine> categories,
    List<HamletLine> hamlets,
    List<TitleLine> titles,
    List<ShortfallGroup> shortfallGroups,
    List<Shortfall> shortfalls,
    long shortfallsNotListed,
    Compliance compliance,
    MonthlyAirtime monthly,
    DailyOutcomes daily,
    String summary) {

  /** Every run in the period: how many, how many aired, their airtime, how many did not complete. */
  public record Totals(long runs, long aired, Duration airtime, long notCompleted) {}

  /** One category (chuyên mục). */
  public record CategoryLine(String key, String name, long aired, Duration airtime, long notCompleted,
      int hamletsReached) {}

  /** One hamlet; {@code inConfig} false for a zone the log names but the station config no longer has. */
  public record HamletLine(Hamlet hamlet, boolean inConfig, long aired, Duration airtime, long cchcAired,
      Duration cchcAirtime) {}

  /** One content title in one category: its airings, airtime, the days it aired and where. */
  public record TitleLine(String title, String category, String categoryName, long aired, Duration airtime,
      List<DaySpan> days, int dayCount, List<String> hamlets) {}

  /** Consecutive days, inclusive. */
  public record DaySpan(LocalDate from, LocalDate to) {}

  /** Runs that did not complete, grouped by outcome and reason. */
  public record ShortfallGroup(Optional<Outcome> outcome, String outcomeName, String reason, long count,
      LocalDate first, LocalDate last) {}

  /** One run that did not complete. */
  public record Shortfall(long run, LocalDateTime planned, String title, String categoryName,
      Optional<Outcome> outcome, String outcomeName, String reason, String zonesRequested) {}

  /**
   * CCHC in peak hours per month and hamlet: how many CCHC airings reached the hamlet in a peak
   * window ({@code peak}) and outside one ({@code offPeak}). A month of the period that has not ended
   * when the report is made is {@code open}: it is met once an airing came, but not yet a gap. A
   * month the period covers only in part is {@code partial}.
   */
  public record Compliance(List<YearMonth> months, List<Hamlet> hamlets, long[][] peak, long[][] offPeak,
      List<Boolean> open, List<Boolean> partial) {

    public long peak(int month, int hamlet) {
      return peak[month][hamlet];
    }

    public long offPeak(int month, int hamlet) {
      return offPeak[month][hamlet];
    }

    /** No CCHC airing reached the hamlet in a peak window in a month that is over. */
    public boolean isGap(int month, int hamlet) {
      return !open.get(month) && peak[month][hamlet] == 0;
    }

    /** At least one CCHC airing reached the hamlet in a peak window that month. */
    public boolean isMet(int month, int hamlet) {
      return peak[month][hamlet] > 0;
    }

    /** Months judged for the hamlet: the months that are over, and open months already met. */
    public long judged(int hamlet) {
      long n = 0;
      for (int m = 0; m < months.size(); m++) {
        n += !open.get(m) || isMet(m, hamlet) ? 1 : 0;
      }
      return n;
    }

    public long met(int hamlet) {
      long n = 0;
      for (int m = 0; m < months.size(); m++) {
        n += isMet(m, hamlet) ? 1 : 0;
      }
      return n;
    }

    /** A hamlet and the months in which no CCHC airing reached it in a peak window. */
    public record Gap(Hamlet hamlet, List<YearMonth> months) {}

    /** Hamlets with gaps, in config order. */
    public List<Gap> gaps() {
      List<Gap> gaps = new ArrayList<>();
      for (int h = 0; h < hamlets.size(); h++) {
        List<YearMonth> missing = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
          if (isGap(m, h)) {
            missing.add(months.get(m));
          }
        }
        if (!missing.isEmpty()) {
          gaps.add(new Gap(hamlets.get(h), missing));
        }
      }
      return gaps;
    }

    /**
     * The month of the period now under way: the first that is not over, when some month before it
     * in the period is over or it has begun (a report made in it); empty when every month is over.
     */
    public Optional<Integer> current() {
      for (int m = 0; m < months.size(); m++) {
        if (open.get(m)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }

    /** Whether some month of the period is over. */
    public boolean anyMonthOver() {
      return open.contains(Boolean.FALSE);
    }

    /** Hamlets no CCHC airing reached in a peak window so far in the month under way, in config order. */
    public List<Hamlet> waiting() {
      List<Hamlet> w = new ArrayList<>();
      current().ifPresent(m -> {
        for (int h = 0; h < hamlets.size(); h++) {
          if (!isMet(m, h)) {
            w.add(hamlets.get(h));
          }
        }
      });
      return w;
    }

    /** How many month × hamlet cells are gaps. */
    public long gapCount() {
      return gaps().stream().mapToLong(g -> g.months().size()).sum();
    }

    /** True when some month can be judged: one is over, or met already. */
    public boolean anyMonthJudged() {
      for (int h = 0; h < hamlets.size(); h++) {
        if (judged(h) > 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** Airtime per month (rows) by category (columns, in the category table's order), in seconds. */
  public record MonthlyAirtime(List<YearMonth> months, List<String> categories, List<String> categoryNames,
      long[][] seconds) {

    public double minutes(int month, int category) {
      return seconds[month][category] / 60.0;
    }

    public double maxMonthMinutes() {
      double max = 0;
      for (long[] row : seconds) {
        long sum = 0;
        for (long s : row) {
          sum += s;
        }
        max = Math.max(max, sum / 60.0);
      }
      return max;
    }
  }

  /**
   * Runs per day of the period by how they ended, every run counted once on its planned day (so the
   * counts add up to {@link Totals#runs()}): {@code counts[day][column]}, day 0 the period's first,
   * the column an outcome's ordinal or {@link #ON_AIR} for a run still on air.
   */
  public record DailyOutcomes(LocalDate first, long[][] counts) {
    /** The column of runs that have no outcome yet. */
    public static final int ON_AIR = Outcome.values().length;

    public int days() {
      return counts.length;
    }

    public LocalDate day(int day) {
      return first.plusDays(day);
    }

    /** Runs planned on {@code day} that ended as {@code outcome} (empty: still on air). */
    public long count(int day, Optional<Outcome> outcome) {
      return counts[day][column(outcome)];
    }

    /** Whether any run of the period ended as {@code outcome} (empty: is still on air). */
    public boolean any(Optional<Outcome> outcome) {
      int c = column(outcome);
      for (long[] day : counts) {
        if (day[c] > 0) {
          return true;
        }
      }
      return false;
    }

    private static int column(Optional<Outcome> outcome) {
      return outcome.map(Enum::ordinal).orElse(ON_AIR);
    }
  }

  /** The CCHC line (always present, zero when nothing aired). */
  public CategoryLine cchc() {
    return categories.stream().filter(c -> Terms.isCchc(c.key())).findFirst().orElseThrow();
  }
}
