package io.loaxa.schedules;

import java.util.Objects;
import java.util.regex.Pattern;

/** The key of one hamlet line (thôn / ấp / khu phố) as written in the station config, e.g. {@code ap-1}. */
public record ZoneKey(String value) implements Comparable<ZoneKey> {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public ZoneKey {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "zone key '" + value + "': use lower-case letters, digits, '-' or '_' (at most 64)");
    }
  }

  public static boolean isValid(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public int compareTo(ZoneKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
