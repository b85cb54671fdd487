package io.loaxa.schedules.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Expected solar days from the npm package amlich 0.0.2 (Hồ Ngọc Đức's program) at time zone 7. */
class LunarDayTest {
  @Test
  void aScheduleWritesDayAndMonth() {
    assertEquals(Optional.of(new LunarDay(OptionalInt.of(3), OptionalInt.of(10), false)), LunarDay.parse("10/3"));
    assertEquals(Optional.of(new LunarDay(OptionalInt.of(4), OptionalInt.of(15), true)), LunarDay.parse("15/4 nhuận"));
    assertEquals(Optional.of(new LunarDay(OptionalInt.empty(), OptionalInt.of(15), false)), LunarDay.parse("15"));
    assertEquals(Optional.of(new LunarDay(OptionalInt.of(12), OptionalInt.empty(), false)), LunarDay.parse("last/12"));
    assertEquals(Optional.of(new LunarDay(OptionalInt.of(4), OptionalInt.of(15), true)), LunarDay.parse("  15/4   nhuận "));
    assertEquals(LunarDay.parse("15/4 nhuận"), LunarDay.parse(Normalizer.normalize("15/4 nhuận", Normalizer.Form.NFD)));
    for (String text : List.of("10/3", "15/4 nhuận", "15", "last/12", "last", "1/1")) {
      assertEquals(text, LunarDay.parse(text).orElseThrow().toString());
    }
  }

  @Test
  void aMalformedDayIsRefusedWithWhatToWrite() {
    for (String text : List.of("", "0/3", "31/8", "15/13", "15/0", "15 nhuận", "15/4 nhuan", "15-4", "x/3", "15/4/2026", "/3")) {
      assertEquals(Optional.empty(), LunarDay.parse(text), text);
      String why = LunarDay.refusal(text).orElseThrow();
      assertTrue(why.startsWith("ngày âm lịch '" + text.strip() + "' không hợp lệ; hãy viết \"D/M\" với ngày 1..30"), why);
      assertTrue(why.contains(" (bad lunar day '" + text.strip() + "'; write \"D/M\" with a day 1..30 [or \"last\"]"), why);
      assertTrue(why.endsWith(")"), why);
    }
    assertEquals(Optional.empty(), LunarDay.refusal("10/3"));
  }

  @Test
  void gioToFallsOnceAYear() {
    LunarDay gioTo = LunarDay.parse("10/3").orElseThrow();
    assertEquals(List.of(LocalDate.of(2026, 4, 26)), gioTo.between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
  }

  @Test
  void aDayOfALeapMonthFallsOnlyInYearsThatHaveIt() {
    LunarDay leap = LunarDay.parse("15/4 nhuận").orElseThrow();
    assertEquals(List.of(LocalDate.of(2020, 6, 6)), leap.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
    assertEquals(List.of(), leap.between(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)));
    LunarDay fourth = LunarDay.parse("15/4").orElseThrow();
    assertEquals(List.of(LocalDate.of(2020, 5, 7)), fourth.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
  }

  @Test
  void ramFallsEveryLunarMonthIncludingTheLeapOne() {
    List<LocalDate> ram = LunarDay.parse("15").orElseThrow().between(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1));
    assertEquals(13, ram.size());
    assertTrue(ram.contains(LocalDate.of(2023, 4, 5)), "rằm of tháng 2 nhuận 2023: " + ram);
  }

  @Test
  void theLastDayOfTheYearIsThe29thOr30th() {
    LunarDay last = LunarDay.parse("last/12").orElseThrow();
    assertEquals(List.of(LocalDate.of(2023, 1, 21)), last.between(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 1)));
    assertEquals(List.of(LocalDate.of(2025, 1, 28)), last.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1)));
    LunarDay thirtieth = LunarDay.parse("30/12").orElseThrow();
    assertEquals(List.of(), thirtieth.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1)));
    assertFalse(thirtieth.matches(LunarDate.of(2024, 12, 29)));
    assertTrue(last.matches(LunarDate.of(2024, 12, 29)));
  }
}
