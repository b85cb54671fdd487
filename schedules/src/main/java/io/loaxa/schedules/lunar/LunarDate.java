package io.loaxa.schedules.lunar;

/**
 * A day in the Vietnamese lunar calendar (âm lịch): lunar year, month 1–12 (1 is tháng Giêng,
 * 12 tháng Chạp), day 1–30, and whether the month is the year's leap month (tháng nhuận), which
 * repeats the number of the month before it. The year is the one that begins at its Tết, named
 * by the solar year Tết falls in. A value only: whether the day exists in that year (a day 30, a
 * leap month) is {@link VietnameseCalendar}'s to say.
 */
public record LunarDate(int year, int month, int day, boolean leap) {
  private static final String[] MONTH_NAMES = {
    "Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Chạp"
  };

  public LunarDate {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("lunar month out of range 1..12: " + month);
    }
    if (day < 1 || day > 30) {
      throw new IllegalArgumentException("lunar day out of range 1..30: " + day);
    }
  }

  /** A day of an ordinary (not leap) month. */
  public static LunarDate of(int year, int month, int day) {
    return new LunarDate(year, month, day, false);
  }

  /** A day of the leap month that follows month {@code month}. */
  public static LunarDate ofLeap(int year, int month, int day) {
    return new LunarDate(year, month, day, true);
  }

  /** Vietnamese name of the month as said on air: "Giêng", "Tư", "Chạp". */
  public static String monthName(int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("lunar month out of range 1..12: " + month);
    }
    return MONTH_NAMES[month - 1];
  }

  /**
   * As read out on air: "mùng 10 tháng Ba năm Bính Ngọ", "15 tháng Tư nhuận năm Canh Tý".
   * Days 1 to 10 take "mùng".
   */
  public String label() {
    String dayWord = day <= 10 ? "mùng " + day : Integer.toString(day);
    return dayWord + " tháng " + monthName(month) + (leap ? " nhuận" : "")
        + " năm " + CanChi.ofYear(year).vietnamese();
  }

  /** Day and month as written on a schedule or a calendar page: "10/3", "15/4 nhuận". */
  @Override
  public String toString() {
    return day + "/" + month + (leap ? " nhuận" : "");
  }
}
