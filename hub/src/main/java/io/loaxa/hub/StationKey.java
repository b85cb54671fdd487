package io.loaxa.hub;

import java.util.regex.Pattern;

/** A station as the broker and the hub know it: 1–40 characters of {@code a-z 0-9 -}, e.g. {@code tan-hung}. */
public record StationKey(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z0-9-]{1,40}");

  public StationKey {
    if (!valid(value)) {
      throw new IllegalArgumentException("station key '" + value + "'");
    }
  }

  public static boolean valid(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
