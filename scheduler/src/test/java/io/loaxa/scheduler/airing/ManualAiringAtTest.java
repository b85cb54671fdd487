package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.Chimes;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.schedules.PlannedAiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's "air this at 17:30" ({@code loaxa air --at}) on a mutable clock. */
class ManualAiringAtTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z"); // 17:00 in Hồ Chí Minh City

  @TempDir
  Path data;

  private MutableClock clock;
  private SimulatedSoundOutput sound;
  private Station station;

  @BeforeEach
  void setUp() throws Exception {
    clock = new MutableClock(T0);
    sound = new SimulatedSoundOutput(clock, clock::advance);
    station = TestStations.station(data, clock, new ClockPause(clock), sound, Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() {
    station.close();
  }

  @Test
  void aNoticeAskedFor1730AirsOnThatSecondWithHamletsSwitchedOnlyJustBefore() throws Exception {
    SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
    PlannedAiring airing = station.manualAiring().plan(new AirRequest(Optional.empty(),
        Optional.of(TestStations.CHIME.value()), "all", "normal", Optional.of("17:30")));
    Instant planned = Instant.parse("2026-03-02T10:30:00Z");
    assertEquals(planned, airing.startsAt());

    int switchesBefore = board.history().size();
    Optional<Outcome> outcome = station.runner().runWhenDue(airing.key(), Trigger.MANUAL);

    assertEquals(Optional.of(Outcome.COMPLETED), outcome);
    assertEquals(planned, sound.plays().get(0).firstSampleAt());
    Instant firstOn = board.history().subList(switchesBefore, board.history().size()).stream()
        .filter(SimulatedRelayBoard.Switch::on).map(SimulatedRelayBoard.Switch::at).findFirst().orElseThrow();
    assertEquals(planned.minus(station.runner().preRoll()), firstOn, "nothing switched on during the half hour before");
  }

  @Test
  void aTimeOfDayWithSecondsIsTakenToTheSecond() {
    PlannedAiring airing = station.manualAiring().plan(new AirRequest(Optional.empty(),
        Optional.of(TestStations.CHIME.value()), "all", "normal", Optional.of("17:05:30")));
    assertEquals(Instant.parse("2026-03-02T10:05:30Z"), airing.startsAt());
  }

  @Test
  void aTimeThatHasPassedOrIsNotATimeIsRefused() {
    UserError passed = assertThrows(UserError.class, () -> station.manualAiring().plan(new AirRequest(
        Optional.empty(), Optional.of(TestStations.CHIME.value()), "all", "normal", Optional.of("16:59"))));
    assertTrue(passed.getMessage().contains("has already passed today"), passed.getMessage());
    UserError garbled = assertThrows(UserError.class, () -> station.manualAiring().plan(new AirRequest(
        Optional.empty(), Optional.of(TestStations.CHIME.value()), "all", "normal", Optional.of("5h30"))));
    assertTrue(garbled.getMessage().contains("not a time of day"), garbled.getMessage());
  }

  @Test
  void theRenderedProgrammeAirsAtTheStationLoudness() throws Exception {
    PcmClip rendered = station.renderer().render(station.programmes().find(TestStations.CHIME).orElseThrow());
    assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(rendered), 0.2);
    assertEquals(Chimes.PEAK, rendered.peak(), Chimes.PEAK * 0.06);
  }
}
