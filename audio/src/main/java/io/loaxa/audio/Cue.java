package io.loaxa.audio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a play is to start and be watched.
 *
 * @param startAt when the first sample must be heard; empty: as soon as possible. A play called
 *     ahead of this instant primes the device with silence so the first sample lands on it.
 * @param silenceAfter output quieter than {@link #SILENCE_DBFS} for this long is reported as silence
 */
public record Cue(Optional<Instant> startAt, Duration silenceAfter) {
  /** Below this peak level, in dBFS, our output counts as silent. */
  public static final double SILENCE_DBFS = -50;
  public static final Duration DEFAULT_SILENCE_AFTER = Duration.ofSeconds(5);

  public Cue {
    Objects.requireNonNull(startAt, "startAt");
    if (silenceAfter.isNegative() || silenceAfter.isZero()) {
      throw new IllegalArgumentException("silenceAfter must be positive: " + silenceAfter);
    }
  }

  public static Cue now() {
    return new Cue(Optional.empty(), DEFAULT_SILENCE_AFTER);
  }

  public static Cue at(Instant startAt) {
    return new Cue(Optional.of(startAt), DEFAULT_SILENCE_AFTER);
  }

  public Cue withSilenceAfter(Duration length) {
    return new Cue(startAt, length);
  }
}
