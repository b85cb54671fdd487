package io.loaxa.schedules;

import java.util.Objects;
import java.util.regex.Pattern;

/** The key of a programme (chương trình) in the schedule, e.g. {@code thoi-su-sang}. */
public record ProgrammeKey(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,79}");

  public ProgrammeKey {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "programme key '" + value + "': use lower-case letters, digits, '-', '_' or '.' (at most 80)");
    }
  }

  public static boolean isValid(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
