package io.loaxa.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.UserError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reporting periods officers name (Thông tư 04/2022/TT-BTTTT) and the peak hours, as typed. */
class ReportPeriodTest {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @ParameterizedTest(name = "{0} is {1} to {2}")
  @CsvSource({
      "2024-03, 2024-03-01, 2024-03-31, tháng 3 năm 2024, March 2024",
      "2024-02, 2024-02-01, 2024-02-29, tháng 2 năm 2024, February 2024",
      "2023-2, 2023-02-01, 2023-02-28, tháng 2 năm 2023, February 2023",
      "2024-Q1, 2024-01-01, 2024-03-31, quý I năm 2024, Q1 2024",
      "2024-q2, 2024-04-01, 2024-06-30, quý II năm 2024, Q2 2024",
      "2024-Q3, 2024-07-01, 2024-09-30, quý III năm 2024, Q3 2024",
      "2024-Q4, 2024-10-01, 2024-12-31, quý IV năm 2024, Q4 2024",
      "2024-H1, 2024-01-01, 2024-06-30, 6 tháng đầu năm 2024, first half of 2024",
      "2024-H2, 2024-07-01, 2024-12-31, 6 tháng cuối năm 2024, second half of 2024",
      "2024, 2024-01-01, 2024-12-31, năm 2024, year 2024",
      "2024-03-15..2024-04-14, 2024-03-15, 2024-04-14, từ ngày 15/03/2024 đến ngày 14/04/2024, 15/03/2024 to 14/04/2024",
      "' 2024-05-01 .. 2024-05-01 ', 2024-05-01, 2024-05-01, từ ngày 01/05/2024 đến ngày 01/05/2024, 01/05/2024 to 01/05/2024",
  })
  void readsEveryFormOfficersUse(String text, LocalDate first, LocalDate last, String vi, String en) {
    ReportPeriod p = ReportPeriod.parse(text);
    assertEquals(first, p.first());
    assertEquals(last, p.last());
    assertEquals(vi, p.label(Language.VI));
    assertEquals(en, p.label(Language.EN));
  }

