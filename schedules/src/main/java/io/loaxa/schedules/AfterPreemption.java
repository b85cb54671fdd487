package io.loaxa.schedules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What becomes of a programme cut off by a higher-priority airing, once the air is free again
 * ({@code afterPreemption:} in the schedule file).
 */
public enum AfterPreemption {
  /** Air the rest: from the start of the segment that was cut; a live segment rejoins for what is left of its length. */
  RESUME,
  /** Air it again from the beginning. */
  RESTART,
  /** Leave it cut; the log says so. */
  DROP;

  /**
   * The default for these segments: a live rebroadcast or line-in resumes (the rest of the news is
   * still worth hearing), anything recorded or spoken restarts (a notice heard by halves is not heard).
   */
  public static AfterPreemption defaultFor(List<Segment> segments) {
    for (Segment s : segments) {
      if (s instanceof Segment.Rebroadcast || s instanceof Segment.LineIn) {
        return RESUME;
      }
    }
    return RESTART;
  }

  /** Reads {@code resume}, {@code RESTART}, {@code drop} in any case. */
  public static Optional<AfterPreemption> parse(String text) {
    return Keywords.parse(AfterPreemption.class, text);
  }

  /** As written in the schedule file. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
