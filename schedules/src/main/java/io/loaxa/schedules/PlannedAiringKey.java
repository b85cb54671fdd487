package io.loaxa.schedules;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The stable key of one planned airing: the rule it comes from and its local start, e.g.
 * {@code thoi-su-sang@2024-03-04T06:00}. Re-planning yields the same key, so a restart or an
 * import never airs the same thing twice.
 */
public record PlannedAiringKey(String value) {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  public PlannedAiringKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("planned airing key must be 1..200 characters");
    }
  }

  public static PlannedAiringKey of(String ruleKey, LocalDateTime localStart) {
    // written by hand: planning a year of a large commune makes a hundred thousand of these
    StringBuilder b = new StringBuilder(ruleKey.length() + 20).append(ruleKey).append('@');
    int year = localStart.getYear();
    if (year < 1000 || year > 9999) {
      return new PlannedAiringKey(b.append(LOCAL.format(localStart)).toString());
    }
    b.append(year).append('-');
    two(b, localStart.getMonthValue()).append('-');
    two(b, localStart.getDayOfMonth()).append('T');
    two(b, localStart.getHour()).append(':');
    two(b, localStart.getMinute()).append(':');
    two(b, localStart.getSecond());
    return new PlannedAiringKey(b.toString());
  }

  private static StringBuilder two(StringBuilder b, int value) {
    return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** The local start written after {@code @}; empty when the key has none. */
  public java.util.Optional<LocalDateTime> localStart() {
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(LocalDateTime.parse(value.substring(at + 1), LOCAL));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** The rule part, before {@code @}; the whole key when it has none. */
  public String ruleKey() {
    int at = value.lastIndexOf('@');
    return at < 0 ? value : value.substring(0, at);
  }

  @Override
  public String toString() {
    return value;
  }
}
