package io.loaxa.schedules;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;

/**
 * Weekday names as schedules write them: the RFC 5545 codes {@code MO TU WE TH FR SA SU}, and the
 * Vietnamese {@code T2 … T7, CN} (thứ hai … thứ bảy, chủ nhật).
 */
public final class Weekdays {
  private static final String[] CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String[] VIETNAMESE = {"T2", "T3", "T4", "T5", "T6", "T7", "CN"};

  private Weekdays() {}

  /** {@code MO} for Monday … {@code SU} for Sunday. */
  public static String code(DayOfWeek day) {
    return CODES[day.getValue() - 1];
  }

  /** Reads {@code MO}, {@code mo}, {@code T2}, {@code CN} …; empty for anything else. */
  public static Optional<DayOfWeek> parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; i < 7; i++) {
      if (CODES[i].equals(t) || VIETNAMESE[i].equals(t)) {
        return Optional.of(DayOfWeek.of(i + 1));
      }
    }
    return Optional.empty();
  }
}
