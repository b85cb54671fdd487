package io.loaxa.schedules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A programme (chương trình): what airs, in which category and at which priority.
 *
 * @param lateTolerance how late it may still start after its planned time (after a restart, a busy
 *     line); past that the planned airing is logged {@code MISSED}
 * @param maxDuration the longest it may hold the air; empty when its segments decide
 */
public record Programme(
    ProgrammeKey key,
    String title,
    Category category,
    Priority priority,
    List<Segment> segments,
    Duration lateTolerance,
    Optional<Duration> maxDuration) {

  public Programme {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("programme " + key + " has no segments");
    }
    if (lateTolerance.isNegative()) {
      throw new IllegalArgumentException("lateTolerance must not be negative: " + lateTolerance);
    }
    Objects.requireNonNull(maxDuration, "maxDuration");
  }
}
