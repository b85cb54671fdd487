package io.loaxa.schedules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A programme (chương trình): what airs, in which category and at which priority.
 *
 * @param lateTolerance how late it may still start after its planned time (after a restart, a busy
 *     line); past that the planned airing is logged {@code MISSED}
 * @param maxDuration the longest it may hold the air; empty when its segments decide
 * @param chimeBefore the chime (nhạc hiệu) aired before the segments, by name; empty for none
 * @param chimeAfter the chime aired after the segments, by name; empty for none
 * @param afterPreemption what becomes of it when a higher-priority airing cuts it off
 */
public record Programme(
    ProgrammeKey key,
    String title,
    Category category,
    Priority priority,
    List<Segment> segments,
    Duration lateTolerance,
    Optional<Duration> maxDuration,
    Optional<String> chimeBefore,
    Optional<String> chimeAfter,
    AfterPreemption afterPreemption) {

  /**
   * How long a segment whose length the schedule does not state (a file, speech) is taken to air
   * when checking overlaps and session lengths; state {@code maxDuration} for exact checks.
   */
  public static final Duration ASSUMED_CONTENT_LENGTH = Duration.ofMinutes(1);

  /** How long a chime is taken to air in the same checks. */
  public static final Duration ASSUMED_CHIME_LENGTH = Duration.ofSeconds(10);

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
    maxDuration.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("maxDuration must be positive: " + d);
      }
    });
    Objects.requireNonNull(chimeBefore, "chimeBefore");
    Objects.requireNonNull(chimeAfter, "chimeAfter");
    Objects.requireNonNull(afterPreemption, "afterPreemption");
  }

  /** A programme with the default policy after pre-emption for its segments. */
  public Programme(
      ProgrammeKey key,
      String title,
      Category category,
      Priority priority,
      List<Segment> segments,
      Duration lateTolerance,
      Optional<Duration> maxDuration,
      Optional<String> chimeBefore,
      Optional<String> chimeAfter) {
    this(key, title, category, priority, segments, lateTolerance, maxDuration, chimeBefore, chimeAfter,
        AfterPreemption.defaultFor(segments));
  }

  /** A programme without chimes around it. */
  public Programme(
      ProgrammeKey key,
      String title,
      Category category,
      Priority priority,
      List<Segment> segments,
      Duration lateTolerance,
      Optional<Duration> maxDuration) {
    this(key, title, category, priority, segments, lateTolerance, maxDuration, Optional.empty(), Optional.empty(),
        AfterPreemption.defaultFor(segments));
  }

  /** Everything that airs, in order: the chime before, the segments, the chime after. */
  public List<Segment> playlist() {
    List<Segment> all = new ArrayList<>(segments.size() + 2);
    chimeBefore.ifPresent(name -> all.add(new Segment.Chime(name)));
    all.addAll(segments);
    chimeAfter.ifPresent(name -> all.add(new Segment.Chime(name)));
    return List.copyOf(all);
  }

  /** The same programme with another policy after pre-emption. */
  public Programme withAfterPreemption(AfterPreemption policy) {
    return new Programme(key, title, category, priority, segments, lateTolerance, maxDuration, chimeBefore, chimeAfter,
        policy);
  }

  /** The same programme with the month's CCHC topic filled into its segments. */
  public Programme withTopic(String topic) {
    return new Programme(key, title, category, priority, segments.stream().map(s -> s.withTopic(topic)).toList(),
        lateTolerance, maxDuration, chimeBefore, chimeAfter, afterPreemption);
  }

  /**
   * How long the programme is planned to hold the air: {@code maxDuration} when given, otherwise the
   * stated segment lengths plus {@link #ASSUMED_CONTENT_LENGTH} for each segment without one.
   */
  public Duration plannedLength() {
    if (maxDuration.isPresent()) {
      return maxDuration.get();
    }
    Duration total = Duration.ZERO;
    for (Segment s : playlist()) {
      total = total.plus(s.statedLength().orElse(s instanceof Segment.Chime ? ASSUMED_CHIME_LENGTH : ASSUMED_CONTENT_LENGTH));
    }
    return total;
  }
}
