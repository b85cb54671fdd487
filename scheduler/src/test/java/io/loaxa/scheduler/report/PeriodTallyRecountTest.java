package io.loaxa.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.ReportedRun;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.HamletLine;
import io.loaxa.scheduler.report.PeriodReport.TitleLine;
import io.loaxa.scheduler.report.ReportStation.Hamlet;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tally's counts by day, outcome, category, hamlet, title and peak hour, recounted run by run
 * with java.time's own conversions, on many runs at a station whose zone changes its clocks.
 */
class PeriodTallyRecountTest {
  private static final List<String> HAMLETS = List.of("ap-1", "ap-2", "ap-3", "ap-4", "ap-5", "ap-6");
  private static final List<String> CATEGORIES = List.of("cchc", "thoi-su", "y-te", "");
  /** Two of them are the same title typed composed and decomposed: the report lists it once. */
  private static final List<String> TITLES = List.of("Chuyên mục cải cách hành chính",
      Normalizer.normalize("Chuyên mục cải cách hành chính", Normalizer.Form.NFD), "Bản tin thời sự", "Y tế cộng đồng");

  private static ReportStation station(ZoneId zone) {
    List<Hamlet> hamlets = new ArrayList<>();
    for (String k : HAMLETS.subList(0, 5)) { // ap-6 is in the log but no longer configured
      hamlets.add(new Hamlet(k, "Ấp " + k.substring(3)));
    }
    return new ReportStation("Đài truyền thanh xã Tân Hưng", zone, hamlets);
  }

  private static List<ReportedRun> runs(ReportPeriod period, ZoneId zone, int n, long seed) {
    Random random = new Random(seed);
    long from = period.start(zone).getEpochSecond() - 86_400;
    long span = period.end(zone).getEpochSecond() + 86_400 - from;
    Outcome[] outcomes = Outcome.values();
    List<ReportedRun> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant planned = Instant.ofEpochSecond(from + (long) (random.nextDouble() * span), random.nextInt(1000) * 1_000_000);
      Optional<Outcome> outcome = random.nextInt(50) == 0 ? Optional.empty()
          : Optional.of(random.nextInt(4) > 0 ? Outcome.COMPLETED : outcomes[random.nextInt(outcomes.length)]);
      boolean aired = outcome.isPresent() && (outcome.get() == Outcome.COMPLETED || outcome.get() == Outcome.PARTIAL);
      List<String> confirmed = new ArrayList<>();
      List<String> unconfirmed = new ArrayList<>();
      if (aired) {
        for (String h : HAMLETS) {
          int roll = random.nextInt(6);
          if (roll < 3) {
            confirmed.add(h);
          } else if (roll == 3) {
            unconfirmed.add(h);
          }
        }
      }
      Optional<Instant> started = aired || random.nextBoolean()
          ? Optional.of(planned.plusMillis(random.nextInt(3000))) : Optional.empty();
      Optional<Instant> ended = started.map(s -> s.plusMillis(random.nextInt(180_000) - 1000));
      runs.add(new ReportedRun(i, TITLES.get(random.nextInt(TITLES.size())),
          CATEGORIES.get(random.nextInt(CATEGORIES.size())), planned, started, ended,
          aired ? List.of() : HAMLETS.subList(0, 3), List.copyOf(confirmed), List.copyOf(unconfirmed), outcome,
          aired ? "" : "amplifier: board tu-chinh did not answer"));
    }
    return runs;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({"2024-03, Europe/Paris", "2024-10, Europe/Paris", "2024, Europe/Paris", "2024-Q1, Asia/Ho_Chi_Minh",
      "2024-03-30..2024-04-02, America/New_York"})
  void countsWhatJavaTimeRecountsRunByRun(String periodText, String zoneText) {
    ZoneId zone = ZoneId.of(zoneText);
    ReportPeriod period = ReportPeriod.parse(periodText);
    ReportStation station = station(zone);
    List<ReportedRun> runs = runs(period, zone, 20_000, periodText.hashCode());
    PeriodTally tally = new PeriodTally(station, period, PeakWindows.DEFAULT, Language.VI);
    runs.forEach(tally);
    PeriodReport report = tally.report(Instant.parse("2030-01-01T00:00:00Z"));

    int days = (int) period.days();
    long[][] daily = new long[days][PeriodReport.DailyOutcomes.ON_AIR + 1];
    long[][] peak = new long[period.months().size()][5];
    Map<String, long[]> categories = new HashMap<>(); // aired, airtime, not completed
    Map<String, long[]> hamlets = new HashMap<>(); // aired, airtime
    Map<String, Long> titles = new HashMap<>();
    long counted = 0;
    long airtime = 0;
    for (ReportedRun r : runs) {
      LocalDate day = LocalDateTime.ofInstant(r.plannedAt(), zone).toLocalDate();
      if (day.isBefore(period.first()) || day.isAfter(period.last())) {
        continue;
      }
      counted++;
      int d = (int) (day.toEpochDay() - period.first().toEpochDay());
      daily[d][r.outcome().map(Enum::ordinal).orElse(PeriodReport.DailyOutcomes.ON_AIR)]++;
      long[] c = categories.computeIfAbsent(r.category(), k -> new long[3]);
      if (!r.aired()) {
        c[2]++;
        continue;
      }
      long seconds = r.airtime().toSeconds();
      airtime += seconds;
      c[0]++;
      c[1] += seconds;
      titles.merge(Normalizer.normalize(r.title(), Normalizer.Form.NFC) + "|" + r.category(), 1L, Long::sum);
      Set<String> reached = new LinkedHashSet<>(r.zonesConfirmed());
      reached.addAll(r.zonesUnconfirmed());
      boolean inPeak = PeakWindows.DEFAULT.contains(
          LocalDateTime.ofInstant(r.startedAt().orElse(r.plannedAt()), zone).toLocalTime().withNano(0));
      int month = period.months().indexOf(java.time.YearMonth.from(day));
      for (String h : reached) {
        long[] count = hamlets.computeIfAbsent(h, k -> new long[2]);
        count[0]++;
        count[1] += seconds;
        int configured = HAMLETS.indexOf(h);
        if (r.category().equals("cchc") && inPeak && configured < 5) {
          peak[month][configured]++;
        }
      }
    }

    assertEquals(counted, report.totals().runs());
    assertEquals(Duration.ofSeconds(airtime), report.totals().airtime());
    for (int d = 0; d < days; d++) {
      assertArrayEquals(daily[d], report.daily().counts()[d], "runs by outcome on " + period.first().plusDays(d));
    }
    for (CategoryLine line : report.categories()) {
      long[] c = categories.getOrDefault(line.key(), new long[3]);
      assertEquals(c[0], line.aired(), line.key());
      assertEquals(Duration.ofSeconds(c[1]), line.airtime(), line.key());
      assertEquals(c[2], line.notCompleted(), line.key());
    }
    for (HamletLine line : report.hamlets()) {
      long[] h = hamlets.getOrDefault(line.hamlet().key(), new long[2]);
      assertEquals(h[0], line.aired(), line.hamlet().key());
      assertEquals(Duration.ofSeconds(h[1]), line.airtime(), line.hamlet().key());
    }
    assertEquals(6, report.hamlets().size(), "five configured hamlets and the one only the log names");
    for (int m = 0; m < period.months().size(); m++) {
      for (int h = 0; h < 5; h++) {
        assertEquals(peak[m][h], report.compliance().peak(m, h), "CCHC at peak hours, " + period.months().get(m)
            + ", " + HAMLETS.get(h));
      }
    }
    assertEquals(titles.size(), report.titles().size(), "one line per composed title and category");
    for (TitleLine line : report.titles()) {
      assertEquals(titles.get(line.title() + "|" + line.category()), line.aired(), line.title());
    }
  }

