package io.loaxa.schedules;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily span of station local time, e.g. a peak listening window {@code 17:00-19:00} or quiet hours
 * {@code 21:30-05:00} (a window whose end is before its start runs past midnight).
 */
public record TimeWindow(LocalTime start, LocalTime end) {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("time window " + start + "-" + end + " is empty");
    }
  }

  public boolean wrapsMidnight() {
    return end.isBefore(start);
  }

  /** Whether {@code t} lies in the window, start included, end excluded. */
  public boolean contains(LocalTime t) {
    return wrapsMidnight() ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
  }

  /** Reads {@code 17:00-19:00}; empty when malformed. */
  public static Optional<TimeWindow> parse(String text) {
    String[] parts = text.strip().split("\\s*-\\s*");
    if (parts.length != 2) {
      return Optional.empty();
    }
    Optional<LocalTime> start = parseTime(parts[0]);
    Optional<LocalTime> end = parseTime(parts[1]);
    if (start.isEmpty() || end.isEmpty() || start.get().equals(end.get())) {
      return Optional.empty();
    }
    return Optional.of(new TimeWindow(start.get(), end.get()));
  }

  /**
   * Reads a clock time as operators write it: {@code 05:30}, {@code 5:30}, {@code 18:15:30}. Hours
   * 0..23, minutes and seconds 0..59; anything else (a number, {@code 24:00}, {@code 5.30}) is empty,
   * so a time is never guessed.
   */
  public static Optional<LocalTime> parseTime(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (h > 23 || min > 59 || s > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(h, min, s));
  }

  /** {@code HH:MM}, or {@code HH:MM:SS} when the seconds are not zero. */
  public static String formatTime(LocalTime t) {
    String hm = String.format("%02d:%02d", t.getHour(), t.getMinute());
    return t.getSecond() == 0 ? hm : hm + String.format(":%02d", t.getSecond());
  }

  /** The form {@link #parse} reads back. */
  @Override
  public String toString() {
    return formatTime(start) + "-" + formatTime(end);
  }
}
