package io.loaxa.schedules;

import java.util.Locale;
import java.util.Optional;

/** Keywords of the schedule file read into enums, in any letter case. */
final class Keywords {
  private Keywords() {}

  /** The constant of {@code type} that {@code text} names (surrounding spaces and case ignored), if any. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
