package io.loaxa.scheduler.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Device health (sound card, speech engine) as the pages show it, asked again once {@code every}
 * has passed rather than once at start: a card plugged back in or a speech engine installed shows
 * as fine on the open pages within that time, while the live feed, reading the station every
 * 400 ms for all its pages, still asks the devices only once per interval. Thread-safe.
 */
public final class RefreshedHealth implements Supplier<Map<String, Optional<String>>> {
  private final Clock clock;
  private final Duration every;
  private final Supplier<Map<String, Optional<String>>> ask;
  private Map<String, Optional<String>> last = Map.of();
  private Instant askedAt = Instant.MIN;

  public RefreshedHealth(Clock clock, Duration every, Supplier<Map<String, Optional<String>>> ask) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.every = Objects.requireNonNull(every, "every");
    this.ask = Objects.requireNonNull(ask, "ask");
  }

  @Override
  public synchronized Map<String, Optional<String>> get() {
    Instant now = clock.instant();
    if (askedAt.equals(Instant.MIN) || !now.isBefore(askedAt.plus(every)) || now.isBefore(askedAt)) {
      last = Map.copyOf(ask.get());
      askedAt = now;
    }
    return last;
  }
}
