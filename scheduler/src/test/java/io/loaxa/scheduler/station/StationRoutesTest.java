package io.loaxa.scheduler.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's log and report routes read on a connection of their own, so a long report never holds up an airing. */
class StationRoutesTest {
  private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

  @TempDir
  Path data;

  @Test
  void anAiringIsLoggedWhileAReportIsStillReadingTheLog() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = TestStations.station(data, clock, new ClockPause(clock),
        new SimulatedSoundOutput(clock, clock::advance), Duration.ZERO);
        StationRoutes routes = StationRoutes.open(station)) {
      PlannedAiring first = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");
      assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(first.key(), clock.instant(), Trigger.SCHEDULED));
      PlannedAiring second = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(600), "ap-1");
      List<AiringRunRecord> read = new ArrayList<>();
      AtomicReference<Optional<Outcome>> aired = new AtomicReference<>(Optional.empty());
      routes.readingLog().forEachRun(T0, T0.plusSeconds(60), run -> {
        read.add(run);
        // mid-read, the runner airs and logs from its own thread, as Quartz would fire it
        Thread airing = new Thread(() -> {
          try {
            aired.set(station.runner().run(second.key(), clock.instant(), Trigger.SCHEDULED));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        airing.start();
        try {
          airing.join(Duration.ofSeconds(20).toMillis());
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        assertFalse(airing.isAlive(), "the airing waited for the report's read of the log");
      });
      assertEquals(1, read.size());
      assertEquals(Optional.of(Outcome.COMPLETED), aired.get());
      List<AiringRunRecord> after = new ArrayList<>();
      routes.readingLog().forEachRun(T0, T0.plusSeconds(3600), after::add);
      assertEquals(2, after.size(), "the reading connection sees the new run once its read is over");
    }
  }
}
