package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.SteppedTime;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies mid-airing: the next start closes the open run as interrupted, and the row keeps
 * what the station journalled while it aired (first sample, how long it was on air, the zones on,
 * what it was playing). The death is a station left with its airing on air while a second one opens
 * the same data folder, as the next start after a power cut does.
 */
class InterruptedAiringTest {
  private static final Instant T0 = Instant.parse("2026-03-02T23:00:00Z");
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration STEP = Duration.ofMillis(100);

  @TempDir
  Path data;

  @Test
  void theRowOfAnAiringCutByAPowerCutKeepsItsFirstSampleAirtimeZonesAndWhatItWasPlaying() throws Exception {
    SteppedTime time = new SteppedTime(T0);
    SimulatedSoundOutput sound = new SimulatedSoundOutput(time.clock, time::elapse);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    try (Station dying = TestStations.station(data, time.clock, time, sound, WARM_UP)) {
      Programme bulletin = new Programme(new ProgrammeKey("ban-tin"), "Bản tin sáng", Category.INFORMATION,
          Priority.NORMAL, List.of(new Segment.Chime("default"), new Segment.Gap(Duration.ofMinutes(5))),
          Duration.ofMinutes(2), Optional.empty());
      dying.programmes().put(bulletin);
      PlannedAiring airing = TestStations.plan(dying, bulletin.key(), T0.plusSeconds(5), "ap-1,ap-3");
      Thread t = new Thread(() -> {
        try {
          dying.runner().run(airing.key(), time.clock.instant(), Trigger.SCHEDULED);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "airing");
      threads.add(t);
      t.start();
      Instant cut = T0.plusSeconds(5).plusSeconds(40);
      time.runUntil(() -> !time.clock.instant().isBefore(cut), STEP, Duration.ofMinutes(2), threads);
      // the clock stands still from here: wait for the journal to catch up with it
      awaitJournal(Instant.now().plusSeconds(15), time.clock.instant());

      try (Station next = TestStations.station(data, time.clock, time, new SimulatedSoundOutput(time.clock, d -> {}), WARM_UP)) {
        assertEquals(1, next.log().closeInterrupted(cut.plus(Duration.ofMinutes(10))));
        List<AiringRunRecord> runs = new ArrayList<>();
        next.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
        AiringRunRecord row = runs.get(0);
        assertEquals(Optional.of(Outcome.INTERRUPTED), row.outcome());
        assertEquals(Optional.of(airing.startsAt()), row.startedAt(), "the first sample, at the planned instant");
        Duration onAir = Duration.between(row.startedAt().get(), row.endedAt().orElseThrow());
        assertEquals(Duration.ofSeconds(40), onAir, "on air until the station last knew it was, not until the next start");
        assertEquals(List.of("ap-1", "ap-3"), row.zonesConfirmed());
        assertTrue(row.reason().contains("after 40 s on air, playing gap: PT5M"), row.reason());
      }
      dying.runner().close("test over");
      time.advance(Duration.ofMinutes(10));
      t.join(5000);
    }
  }

  /** Polls the station's database file until the journal of the open run reaches {@code until}. */
  private void awaitJournal(Instant deadline, Instant until) throws Exception {
    String url = "jdbc:sqlite:" + data.resolve("loaxa.db").toAbsolutePath();
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT on_air_until, playing FROM airing_runs WHERE outcome IS NULL")) {
        if (r.next() && r.getString(1) != null && !Instant.parse(r.getString(1)).isBefore(until)
            && "gap: PT5M".equals(r.getString(2))) {
          return;
        }
      }
      Thread.sleep(50);
    }
    fail("the open run's journal did not reach " + until);
  }
}
