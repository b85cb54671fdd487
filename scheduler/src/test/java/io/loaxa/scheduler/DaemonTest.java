package io.loaxa.scheduler;

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
      station.log().begin(new RunStart(airing.key().value(), "chuong", "Nhạc hiệu", "thong-tin", "NORMAL",
          Trigger.SCHEDULED, airing.startsAt(), List.of("ap-1"), "chime: default"));
      RecordingAiringTriggers triggers = new RecordingAiringTriggers();

      new Daemon(station, triggers).start();

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

      new Daemon(station, triggers).start();

      assertEquals(List.of(
              new RecordingAiringTriggers.Planned(recent.key(), T0, Trigger.CATCH_UP),
              new RecordingAiringTriggers.Planned(later.key(), later.startsAt().minus(station.runner().preRoll()), Trigger.SCHEDULED)),
          triggers.planned);
      List<AiringRunRecord> runs = runs(station);
      assertEquals(1, runs.size());
      assertEquals(old.key().value(), runs.get(0).plannedKey());
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

      new Daemon(station, triggers).start();

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
}
