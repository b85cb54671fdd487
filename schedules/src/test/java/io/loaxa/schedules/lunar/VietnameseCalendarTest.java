package io.loaxa.schedules.lunar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checked against tables generated with the npm package amlich 0.0.2 (Hồ Ngọc Đức's program)
 * at time zone 7; see {@link PublishedCalendar}.
 */
class VietnameseCalendarTest {
  @Test
  void tetFallsOnThePublishedDayEveryYearFrom1900To2100() {
    List<PublishedCalendar.Year> years = PublishedCalendar.years();
    assertEquals(201, years.size());
    assertAll(years.stream().map(y -> () ->
        assertEquals(y.tet(), VietnameseCalendar.tet(y.lunarYear()), "Tết " + y.lunarYear())));
  }

  @Test
  void theLeapMonthIsThePublishedOneEveryYear() {
    assertAll(PublishedCalendar.years().stream().map(y -> () ->
        assertEquals(y.leapMonth(), VietnameseCalendar.leapMonth(y.lunarYear()), "leap month of " + y.lunarYear())));
  }

  @Test
  void everyMonthHasThePublishedLength() {
    List<Executable> checks = new ArrayList<>();
    int years = 0;
    for (PublishedCalendar.Year y : PublishedCalendar.years()) {
      if (y.monthLengths().isEmpty()) {
        continue;
      }
      years++;
      checks.add(() -> assertEquals(y.monthLengths(), monthLengths(y.lunarYear()), "months of " + y.lunarYear()));
    }
    assertTrue(years > 190, "too few years with month lengths in the table: " + years);
    assertAll(checks);
  }

  @Test
  void theSampledDaysConvertToThePublishedLunarDatesAndBack() {
    List<PublishedCalendar.Day> days = PublishedCalendar.days();
    assertTrue(days.size() >= 500);
    assertAll(days.stream().map(d -> () -> {
      assertEquals(d.lunar(), VietnameseCalendar.toLunar(d.solar()), d.solar().toString());
      assertEquals(d.solar(), VietnameseCalendar.toSolar(d.lunar()), d.lunar() + " " + d.lunar().year());
    }));
  }

  @Test
  void vietnamAndChinaKeepTetOnDifferentDaysIn1985And2007() {
    assertEquals(LocalDate.of(1985, 1, 21), VietnameseCalendar.tet(1985));
    assertEquals(LocalDate.of(2007, 2, 17), VietnameseCalendar.tet(2007));
  }

  @Test
  void tet2027FallsOnTheSixthOfFebruary() {
    assertEquals(LocalDate.of(2027, 2, 6), VietnameseCalendar.tet(2027));
  }

  @Test
  void twentyTwentyHasALeapFourthMonthAnd2023ALeapSecond() {
    assertEquals(OptionalInt.of(4), VietnameseCalendar.leapMonth(2020));
    assertEquals(OptionalInt.of(2), VietnameseCalendar.leapMonth(2023));
    assertEquals(OptionalInt.empty(), VietnameseCalendar.leapMonth(2024));
    assertEquals(LunarDate.ofLeap(2020, 4, 1), VietnameseCalendar.toLunar(LocalDate.of(2020, 5, 23)));
    assertEquals(LunarDate.of(2020, 5, 1), VietnameseCalendar.toLunar(LocalDate.of(2020, 6, 21)));
  }

  @Test
  void gioTo2026IsTheTwentySixthOfApril() {
    assertEquals(LocalDate.of(2026, 4, 26), VietnameseCalendar.toSolar(LunarDate.of(2026, 3, 10)));
    assertEquals(LunarDate.of(2026, 3, 10), VietnameseCalendar.toLunar(LocalDate.of(2026, 4, 26)));
  }

  @Test
  void aYearEndsOnThe29thOr30thOfTheLastMonth() {
    assertEquals(LunarDate.of(2022, 12, 30), VietnameseCalendar.lastDayOf(2022));
    assertEquals(LunarDate.of(2024, 12, 29), VietnameseCalendar.lastDayOf(2024));
    assertEquals(LunarDate.of(2025, 12, 29), VietnameseCalendar.lastDayOf(2025));
    assertEquals(LocalDate.of(2026, 2, 16), VietnameseCalendar.toSolar(VietnameseCalendar.lastDayOf(2025)));
    for (int y = 1900; y < 2100; y++) {
      LunarDate last = VietnameseCalendar.lastDayOf(y);
      assertEquals(12, last.month(), "last month of " + y);
      assertEquals(VietnameseCalendar.tet(y + 1).minusDays(1), VietnameseCalendar.toSolar(last), "eve of " + (y + 1));
    }
    assertEquals(LunarDate.of(2100, 12, 29), VietnameseCalendar.lastDayOf(2100));
  }

  @Test
  void monthsHave29Or30DaysAndYears12Or13Months() {
    for (int y = 1900; y <= 2100; y++) {
      List<Integer> lengths = monthLengths(y);
      assertEquals(VietnameseCalendar.leapMonth(y).isPresent() ? 13 : 12, lengths.size(), "months in " + y);
      for (int length : lengths) {
        assertTrue(length == 29 || length == 30, "a month of " + length + " days in " + y);
      }
    }
  }

  @Test
  void everyDayFrom1900To2100ConvertsToTheNextLunarDayAndBack() {
    long began = System.nanoTime();
    LunarDate previous = VietnameseCalendar.toLunar(VietnameseCalendar.FIRST_DAY);
    assertEquals(LunarDate.of(1899, 12, 1), previous);
    int days = 0;
    for (LocalDate d = VietnameseCalendar.FIRST_DAY.plusDays(1); !d.isAfter(VietnameseCalendar.LAST_DAY); d = d.plusDays(1)) {
      LunarDate lunar = VietnameseCalendar.toLunar(d);
      if (lunar.day() == 1) {
        assertTrue(previous.day() == 29 || previous.day() == 30, "month before " + d + " ended on day " + previous.day());
      } else {
        assertEquals(new LunarDate(previous.year(), previous.month(), previous.day() + 1, previous.leap()), lunar, d.toString());
      }
      assertEquals(d, VietnameseCalendar.toSolar(lunar), lunar + " " + lunar.year());
      previous = lunar;
      days++;
    }
    System.out.printf("converted %d days 1900-2100 both ways in %d ms%n", days + 1, (System.nanoTime() - began) / 1_000_000);
    assertEquals(LunarDate.of(2100, 12, 1), previous);
  }

  @Test
  void daysOutside1900To2100AreRefusedNamingTheRange() {
    for (Executable refused : List.<Executable>of(
        () -> VietnameseCalendar.toLunar(LocalDate.of(1899, 12, 31)),
        () -> VietnameseCalendar.toLunar(LocalDate.of(2101, 1, 1)),
        () -> VietnameseCalendar.toSolar(LunarDate.of(2100, 12, 2)),
        () -> VietnameseCalendar.toSolar(LunarDate.of(1898, 12, 1)))) {
      var e = assertThrows(IllegalArgumentException.class, refused);
      assertTrue(e.getMessage().contains("1900-01-01 to 2100-12-31"), e.getMessage());
    }
    for (Executable refused : List.<Executable>of(
        () -> VietnameseCalendar.tet(1899),
        () -> VietnameseCalendar.tet(2101),
        () -> VietnameseCalendar.leapMonth(2101),
        () -> VietnameseCalendar.monthLength(1899, 12, false),
        () -> VietnameseCalendar.lastDayOf(2101))) {
      var e = assertThrows(IllegalArgumentException.class, refused);
      assertTrue(e.getMessage().contains("1900 to 2100"), e.getMessage());
    }
  }

  @Test
  void aDayTheYearDoesNotHaveIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> VietnameseCalendar.toSolar(LunarDate.ofLeap(2024, 4, 1)));
    assertThrows(IllegalArgumentException.class, () -> VietnameseCalendar.toSolar(LunarDate.of(2024, 12, 30)));
    assertThrows(IllegalArgumentException.class, () -> VietnameseCalendar.monthLength(2024, 6, true));
    assertFalse(VietnameseCalendar.exists(LunarDate.of(2024, 12, 30)));
    assertFalse(VietnameseCalendar.exists(LunarDate.ofLeap(2024, 2, 1)));
    assertTrue(VietnameseCalendar.exists(LunarDate.ofLeap(2023, 2, 29)));
    assertTrue(VietnameseCalendar.exists(LunarDate.of(2022, 12, 30)));
  }

  @Test
  void yearsAreNamedByCanChi() {
    assertEquals("Đinh Mùi", CanChi.ofYear(2027).vietnamese());
    assertEquals("Giáp Thìn", CanChi.ofYear(2024).vietnamese());
    assertEquals("Ất Sửu", CanChi.ofYear(1985).vietnamese());
    assertEquals("Canh Tý", CanChi.ofYear(1900).vietnamese());
    assertEquals("Bính Ngọ", CanChi.ofYear(2026).vietnamese());
    assertEquals("Quý Mão", CanChi.ofYear(2023).vietnamese());
    assertEquals("Canh Thân", CanChi.ofYear(2100).vietnamese());
    assertEquals("Yin Fire Goat", CanChi.ofYear(2027).english());
    assertEquals("Yin Water Cat", CanChi.ofYear(2023).english());
    assertEquals("Yang Wood Dragon", CanChi.ofYear(2024).english());
    assertEquals(CanChi.ofYear(1965), CanChi.ofYear(2025));
    assertThrows(IllegalArgumentException.class, () -> new CanChi(CanChi.Stem.GIAP, CanChi.Branch.SUU));
  }

  @Test
  void aLunarDateReadsAsOnACalendarPage() {
    assertEquals("10/3", LunarDate.of(2026, 3, 10).toString());
    assertEquals("15/4 nhuận", LunarDate.ofLeap(2020, 4, 15).toString());
    assertEquals("mùng 10 tháng Ba năm Bính Ngọ", LunarDate.of(2026, 3, 10).label());
    assertEquals("15 tháng Tư nhuận năm Canh Tý", LunarDate.ofLeap(2020, 4, 15).label());
    assertEquals("mùng 1 tháng Giêng năm Đinh Mùi", LunarDate.of(2027, 1, 1).label());
    assertEquals("30 tháng Chạp năm Nhâm Dần", LunarDate.of(2022, 12, 30).label());
    assertThrows(IllegalArgumentException.class, () -> LunarDate.of(2026, 13, 1));
    assertThrows(IllegalArgumentException.class, () -> LunarDate.of(2026, 1, 31));
    assertThrows(IllegalArgumentException.class, () -> LunarDate.of(2026, 1, 0));
  }

  private static List<Integer> monthLengths(int lunarYear) {
    List<Integer> lengths = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      lengths.add(VietnameseCalendar.monthLength(lunarYear, m, false));
      if (VietnameseCalendar.leapMonth(lunarYear).equals(OptionalInt.of(m))) {
        lengths.add(VietnameseCalendar.monthLength(lunarYear, m, true));
      }
    }
    return lengths;
  }
}