  @ParameterizedTest(name = "''{0}'' is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "2024-13 | there is no month 13 (months are 01 to 12)",
      "2024-00 | there is no month 0",
      "2024-Q5 | there is no quarter 5 (quarters are Q1 to Q4)",
      "2024-Q0 | there is no quarter 0",
      "2024-H3 | a half-year is H1 (01/01–30/06) or H2 (01/07–31/12), not H3",
      "2024-02-30..2024-03-01 | '2024-02-30' is not a date YYYY-MM-DD",
      "2024-04-14..2024-03-15 | the range ends (2024-03-15) before it begins (2024-04-14)",
      "2024-03-15 | one day is the range 2024-03-15..2024-03-15",
      "Q1-2024 | is not understood: give a month (2024-03), a quarter (2024-Q1)",
      "quý 1 | is not understood",
      "24 | is not understood",
      "1969 | year 1969 is before any airing log",
      "'' | the period is empty",
  })
  void aBadPeriodIsRefusedWithWhatIsWrongAndWhatWouldDo(String text, String message) {
    UserError e = assertThrows(UserError.class, () -> ReportPeriod.parse(text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void thePeriodIsTheStationsDaysNotUtcDays() {
    ReportPeriod q1 = ReportPeriod.parse("2024-Q1");
    assertEquals(Instant.parse("2023-12-31T17:00:00Z"), q1.start(HCM));
    assertEquals(Instant.parse("2024-03-31T17:00:00Z"), q1.end(HCM));
  }

  @Test
  void knowsTheMonthsItTouchesAndWhichItCoversOnlyInPart() {
    ReportPeriod window = ReportPeriod.parse("2024-11-15..2025-01-14");
    assertEquals(List.of(YearMonth.of(2024, 11), YearMonth.of(2024, 12), YearMonth.of(2025, 1)), window.months());
    assertFalse(window.coversWhole(YearMonth.of(2024, 11)));
    assertTrue(window.coversWhole(YearMonth.of(2024, 12)));
    assertEquals(61, window.days());
    assertEquals("2024-11-15_2025-01-14", window.code());
    assertEquals("2024-H2", ReportPeriod.parse("2024-h2").code());
  }

  @Test
  void peakHoursDefaultToTheMorningAndEveningSessions() {
    PeakWindows p = PeakWindows.DEFAULT;
    assertEquals("05:00–07:00, 17:00–19:30", p.toString());
    assertTrue(p.contains(LocalTime.of(5, 0)));
    assertTrue(p.contains(LocalTime.of(18, 15)));
    assertTrue(p.contains(LocalTime.of(19, 29, 59)));
    assertFalse(p.contains(LocalTime.of(19, 30)), "the end is exclusive");
    assertFalse(p.contains(LocalTime.of(10, 0)));
    assertFalse(p.contains(LocalTime.of(4, 59, 59)));
    assertEquals("06:00–08:00", PeakWindows.parse("6:00-8:00").toString());
  }

  @ParameterizedTest(name = "peak ''{0}'' is refused")
  @CsvSource(delimiter = '|', value = {
      "17:00 | expected HH:MM-HH:MM",
      "19:30-17:00 | ends before it begins",
      "17:00-25:00 | '25:00' is not a time",
      "22:00-01:00 | cannot run past midnight",
  })
  void aBadPeakWindowIsRefused(String text, String message) {
    UserError e = assertThrows(UserError.class, () -> PeakWindows.parse(text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void theHamletWordComesFromTheStationsOwnNames() {
    assertEquals("ấp", QuarterLog.STATION.hamletWord());
    assertEquals("thôn", station("Thôn Đông", "Thôn Tây").hamletWord());
    assertEquals("khu phố", station("Khu phố 1", "KHU PHỐ 2").hamletWord());
    assertEquals("thôn, ấp", station("Thôn Đông", "Ấp 2").hamletWord());
    assertEquals("thôn, ấp", station("Chợ", "Bến đò").hamletWord());
  }

  @Test
  void numbersAreWrittenTheVietnameseWay() {
    assertEquals("2.760", Terms.number(2760, Language.VI));
    assertEquals("1.234.567", Terms.number(1_234_567, Language.VI));
    assertEquals("1,234,567", Terms.number(1_234_567, Language.EN));
    assertEquals("999", Terms.number(999, Language.VI));
  }

  @Test
  void theDaysATitleAiredAreListedOrSummarisedWhenThereAreMany() {
    List<PeriodReport.DaySpan> few = List.of(span("2024-03-04", "2024-03-04"), span("2024-03-11", "2024-03-15"),
        span("2024-03-30", "2024-04-02"), span("2024-12-31", "2025-01-01"));
    assertEquals("04/03, 11–15/03, 30/03–02/04, 31/12/2024–01/01/2025", Formats.spans(few, 12, 2024, Language.VI));
    List<PeriodReport.DaySpan> many = new java.util.ArrayList<>();
    for (int week = 0; week < 52; week++) {
      LocalDate monday = LocalDate.of(2024, 1, 1).plusWeeks(week);
      many.add(new PeriodReport.DaySpan(monday, monday));
    }
    assertEquals("52 ngày, từ 01/01 đến 23/12", Formats.spans(many, 52, 2024, Language.VI));
    assertEquals("52 days, 01/01 to 23/12", Formats.spans(many, 52, 2024, Language.EN));
  }

  private static PeriodReport.DaySpan span(String from, String to) {
    return new PeriodReport.DaySpan(LocalDate.parse(from), LocalDate.parse(to));
  }

  private static ReportStation station(String... names) {
    List<ReportStation.Hamlet> hamlets = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      hamlets.add(new ReportStation.Hamlet("z" + i, names[i]));
    }
    return new ReportStation("Đài", HCM, hamlets);
  }
}