  @Test
  void runsWithManyDistinctZoneListsAreCountedLikeTheFew() {
    // more distinct pairs of lists than any cache holds: the rest are worked out each time
    ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    ReportPeriod period = ReportPeriod.parse("2024-01");
    List<Hamlet> many = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      many.add(new Hamlet("ap-" + i, "Ấp " + i));
    }
    ReportStation station = new ReportStation("Đài truyền thanh xã Tân Hưng", zone, many);
    PeriodTally tally = new PeriodTally(station, period, PeakWindows.DEFAULT, Language.VI);
    Random random = new Random(7);
    long[] aired = new long[40];
    int n = PeriodTally.MAX_CACHED + 5000;
    Instant at = period.start(zone).plusSeconds(3600);
    for (int i = 0; i < n; i++) {
      List<String> confirmed = new ArrayList<>();
      for (int h = 0; h < 40; h++) {
        if (random.nextBoolean()) {
          confirmed.add("ap-" + (h + 1));
          aired[h]++;
        }
      }
      tally.accept(new ReportedRun(i, "Bản tin", "thoi-su", at, Optional.of(at), Optional.of(at.plusSeconds(60)),
          List.of(), confirmed, List.of(), Optional.of(Outcome.COMPLETED), ""));
    }
    PeriodReport report = tally.report(Instant.parse("2030-01-01T00:00:00Z"));
    for (int h = 0; h < 40; h++) {
      assertEquals(aired[h], report.hamlets().get(h).aired(), report.hamlets().get(h).hamlet().key());
    }
  }
}
