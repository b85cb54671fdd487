package io.loaxa.schedules.lunar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Optional;

/**
 * A day of the year a commune station airs greetings or special programmes for, by the name a
 * schedule gives it: lunar festivals (Tết, Rằm tháng Giêng, Giỗ Tổ Hùng Vương, Vu Lan, Trung thu)
 * and the solar public holidays. Each knows its solar date in a given year, 1900 to 2100.
 */
public enum NamedDay {
  /** Mùng 1 Tết: 1/1 of the lunar year. */
  TET("tet", "Tết Nguyên Đán", "Lunar New Year") {
    @Override
    public LocalDate dateIn(int solarYear) {
      return VietnameseCalendar.tet(checked(solarYear));
    }
  },
  /** The eve of Tết: the last day of the lunar year that ends in {@code solarYear}, 29 or 30 tháng Chạp. */
  GIAO_THUA("giao-thua", "Giao thừa", "Lunar New Year's Eve") {
    @Override
    public LocalDate dateIn(int solarYear) {
      return VietnameseCalendar.tet(checked(solarYear)).minusDays(1);
    }
  },
  /** 23 tháng Chạp, when the Kitchen Gods go to heaven; in January or February of {@code solarYear}. */
  ONG_TAO("ong-tao", "Ông Công Ông Táo", "Kitchen Gods' Day") {
    @Override
    public LocalDate dateIn(int solarYear) {
      return VietnameseCalendar.toSolar(LunarDate.of(checked(solarYear) - 1, 12, 23));
    }
  },
  /** 15/1 lunar, the first full moon of the year. */
  RAM_THANG_GIENG("ram-thang-gieng", "Rằm tháng Giêng", "First Full Moon Festival", 1, 15),
  /** 10/3 lunar, the Hùng Kings' Commemoration, a public holiday. */
  GIO_TO("gio-to", "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day", 3, 10),
  /** 15/7 lunar. */
  VU_LAN("vu-lan", "Lễ Vu Lan", "Ghost Festival", 7, 15),
  /** 15/8 lunar, the Mid-Autumn Festival. */
  TRUNG_THU("trung-thu", "Tết Trung thu", "Mid-Autumn Festival", 8, 15),
  /** 1 January. */
  TET_DUONG_LICH("tet-duong-lich", "Tết Dương lịch", "New Year's Day", MonthDay.of(1, 1)),
  /** 30 April, Reunification Day. */
  GIAI_PHONG("giai-phong", "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day", MonthDay.of(4, 30)),
  /** 1 May. */
  QUOC_TE_LAO_DONG("quoc-te-lao-dong", "Ngày Quốc tế Lao động", "International Workers' Day", MonthDay.of(5, 1)),
  /** 2 September. */
  QUOC_KHANH("quoc-khanh", "Ngày Quốc khánh", "National Day", MonthDay.of(9, 2));

  private final String configName;
  private final String vietnamese;
  private final String english;
  private final Optional<LunarDate> lunarDay;
  private final Optional<MonthDay> solarDay;

  NamedDay(String configName, String vietnamese, String english) {
    this(configName, vietnamese, english, Optional.empty(), Optional.empty());
  }

  NamedDay(String configName, String vietnamese, String english, int lunarMonth, int lunarDay) {
    // The year is a placeholder; dateIn puts the day in the year asked for.
    this(configName, vietnamese, english, Optional.of(LunarDate.of(0, lunarMonth, lunarDay)), Optional.empty());
  }

  NamedDay(String configName, String vietnamese, String english, MonthDay solarDay) {
    this(configName, vietnamese, english, Optional.empty(), Optional.of(solarDay));
  }

  NamedDay(String configName, String vietnamese, String english, Optional<LunarDate> lunarDay,
      Optional<MonthDay> solarDay) {
    this.configName = configName;
    this.vietnamese = vietnamese;
    this.english = english;
    this.lunarDay = lunarDay;
    this.solarDay = solarDay;
  }

  /** The name a schedule file uses: "tet", "gio-to", "quoc-khanh". */
  public String configName() {
    return configName;
  }

  /** The Vietnamese name as said on air, with diacritics: "Giỗ Tổ Hùng Vương". */
  public String vietnamese() {
    return vietnamese;
  }

  /** A plain English name: "Hùng Kings' Commemoration Day". */
  public String english() {
    return english;
  }

  /** Whether the day is reckoned by the lunar calendar. */
  public boolean lunar() {
    return solarDay.isEmpty();
  }

  /**
   * The solar day this falls on in {@code solarYear} (1900 to 2100). Lunar days fall once in every
   * solar year; giao thừa and ông Táo fall in January or February, before that year's Tết.
   *
   * @throws IllegalArgumentException for a year outside 1900 .. 2100
   */
  public LocalDate dateIn(int solarYear) {
    checked(solarYear);
    if (solarDay.isPresent()) {
      return solarDay.get().atYear(solarYear);
    }
    LunarDate day = lunarDay.orElseThrow();
    return VietnameseCalendar.toSolar(LunarDate.of(solarYear, day.month(), day.day()));
  }

  /** The day a schedule names, by its {@link #configName()}; empty for a name we do not know. */
  public static Optional<NamedDay> fromConfigName(String name) {
    return Arrays.stream(values()).filter(d -> d.configName.equals(name)).findFirst();
  }

  static int checked(int solarYear) {
    if (solarYear < VietnameseCalendar.FIRST_YEAR || solarYear > VietnameseCalendar.LAST_YEAR) {
      throw new IllegalArgumentException("named days are known for " + VietnameseCalendar.FIRST_YEAR + " to "
          + VietnameseCalendar.LAST_YEAR + "; got " + solarYear);
    }
    return solarYear;
  }
}
