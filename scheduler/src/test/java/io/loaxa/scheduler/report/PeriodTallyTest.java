package io.loaxa.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
import io.loaxa.scheduler.report.PeriodReport.HamletLine;
import io.loaxa.scheduler.report.PeriodReport.TitleLine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quarter of a real SQLite airing log added up the way the officer's report states it. */
class PeriodTallyTest {
  @TempDir
  static Path dir;
  private static QuarterLog quarter;
  private static PeriodReport report;

  @BeforeAll
  static void writeTheQuarter() {
    quarter = QuarterLog.write(dir);
    report = tally("2024-Q1", Language.VI);
  }

  @AfterAll
  static void close() {
    quarter.close();
  }

  private static PeriodReport tally(String period, Language lang) {
    return PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse(period), PeakWindows.DEFAULT, lang,
        Clock.fixed(QuarterLog.MADE_AT, ZoneOffset.UTC));
  }

  @Test
  void countsEveryRunOfTheQuarterInStationTimeAndNoneOutsideIt() {
    assertEquals(101, report.totals().runs());
    assertEquals(98, report.totals().aired());
    assertEquals(3, report.totals().notCompleted());
    assertEquals(Duration.ofMinutes(2760), report.totals().airtime());
  }

  @Test
  void countsEachDaysRunsByOutcomeOnThePlannedDayAddingUpToTheRuns() {
    PeriodReport.DailyOutcomes daily = report.daily();
    assertEquals(31 + 29 + 31, daily.days(), "every day of Q1 2024, a leap year");
    assertEquals(java.time.LocalDate.of(2024, 1, 1), daily.day(0));
    long all = 0;
    long completed = 0;
    for (int d = 0; d < daily.days(); d++) {
      for (long n : daily.counts()[d]) {
        all += n;
      }
      completed += daily.count(d, java.util.Optional.of(io.loaxa.scheduler.Outcome.COMPLETED));
    }
    assertEquals(report.totals().runs(), all);
    assertTrue(completed > 0 && completed <= report.totals().aired(), "completed " + completed);
    assertTrue(daily.any(java.util.Optional.of(io.loaxa.scheduler.Outcome.COMPLETED)));
    assertFalse(daily.any(java.util.Optional.empty()), "no run of a past quarter is still on air");
  }

  @Test
  void putsAdministrativeReformFirstThenCategoriesByAirtime() {
    List<String> keys = report.categories().stream().map(CategoryLine::key).toList();
    assertEquals(List.of("cchc", "thoi-su", "thong-tin", "pctt"), keys);
    CategoryLine cchc = report.categories().get(0);
    assertEquals("Cải cách hành chính", cchc.name());
    assertEquals(5, cchc.aired());
    assertEquals(Duration.ofMinutes(48), cchc.airtime());
    assertEquals(1, cchc.notCompleted());
    assertEquals(4, cchc.hamletsReached());
    CategoryLine news = report.categories().get(1);
    assertEquals(90, news.aired());
    assertEquals(Duration.ofMinutes(2700), news.airtime());
    assertEquals(1, news.notCompleted());
  }

  @Test
  void aStationWithoutAnyAdministrativeReformStillShowsItsLineAtZero() {
    PeriodReport april = tally("2024-04", Language.VI);
    assertEquals("cchc", april.categories().get(0).key());
    assertEquals(0, april.categories().get(0).aired());
    assertTrue(april.summary().contains("chưa phát tin, bài nào về cải cách hành chính"), april.summary());
  }

  @Test
  void countsEachHamletOnlyForTheRunsThatSwitchedItOn() {
    HamletLine ap3 = report.hamlets().get(2);
    assertEquals("Ấp 3", ap3.hamlet().name());
    // 3 CCHC (not 05/02, its line failed) + 90 news + 1 PCTT + 2 information
    assertEquals(96, ap3.aired());
    assertEquals(3, ap3.cchcAired());
    HamletLine ap4 = report.hamlets().get(3);
    // on 04/03 ap-4's board could not read back: switched on, so it counts
    assertEquals(4, ap4.cchcAired());
    assertEquals(97, report.hamlets().get(0).aired());
  }

  @Test
  void findsTheMonthAHamletHadNoAdministrativeReformAtAPeakHour() {
    Compliance c = report.compliance();
    assertEquals(List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3)), c.months());
    assertEquals(2, c.peak(0, 0), "Ấp 1 in January: 08/01 18:15 and 22/01 17:30");
    assertEquals(1, c.peak(0, 2));
    assertEquals(0, c.peak(1, 2), "Ấp 3 in February");
    assertEquals(1, c.offPeak(1, 2), "the 10:00 repeat does not count");
    assertTrue(c.isGap(1, 2));
    assertEquals(1, c.gapCount());
    assertEquals("Ấp 3", c.gaps().get(0).hamlet().name());
    assertEquals(List.of(YearMonth.of(2024, 2)), c.gaps().get(0).months());
  }

  @Test
  void monthsNotOverWhenTheReportIsMadeAreNotGapsYet() {
    PeriodReport year = tally("2024", Language.VI);
    Compliance c = year.compliance();
    assertEquals(12, c.months().size());
    assertFalse(c.open().get(2), "March is over on 15/04");
    assertTrue(c.open().get(3), "April is not");
    assertFalse(c.isGap(3, 0), "no CCHC yet in April: not a gap until April is over");
    assertFalse(c.isGap(11, 0));
    assertEquals(1, c.gapCount(), "only Ấp 3 in February");
    assertEquals(3, c.judged(0));
    assertEquals(3, c.met(0));
    assertEquals(2, c.met(2));
    assertTrue(year.summary().contains("tại 3/4 ấp trong các tháng đã qua; còn thiếu ở Ấp 3 (tháng 2/2024); tháng 4/2024"
        + " chưa kết thúc, Ấp 1, Ấp 2, Ấp 3, Ấp 4 chưa được phát trong tháng này."), year.summary());
  }

  @Test
  void aMonthUnderWayCountsOnlyTheHamletsAlreadyReachedAndNamesTheOthers() {
    // 15/02: the 05/02 peak airing failed on Ấp 3's line; its off-peak repeat on 20/02 is to come
    PeriodReport february = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-02"),
        PeakWindows.DEFAULT, Language.VI, Clock.fixed(LocalDate.of(2024, 2, 15).atStartOfDay(QuarterLog.HCM)
            .toInstant(), ZoneOffset.UTC));
    Compliance c = february.compliance();
    assertEquals(0, c.gapCount(), "February is not over");
    assertEquals(List.of("Ấp 3"), c.waiting().stream().map(h -> h.name()).toList());
    assertTrue(february.summary().contains("ít nhất một lần mỗi tháng tại 3/4 ấp; tháng 2/2024 chưa kết thúc, Ấp 3"
        + " chưa được phát trong tháng này."), february.summary());
    PeriodReport en = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-02"),
        PeakWindows.DEFAULT, Language.EN, Clock.fixed(LocalDate.of(2024, 2, 15).atStartOfDay(QuarterLog.HCM)
            .toInstant(), ZoneOffset.UTC));
    assertTrue(en.summary().contains("at least once a month in 3/4 hamlets; "), en.summary());
    assertTrue(en.summary().contains(" is not over and Ấp 3 still waits for it."), en.summary());
  }

  @Test
  void aMonthInProgressCountsAsMetOnceItsAirHasGoneOut() {
    PeriodReport march = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-03"),
        PeakWindows.DEFAULT, Language.VI, Clock.fixed(LocalDate.of(2024, 3, 10).atStartOfDay(QuarterLog.HCM)
            .toInstant(), ZoneOffset.UTC));
    Compliance c = march.compliance();
    assertTrue(c.open().get(0));
    assertTrue(c.isMet(0, 3), "04/03 06:00 reached Ấp 4");
    assertEquals(1, c.judged(3));
    assertEquals(0, c.gapCount());
  }

  @Test
  void theOfficerCanNameOtherPeakHours() {
    PeriodReport evenings = PeriodTally.of(quarter.log(), QuarterLog.STATION, ReportPeriod.parse("2024-03"),
        PeakWindows.parse("17:00-21:00"), Language.VI, Clock.fixed(QuarterLog.MADE_AT, ZoneOffset.UTC));
    assertEquals(4, evenings.compliance().gapCount(), "04/03 06:00 is not in the evening window");
    assertEquals(1, evenings.compliance().offPeak(0, 0));
  }

  @Test
  void listsEachTitleWithItsAiringsDaysAndHamlets() {
    TitleLine cchc = report.titles().stream().filter(t -> t.title().equals(QuarterLog.CCHC_TITLE)).findFirst()
        .orElseThrow();
    assertEquals(4, cchc.aired());
    assertEquals(Duration.ofMinutes(40), cchc.airtime());
    assertEquals("08/01, 05/02, 20/02, 04/03", Formats.spans(cchc.days(), cchc.dayCount(), 2024, Language.VI));
    assertEquals(QuarterLog.ALL, cchc.hamlets().stream().sorted().toList());
    assertEquals("cchc", report.titles().get(0).category(), "CCHC titles first");
    TitleLine news = report.titles().stream().filter(t -> t.title().equals(QuarterLog.NEWS_TITLE)).findFirst()
        .orElseThrow();
    assertEquals("01/01–09/02, 11/02–31/03", Formats.spans(news.days(), news.dayCount(), 2024, Language.VI));
    assertEquals(90, news.dayCount());
  }

  @Test
  void groupsTheRunsThatDidNotCompleteWithTheirReasons() {
    assertEquals(3, report.shortfalls().size());
    assertEquals(0, report.shortfallsNotListed());
    assertEquals(List.of(Optional.of(Outcome.INTERRUPTED), Optional.of(Outcome.FAILED), Optional.of(Outcome.MISSED)),
        report.shortfalls().stream().map(PeriodReport.Shortfall::outcome).toList());
    assertEquals("Bị lỡ", report.shortfalls().get(2).outcomeName());
    assertEquals(QuarterLog.MISSED_REASON, report.shortfalls().get(2).reason());
    assertEquals(LocalDate.of(2024, 2, 10), report.shortfallGroups().stream()
        .filter(g -> g.outcome().equals(Optional.of(Outcome.FAILED))).findFirst().orElseThrow().first());
  }

  @Test
  void airtimePerMonthByCategoryAddsUpToTheTotals() {
    PeriodReport.MonthlyAirtime m = report.monthly();
    assertEquals(report.categories().stream().map(CategoryLine::key).toList(), m.categories());
    long sum = 0;
    for (long[] month : m.seconds()) {
      for (long s : month) {
        sum += s;
      }
    }
    assertEquals(report.totals().airtime().toSeconds(), sum);
    assertEquals(31 * 30 + 5 + 8 + 10 + 2, m.minutes(0, 0) + m.minutes(0, 1) + m.minutes(0, 2) + m.minutes(0, 3));
  }

  @Test
  void writesTheParagraphAnOfficerPastesIntoTheQuarterlyReport() {
    String p = report.summary();
    assertTrue(p.startsWith("Trong quý I năm 2024, Đài truyền thanh xã Tân Hưng đã phát 5 lượt tin, bài về cải cách"
        + " hành chính, tổng thời lượng 48 phút, tại 4/4 ấp."), p);
    assertTrue(p.contains("Chuyên mục cải cách hành chính được phát vào giờ cao điểm (05:00–07:00, 17:00–19:30) ít"
        + " nhất một lần mỗi tháng tại 3/4 ấp; còn thiếu ở Ấp 3 (tháng 2/2024)."), p);
    assertTrue(p.contains("Cùng kỳ, đài đã phát tổng cộng 98 lượt chương trình với tổng thời lượng 2.760 phút, trong đó"
        + " thời sự 90 lượt (2.700 phút), thông tin 2 lượt (10 phút), phòng chống thiên tai 1 lượt (2 phút)."), p);
    assertTrue(p.endsWith("Có 3 lượt phát không hoàn thành (lỗi: 1; bị lỡ: 1; gián đoạn: 1), lý do được ghi trong"
        + " nhật ký phát sóng."), p);
  }

  @Test
  void theParagraphFollowsThePeriodAndTheLanguage() {
    assertTrue(tally("2024-H1", Language.VI).summary().startsWith("Trong 6 tháng đầu năm 2024, "));
    assertTrue(tally("2024-03", Language.VI).summary().startsWith("Trong tháng 3 năm 2024, "));
    PeriodReport window = tally("2024-01-15..2024-02-14", Language.VI);
    assertTrue(window.summary().startsWith("Từ ngày 15/01/2024 đến ngày 14/02/2024, Đài truyền thanh xã Tân Hưng đã"
        + " phát 2 lượt tin, bài về cải cách hành chính"), window.summary());
    assertTrue(window.compliance().partial().get(0));
    String en = tally("2024-Q1", Language.EN).summary();
    assertTrue(en.startsWith("In Q1 2024, Đài truyền thanh xã Tân Hưng aired 5 administrative reform (CCHC) items,"
        + " 48 minutes in total, in 4/4 hamlets."), en);
  }
}
