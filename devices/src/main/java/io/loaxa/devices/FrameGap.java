package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The silence a board needs between two frames (cheap boards drop a frame that follows too closely,
 * 50–200 ms is typical). Waits only for what is left of the gap since the last frame ended.
 * Callers hold the line's monitor around {@link #keep()} … {@link #mark()}.
 */
public final class FrameGap {
  private final Duration gap;
  private final Clock clock;
  private final Pause pause;
  private Instant lastFrame = Instant.MIN;

  public FrameGap(Duration gap, Clock clock, Pause pause) {
    this.gap = Objects.requireNonNull(gap, "gap");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** Waits until the gap since the last frame has passed. */
  public void keep() {
    Duration since = Duration.between(lastFrame, clock.instant());
    if (since.compareTo(gap) < 0) {
      pause.pause(gap.minus(since));
    }
  }

  /** Notes that a frame has just ended. */
  public void mark() {
    lastFrame = clock.instant();
  }

  public Duration gap() {
    return gap;
  }
}
