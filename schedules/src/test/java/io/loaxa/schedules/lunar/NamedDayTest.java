package io.loaxa.schedules.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected lunar dates from the npm package amlich 0.0.2 (Hồ Ngọc Đức's program) at time zone 7. */
class NamedDayTest {
  @Test
  void tetAndItsEveFallInTheYearAsked() {
    assertEquals(LocalDate.of(2027, 2, 6), NamedDay.TET.dateIn(2027));
    assertEquals(LocalDate.of(1985, 1, 21), NamedDay.TET.dateIn(1985));
    assertEquals(LocalDate.of(2027, 2, 5), NamedDay.GIAO_THUA.dateIn(2027));
    assertEquals(LocalDate.of(2026, 2, 16), NamedDay.GIAO_THUA.dateIn(2026));
    assertEquals(LocalDate.of(2023, 1, 21), NamedDay.GIAO_THUA.dateIn(2023));
    assertEquals(LocalDate.of(1900, 1, 30), NamedDay.GIAO_THUA.dateIn(1900));
  }

  @Test
  void ongTaoIsThe23rdOfTheLastMonthBeforeTet() {
    assertEquals(LocalDate.of(2026, 2, 10), NamedDay.ONG_TAO.dateIn(2026));
    assertEquals(LocalDate.of(1900, 1, 23), NamedDay.ONG_TAO.dateIn(1900));
    for (int y = 1900; y <= 2100; y++) {
      LocalDate ongTao = NamedDay.ONG_TAO.dateIn(y);
      assertEquals(y, ongTao.getYear(), "ông Táo " + y);
      assertTrue(ongTao.isBefore(NamedDay.TET.dateIn(y)), "ông Táo " + y);
    }
  }

  @Test
  void theLunarFestivalsFallOnThePublishedDays() {
    assertEquals(LocalDate.of(2026, 3, 3), NamedDay.RAM_THANG_GIENG.dateIn(2026));
    assertEquals(LocalDate.of(2026, 4, 26), NamedDay.GIO_TO.dateIn(2026));
    assertEquals(LocalDate.of(2024, 4, 18), NamedDay.GIO_TO.dateIn(2024));
    assertEquals(LocalDate.of(2023, 4, 29), NamedDay.GIO_TO.dateIn(2023));
    assertEquals(LocalDate.of(2100, 4, 18), NamedDay.GIO_TO.dateIn(2100));
    assertEquals(LocalDate.of(2025, 9, 6), NamedDay.VU_LAN.dateIn(2025));
    assertEquals(LocalDate.of(2025, 10, 6), NamedDay.TRUNG_THU.dateIn(2025));
    assertEquals(LocalDate.of(2026, 9, 25), NamedDay.TRUNG_THU.dateIn(2026));
    assertEquals(LocalDate.of(2020, 10, 1), NamedDay.TRUNG_THU.dateIn(2020));
    assertEquals(LocalDate.of(1900, 9, 8), NamedDay.TRUNG_THU.dateIn(1900));
  }

  @Test
  void theSolarHolidaysKeepTheirDate() {
    assertEquals(LocalDate.of(2026, 1, 1), NamedDay.TET_DUONG_LICH.dateIn(2026));
    assertEquals(LocalDate.of(2026, 4, 30), NamedDay.GIAI_PHONG.dateIn(2026));
    assertEquals(LocalDate.of(2031, 5, 1), NamedDay.QUOC_TE_LAO_DONG.dateIn(2031));
    assertEquals(LocalDate.of(1945, 9, 2), NamedDay.QUOC_KHANH.dateIn(1945));
    assertFalse(NamedDay.QUOC_KHANH.lunar());
    assertTrue(NamedDay.GIO_TO.lunar());
    assertTrue(NamedDay.GIAO_THUA.lunar());
  }

  @Test
  void aScheduleNamesEachDayByItsConfigName() {
    assertEquals(Optional.of(NamedDay.GIO_TO), NamedDay.fromConfigName("gio-to"));
    assertEquals(Optional.of(NamedDay.GIAO_THUA), NamedDay.fromConfigName("giao-thua"));
    assertEquals(Optional.of(NamedDay.QUOC_KHANH), NamedDay.fromConfigName("quoc-khanh"));
    assertEquals(Optional.empty(), NamedDay.fromConfigName("tết"));
    assertEquals(Optional.empty(), NamedDay.fromConfigName("Gio-To"));
    assertEquals(Optional.empty(), NamedDay.fromConfigName(""));
    for (NamedDay d : NamedDay.values()) {
      assertEquals(Optional.of(d), NamedDay.fromConfigName(d.configName()));
    }
  }

  @Test
  void eachDayHasItsVietnameseAndEnglishName() {
    assertEquals("Giỗ Tổ Hùng Vương", NamedDay.GIO_TO.vietnamese());
    assertEquals("Tết Nguyên Đán", NamedDay.TET.vietnamese());
    assertEquals("Tết Trung thu", NamedDay.TRUNG_THU.vietnamese());
    assertEquals("Mid-Autumn Festival", NamedDay.TRUNG_THU.english());
    assertEquals("National Day", NamedDay.QUOC_KHANH.english());
  }

  @Test
  void aYearOutside1900To2100IsRefusedNamingTheRange() {
    for (NamedDay d : NamedDay.values()) {
      var e = assertThrows(IllegalArgumentException.class, () -> d.dateIn(2101));
      assertTrue(e.getMessage().contains("1900 to 2100"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> d.dateIn(1899));
    }
  }
}
