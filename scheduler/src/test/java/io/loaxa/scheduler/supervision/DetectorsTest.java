package io.loaxa.scheduler.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.TimeSync;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.planning.ClockTrust;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's detectors over its own signals (simulated board, simulated sound card, the daemon's
 * clock trust, the airing log, the data folder's disk), on a clock that moves only when told.
 */
class DetectorsTest {
  @TempDir
  Path data;
  // 12 December, 08:00 station time: past the configured CCHC day (10)
  private final MutableClock clock = MutableClock.at("2026-12-12T01:00:00Z");

  private Map<IncidentKind, List<IncidentLog.LoggedIncident>> kept(Station station) {
    return station.incidentLog().between(Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
        .collect(Collectors.groupingBy(i -> i.incident().kind()));
  }

  private static boolean open(Station station, IncidentKind kind) {
    return station.incidents().open().stream().anyMatch(i -> i.kind() == kind);
  }

  @Test
  void eachSignalTheStationHasStartsAnIncidentAndEndsItWhenItClears() throws Exception {
    StationConfig c = TestStations.config(Duration.ZERO);
    StationConfig config = new StationConfig(c.name(), c.timeZone(), c.boards(), c.amplifier(), c.zones(), c.audioOutput(),
        c.contentDir(), false, c.switching(), c.speech(), c.emergencyLoudness(), c.web(), Optional.empty(),
        new AlertsConfig(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 10, 1));
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, d -> {});
    try (Station station = Station.assemble(config, data, clock, new ClockPause(clock), sound)) {
      SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
      Daemon daemon = station.daemon(new RecordingAiringTriggers(),
          new ClockTrust(Optional::empty, TimeSync.UNKNOWN, true));
      Detectors detectors = station.detectors(daemon);

      detectors.check(clock.instant());
      assertEquals(List.of(IncidentKind.CCHC_AT_RISK), station.incidents().open().stream().map(Incident::kind).toList());
      assertEquals("2026-12", station.incidents().open().get(0).subject());

      daemon.start(); // time sync unknown while the config requires it: airings held
      sound.unplug();
      board.silent(true);
      station.switchboard().zonesOn(List.of("ap-1"));
      clock.advance(Duration.ofSeconds(30));
      detectors.check(clock.instant());
      assertTrue(open(station, IncidentKind.CLOCK_UNTRUSTED));
      assertTrue(open(station, IncidentKind.SOUND_CARD_MISSING));
      assertTrue(open(station, IncidentKind.BOARD_OFFLINE));
      assertEquals(4, station.incidents().open().size(), station.incidents().open().toString());

      sound.plugIn();
      board.silent(false);
      station.switchboard().tick(); // the watchdog asks the silent board again
      station.log().record(new RunStart(PlannedAiringKey.of("cchc-thang", LocalDateTime.of(2026, 12, 12, 8, 0)), "cchc-thang",
          "Chuyên mục CCHC", "cchc", "NORMAL", Trigger.MANUAL, clock.instant(), List.of("ap-1"), "speech"),
          new RunEnd(Optional.of(clock.instant()), clock.instant().plusSeconds(60), List.of("ap-1"), List.of(), List.of(),
              Outcome.COMPLETED, ""));
      clock.advance(Duration.ofMinutes(1));
      detectors.check(clock.instant());
      assertEquals(List.of(IncidentKind.CLOCK_UNTRUSTED), station.incidents().open().stream().map(Incident::kind).toList());
      daemon.close();

      Map<IncidentKind, List<IncidentLog.LoggedIncident>> kept = kept(station);
      for (IncidentKind kind : List.of(IncidentKind.CCHC_AT_RISK, IncidentKind.SOUND_CARD_MISSING, IncidentKind.BOARD_OFFLINE)) {
        assertEquals(1, kept.get(kind).size(), kind.toString());
        assertEquals(Optional.of(clock.instant()), kept.get(kind).get(0).incident().end(), kind.toString());
      }
      assertEquals("tu-chinh", kept.get(IncidentKind.BOARD_OFFLINE).get(0).incident().subject());
    }
  }

  @Test
  void aDiskWithLessFreeSpaceThanConfiguredIsAnIncidentNamingTheFolder() {
    IncidentTracker incidents = new IncidentTracker(IncidentLog.NONE, AlertDispatcher.none("x", TestStations.HCM,
        IncidentLog.NONE, clock));
    new Detectors(incidents, List.of(StationChecks.disk(data, Long.MAX_VALUE))).check(clock.instant());
    assertEquals(List.of(IncidentKind.DISK_NEARLY_FULL), incidents.open().stream().map(Incident::kind).toList());
    assertEquals(data.toString(), incidents.open().get(0).subject());
    assertTrue(incidents.open().get(0).detail().contains("MB trống"), incidents.open().get(0).detail());
    assertEquals(Map.of(), StationChecks.disk(data, 1).problems(clock.instant()));
  }
}
