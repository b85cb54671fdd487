package io.loaxa.schedules;

import java.util.Optional;

/**
 * How urgent an airing is, as in Thông tư 39/2020/TT-BTTTT. A higher priority pre-empts a lower one;
 * {@link #EMERGENCY} (khẩn cấp) airs at once.
 */
public enum Priority {
  /** thông thường */
  NORMAL("thông thường"),
  /** ưu tiên: waits for the running segment to end */
  PRIORITY("ưu tiên"),
  /** khẩn cấp: airs at once, pre-empting anything lower */
  EMERGENCY("khẩn cấp");

  private final String vietnamese;

  Priority(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  /** Reads {@code normal}, {@code PRIORITY}, {@code emergency} … in any case. */
  public static Optional<Priority> parse(String text) {
    return Keywords.parse(Priority.class, text);
  }
}
