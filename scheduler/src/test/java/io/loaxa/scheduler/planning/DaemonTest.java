package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.schedules.PlannedAiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's start and stop on a mutable clock: safe state, loose ends, late and missed airings. */
class DaemonTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir
  Path data;

  private Station station(MutableClock clock) throws Exception {
    return TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance),
        Duration.ofSeconds(2));
  }

  private static List<AiringRunRecord> runs(Station station) {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    return runs;
  }

  @Test
  void startSwitchesEveryRelayOffAndMarksTheRunCutOffByACrashInterrupted() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
      board.switchOn(new RelayChannel(8));
      board.switchOn(new RelayChannel(1));
      PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.minusSeconds(30), "all");
      station.log().begin(new RunStart(airing.key(), "chuong", "Nhạc hiệu", "thong-tin", "NORMAL",
          Trigger.SCHEDULED, airing.startsAt(), List.of("ap-1"), "chime: default"));
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();

      station.daemon(triggers).start();

      assertTrue(board.allOff());
      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(Optional.of(Outcome.INTERRUPTED), runs.get(0).outcome());
      assertTrue(triggers.planned.isEmpty(), "an interrupted airing is not aired again");
      assertTrue(triggers.started);
    }
  }

  @Test
  void airsWhatWasDueWhileDownWithinToleranceAndLogsTheRestMissed() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring recent = TestStations.plan(station, TestStations.CHIME, T0.minusSeconds(60), "all");
      PlannedAiring old = TestStations.plan(station, TestStations.CHIME, T0.minus(Duration.ofHours(3)), "all");
      PlannedAiring later = TestStations.plan(station, TestStations.CHIME, T0.plus(Duration.ofHours(1)), "ap-1");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();

      station.daemon(triggers).start();

      assertEquals(List.of(
              new RecordingAiringTriggers.Planned(recent.key(), T0, Trigger.CATCH_UP),
              new RecordingAiringTriggers.Planned(later.key(), later.startsAt().minus(station.runner().preRoll()), Trigger.SCHEDULED)),
          triggers.planned);
      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(old.key(), runs.get(0).plannedKey());
      assertEquals(Optional.of(Outcome.MISSED), runs.get(0).outcome());
    }
  }

  @Test
  void aRestartNeverPlansAnAiringThatAlreadyRan() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(30), "all");
      station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);
      clock.set(T0);
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();

      station.daemon(triggers).start();

      assertTrue(triggers.planned.isEmpty());
      assertEquals(1, runs(station).size());
    }
  }

  @Test
  void planningTheSameAiringTwiceKeepsOne() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(30), "all");
      assertEquals(false, station.planned().add(airing));
      assertEquals(1, station.planned().between(T0, T0.plusSeconds(60)).size());
    }
  }

  @Test
  void firesNothingWhileTheClockReadsBeforeTheLastLoggedRunAndGoesOnAirOnceItIsCorrected() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring aired = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");
      station.runner().run(aired.key(), clock.instant(), Trigger.SCHEDULED);
      clock.set(T0.minus(Duration.ofDays(3))); // a Pi that booted with the clock of its last shutdown
      PlannedAiring back = TestStations.plan(station, TestStations.CHIME, clock.instant().minusSeconds(60), "all");
      PlannedAiring upcoming = TestStations.plan(station, TestStations.CHIME, T0.plus(Duration.ofHours(2)), "all");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();
      Daemon daemon = station.daemon(triggers);

      daemon.start();

      assertEquals(false, daemon.onAir());
      assertTrue(triggers.planned.isEmpty(), "nothing fires on an untrusted clock");
      assertEquals(1, runs(station).size(), "and nothing is logged missed on its say-so");

      clock.set(T0.plus(Duration.ofHours(1)));
      daemon.tick();

      assertEquals(true, daemon.onAir());
      assertEquals(false, triggers.held);
      assertEquals(List.of(upcoming.key()), triggers.planned.stream().map(RecordingAiringTriggers.Planned::key).toList());
      assertEquals(Optional.of(Outcome.MISSED), runs(station).stream()
          .filter(r -> r.plannedKey().equals(back.key())).findFirst().orElseThrow().outcome());
    }
  }

  @Test
  void aBootAt1970WaitsThenTheJumpToTodayAirsWhatIsStillWithinTolerance() throws Exception {
    MutableClock clock = new MutableClock(Instant.EPOCH.plusSeconds(42));
    try (Station station = station(clock)) {
      PlannedAiring recent = TestStations.plan(station, TestStations.CHIME, T0.minusSeconds(60), "all");
      PlannedAiring old = TestStations.plan(station, TestStations.CHIME, T0.minus(Duration.ofHours(5)), "all");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();
      Daemon daemon = station.daemon(triggers);

      daemon.start();
      assertEquals(false, daemon.onAir());
      assertTrue(runs(station).isEmpty());

      clock.set(T0);
      daemon.tick();

      assertEquals(List.of(new RecordingAiringTriggers.Planned(recent.key(), T0, Trigger.CATCH_UP)), triggers.planned);
      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(old.key(), runs.get(0).plannedKey());
      assertEquals(Optional.of(Outcome.MISSED), runs.get(0).outcome());
    }
  }

  @Test
  void trustsAClockTheSystemReportsSynchronisedEvenBeforeTheLastLoggedRun() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring aired = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");
      station.runner().run(aired.key(), clock.instant(), Trigger.SCHEDULED);
      clock.set(T0.minus(Duration.ofHours(6))); // the old clock was ahead; NTP corrected it
      Daemon daemon = station.daemon(new RecordingAiringTriggers(),
          new ClockTrust(station.log()::latest, () -> Optional.of(true), false));

      daemon.start();

      assertEquals(true, daemon.onAir());
    }
  }

  @Test
  void aForwardJumpOfTwelveHoursLogsWhatItSkippedMissedWithoutABurst() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring skipped = TestStations.plan(station, TestStations.CHIME, T0.plus(Duration.ofHours(1)), "all");
      PlannedAiring after = TestStations.plan(station, TestStations.CHIME, T0.plus(Duration.ofHours(13)), "all");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();
      Daemon daemon = station.daemon(triggers);
      daemon.start();

      clock.advance(Duration.ofHours(12));
      daemon.tick();

      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(skipped.key(), runs.get(0).plannedKey());
      assertEquals(Optional.of(Outcome.MISSED), runs.get(0).outcome());
      assertTrue(triggers.planned.stream().anyMatch(p -> p.key().equals(after.key())));
    }
  }

  @Test
  void aBackwardJumpOfOneHourNeverAirsAnythingTwice() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring first = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(30), "all");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();
      Daemon daemon = station.daemon(triggers);
      daemon.start();
      station.runner().run(first.key(), clock.instant(), Trigger.SCHEDULED);
      triggers.planned.clear();

      clock.set(T0.minus(Duration.ofHours(1)));
      daemon.tick();

      assertTrue(triggers.held, "a clock behind the log holds every trigger");
      assertTrue(triggers.planned.stream().noneMatch(p -> p.key().equals(first.key())), "not planned again");
      assertEquals(Optional.empty(), station.runner().run(first.key(), clock.instant(), Trigger.SCHEDULED));
      assertEquals(1, runs(station).size());
    }
  }

  @Test
  void afterDowntimeAirsOnlyTheLatestDueAiringOfEachProgrammeOldestFirst() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      PlannedAiring a = TestStations.plan(station, TestStations.CHIME, T0.minusSeconds(100), "all");
      PlannedAiring b = TestStations.plan(station, TestStations.CHIME, T0.minusSeconds(40), "all");
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();

      station.daemon(triggers).start();

      assertEquals(List.of(new RecordingAiringTriggers.Planned(b.key(), T0, Trigger.CATCH_UP)), triggers.planned);
      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(a.key(), runs.get(0).plannedKey());
      assertEquals(Optional.of(Outcome.SKIPPED), runs.get(0).outcome());
      assertTrue(runs.get(0).reason().contains("superseded"), runs.get(0).reason());
    }
  }
}
