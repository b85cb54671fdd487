package io.loaxa.schedules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content category (chuyên mục) that reports count airtime by: {@code cchc} (cải cách hành chính),
 * {@code thoi-su}, {@code thong-tin}, {@code pctt}, {@code phap-luat}, … Stations may add their own.
 */
public record Category(String key) {
  // before the constants: they are checked against it as the class initialises
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public static final Category CCHC = new Category("cchc");
  public static final Category NEWS = new Category("thoi-su");
  public static final Category INFORMATION = new Category("thong-tin");
  public static final Category DISASTER_PREVENTION = new Category("pctt");
  public static final Category LAW = new Category("phap-luat");
  public static final Category DEMO = new Category("thu-nghiem");

  public Category {
    Objects.requireNonNull(key, "key");
    if (!FORM.matcher(key).matches()) {
      throw new IllegalArgumentException("category '" + key + "': use lower-case letters, digits and '-'");
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
