package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RefreshedHealthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));

  @Test
  void aSoundCardPluggedBackInShowsAsFineOnceTheIntervalHasPassedAndTheDevicesAreAskedOncePerInterval() {
    AtomicReference<Optional<String>> sound = new AtomicReference<>(Optional.of("no sound device 'default'"));
    AtomicInteger asked = new AtomicInteger();
    RefreshedHealth health = new RefreshedHealth(clock, Duration.ofSeconds(15), () -> {
      asked.incrementAndGet();
      return Map.of("sound", sound.get());
    });
    assertEquals(Optional.of("no sound device 'default'"), health.get().get("sound"));
    sound.set(Optional.empty());
    for (int dashboard = 0; dashboard < 5; dashboard++) {
      clock.advance(Duration.ofSeconds(2));
      assertEquals(Optional.of("no sound device 'default'"), health.get().get("sound"), "the last answer within the interval");
    }
    assertEquals(1, asked.get());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Optional.empty(), health.get().get("sound"));
    assertEquals(2, asked.get());
  }

  @Test
  void aClockSetBackAsksAgainRatherThanKeepingAnAnswerFromTheFuture() {
    AtomicInteger asked = new AtomicInteger();
    RefreshedHealth health = new RefreshedHealth(clock, Duration.ofSeconds(15), () -> {
      asked.incrementAndGet();
      return Map.of();
    });
    health.get();
    clock.set(clock.instant().minus(Duration.ofHours(1)));
    health.get();
    assertEquals(2, asked.get());
  }
}
