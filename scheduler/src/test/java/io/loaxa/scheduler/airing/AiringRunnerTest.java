package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a mutable clock with a simulated board and sound output: no sleeping, no hardware. */
class AiringRunnerTest {
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2026-03-02T22:00:00Z"); // 05:00 in Hồ Chí Minh City

  @TempDir
  Path data;

  private MutableClock clock;
  private SimulatedSoundOutput sound;
  private Station station;
  private SimulatedRelayBoard board;
  private int switchesAtStart;

  /** What the board did after the station's own all-off at assembly. */
  private List<SimulatedRelayBoard.Switch> switches() {
    List<SimulatedRelayBoard.Switch> all = board.history();
    return all.subList(switchesAtStart, all.size());
  }

  @BeforeEach
  void setUp() throws Exception {
    clock = new MutableClock(T0);
    sound = new SimulatedSoundOutput(clock, clock::advance);
    station = TestStations.station(data, clock, new ClockPause(clock), sound, WARM_UP);
    board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
    switchesAtStart = board.history().size();
  }

  @AfterEach
  void tearDown() {
    station.close();
  }

  private List<AiringRunRecord> runs() {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    return runs;
  }

  @Test
  void airsAtThePlannedSecondWithZonesOnBeforeAndOffAfterAndLogsOneRow() throws Exception {
    Instant at = T0.plusSeconds(60);
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, at, "ap-1,ap-3");
    clock.set(at.minus(station.runner().preRoll()));

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);

    assertEquals(Optional.of(Outcome.COMPLETED), outcome);
    Playback played = sound.plays().get(0);
    assertEquals(at, played.firstSampleAt(), "first sample at the planned instant");
    List<SimulatedRelayBoard.Switch> history = switches();
    Instant amplifierOn = history.stream().filter(s -> s.channel().number() == 8 && s.on()).findFirst().orElseThrow().at();
    assertFalse(amplifierOn.plus(WARM_UP).isAfter(played.firstSampleAt()), "amplifier warmed up before the first sample");
    for (SimulatedRelayBoard.Switch s : history) {
      if (s.on()) {
        assertFalse(s.at().isAfter(played.firstSampleAt()), "switched on before the first sample: " + s);
      } else {
        assertFalse(s.at().isBefore(played.endedAt()), "switched off after the last sample: " + s);
      }
    }
    assertTrue(history.stream().noneMatch(s -> s.channel().number() == 2 || s.channel().number() == 4),
        "hamlets not targeted are never switched");
    assertTrue(board.allOff());

    List<AiringRunRecord> runs = runs();
    assertEquals(1, runs.size());
    AiringRunRecord run = runs.get(0);
    assertEquals(airing.key(), run.plannedKey());
    assertEquals(at, run.plannedAt());
    assertEquals(Optional.of(at), run.startedAt());
    assertEquals(Optional.of(played.endedAt()), run.endedAt());
    assertEquals(List.of("ap-1", "ap-3"), run.zonesRequested());
    assertEquals(List.of("ap-1", "ap-3"), run.zonesConfirmed());
    assertEquals(Optional.of(Outcome.COMPLETED), run.outcome());
    assertEquals("chime: default", run.content());
    assertEquals(Trigger.SCHEDULED, run.trigger());
  }

  @Test
  void stillAirsToHealthyHamletsWhenOneHamletLineFails() throws Exception {
    board.failChannel(new RelayChannel(3));
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);

    assertEquals(Optional.of(Outcome.PARTIAL), outcome);
    assertEquals(1, sound.plays().size());
    AiringRunRecord run = runs().get(0);
    assertEquals(List.of("ap-1", "ap-2", "ap-4"), run.zonesConfirmed());
    assertEquals(List.of("ap-3"), run.zonesFailed());
    assertTrue(run.reason().contains("ap-3"), run.reason());
    assertTrue(board.allOff());
  }

  @Test
  void logsFailedAndSwitchesNothingWhenThereIsNoSoundDevice() throws Exception {
    sound.unplug();
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);

    assertEquals(Optional.of(Outcome.FAILED), outcome);
    assertTrue(switches().stream().noneMatch(SimulatedRelayBoard.Switch::on), "no relay switched on without a sound device");
    AiringRunRecord run = runs().get(0);
    assertTrue(run.reason().contains("no usable sound device"), run.reason());
    assertEquals(Optional.empty(), run.startedAt());
  }

  @Test
  void switchesEverythingOffWhenTheSoundCardFailsMidAiring() throws Exception {
    SoundOutput faulty = new SoundOutput() {
      @Override
      public String name() {
        return "faulty";
      }

      @Override
      public OpenLine open(PcmFormat format) {
        return new OpenLine() {
          @Override
          public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
            throw new AudioException("the USB sound card was unplugged");
          }

          @Override
          public void close() {}
        };
      }
    };
    station.close();
    station = TestStations.station(data, clock, new ClockPause(clock), faulty, WARM_UP);
    board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
    switchesAtStart = board.history().size();
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    assertEquals(Optional.of(Outcome.FAILED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

    assertTrue(switches().stream().anyMatch(SimulatedRelayBoard.Switch::on), "it did switch on");
    assertTrue(board.allOff(), "and everything is off again");
    assertTrue(runs().get(0).reason().contains("unplugged"));
  }

  @Test
  void neverAirsTheSamePlannedAiringTwice() throws Exception {
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));
    assertEquals(Optional.empty(), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

    assertEquals(1, sound.plays().size());
    assertEquals(1, runs().size());
  }

  @Test
  void logsMissedWhenFiredBeyondTheLateTolerance() throws Exception {
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0, "all");
    clock.advance(Duration.ofMinutes(10)); // the programme tolerates 2 minutes

    assertEquals(Optional.of(Outcome.MISSED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

    assertTrue(sound.plays().isEmpty());
    assertTrue(switches().isEmpty());
    assertTrue(runs().get(0).reason().contains("late tolerance"), runs().get(0).reason());
  }

  @Test
  void airsLateWithinTheLateTolerance() throws Exception {
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0, "all");
    clock.advance(Duration.ofSeconds(90));

    assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(airing.key(), clock.instant(), Trigger.CATCH_UP));

    AiringRunRecord run = runs().get(0);
    assertEquals(T0, run.plannedAt());
    assertEquals(Optional.of(T0.plusSeconds(90).plus(WARM_UP)), run.startedAt());
  }

  @Test
  void logsFailedWhenTheContentFileIsMissingBeforeSwitchingAnything() throws Exception {
    station.programmes().put(new io.loaxa.schedules.Programme(new io.loaxa.schedules.ProgrammeKey("ban-tin"), "Bản tin",
        io.loaxa.schedules.Category.INFORMATION, io.loaxa.schedules.Priority.NORMAL,
        List.of(new io.loaxa.schedules.Segment.File("khong-co.wav")), Duration.ofMinutes(1), Optional.empty()));
    PlannedAiring airing = TestStations.plan(station, new io.loaxa.schedules.ProgrammeKey("ban-tin"), T0, "all");

    assertEquals(Optional.of(Outcome.FAILED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

    assertTrue(switches().isEmpty());
    assertTrue(runs().get(0).reason().contains("khong-co.wav"), runs().get(0).reason());
  }

  @Test
  void anAiringThatWaitedForTheAirBeyondItsToleranceIsLoggedMissed() throws Exception {
    PlannedAiring first = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");
    PlannedAiring second = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(11), "all");
    java.util.concurrent.CountDownLatch onAir = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    station.close();
    SimulatedSoundOutput slow = new SimulatedSoundOutput(clock, d -> {
      onAir.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      clock.advance(Duration.ofMinutes(5)); // a long first airing
    });
    station = TestStations.station(data, clock, new ClockPause(clock), slow, WARM_UP);
    Thread t = new Thread(() -> {
      try {
        station.runner().run(first.key(), clock.instant(), Trigger.SCHEDULED);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    onAir.await();
    Thread second_ = new Thread(() -> {
      try {
        station.runner().run(second.key(), clock.instant(), Trigger.SCHEDULED);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    second_.start();
    while (second_.getState() != Thread.State.WAITING && second_.getState() != Thread.State.TERMINATED) {
      Thread.onSpinWait();
    }
    release.countDown();
    t.join();
    second_.join();

    List<AiringRunRecord> runs = runs();
    AiringRunRecord late = runs.stream().filter(r -> r.plannedKey().equals(second.key())).findFirst().orElseThrow();
    assertEquals(Optional.of(Outcome.MISSED), late.outcome());
    assertTrue(late.reason().contains("busy"), late.reason());
  }
}
