package io.loaxa.scheduler.supervision.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.devices.Pause;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.config.MonitorConfig;
import io.loaxa.scheduler.config.SpeechConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.IncidentLog;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MonitorPath;
import io.loaxa.testkit.PulseAudioSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's on-air monitor wired by the composition root, against the PulseAudio null sinks:
 * the station plays into {@code speakers}, the monitor input hears {@code linein}, which carries
 * nothing (dead air) or a foreign tone played into it (audio outside the schedule).
 */
@Integration
class StationMonitorTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final ProgrammeKey TONE = new ProgrammeKey("ban-tin");
  @TempDir
  Path data;

  static StationConfig withMonitor(MonitorConfig.Reaction reaction) {
    StationConfig c = TestStations.config(Duration.ofMillis(200));
    return new StationConfig(c.name(), c.timeZone(), c.boards(), c.amplifier(), c.zones(), c.audioOutput(),
        c.contentDir(), false, SwitchPolicy.DEFAULT, SpeechConfig.DEFAULT, StationConfig.DEFAULT_EMERGENCY_LUFS,
        WebConfig.LOCAL_ONLY, Optional.of(new MonitorConfig("default", List.of(), -50, Duration.ofSeconds(1),
            Duration.ofSeconds(2), reaction, Optional.empty())));
  }

  private Station station(MonitorConfig.Reaction reaction) throws Exception {
    PulseAudioSink.ensureRunning();
    Station station = Station.assemble(withMonitor(reaction), data, CLOCK, Pause.sleeping(),
        new JavaSoundOutput(JavaSoundOutput.DEFAULT, CLOCK));
    StationMonitor monitor = station.monitor().orElseThrow();
    monitor.start();
    // an idle null sink delivers its first audio after up to ~2 s: wait until blocks flow steadily
    until(() -> monitor.monitor().blocks() >= 30, 10);
    return station;
  }

  /** Polls what the real capture thread has done by now; no schedule is waited for. */
  private static boolean until(BooleanSupplier done, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private List<IncidentLog.LoggedIncident> incidents(Station station, IncidentKind kind) {
    return station.incidentLog().between(Instant.EPOCH, CLOCK.instant().plusSeconds(60)).stream()
        .filter(i -> i.incident().kind() == kind).toList();
  }

  @Test
  void deadAirDuringAnAiringMakesTheRunFailedWithTheReasonAndKeepsTheEvidenceInTheDataFolder() throws Exception {
    try (MonitorPath silentTap = MonitorPath.open(); Station station = station(MonitorConfig.Reaction.ALERT)) {
      Path content = data.resolve("content");
      Files.createDirectories(content);
      MonitorPath.envelopeTone(content, "ban-tin.wav", 440, 4, 7);
      station.programmes().put(new Programme(TONE, "Bản tin", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.File("ban-tin.wav")), Duration.ofMinutes(2), Optional.empty()));
      Instant at = CLOCK.instant().plus(station.runner().preRoll()).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
      PlannedAiring airing = TestStations.plan(station, TONE, at, "all");

      Optional<Outcome> outcome = station.runner().run(airing.key(), CLOCK.instant(), Trigger.MANUAL);

      List<AiringRunRecord> runs = new ArrayList<>();
      station.log().forEachRun(at, at.plusSeconds(1), runs::add);
      assertEquals(1, runs.size());
      AiringRunRecord run = runs.get(0);
      assertTrue(outcome.equals(Optional.of(Outcome.FAILED)) || outcome.equals(Optional.of(Outcome.PARTIAL)),
          "outcome " + outcome + ": " + run.reason());
      assertEquals(outcome, run.outcome());
      assertTrue(run.reason().contains("dead air on the monitor"), run.reason());

      // the monitor's thread ends the incident at its next block after the airing
      assertTrue(until(() -> station.incidents().open().isEmpty(), 3), "the incident ends when the airing does");
      List<IncidentLog.LoggedIncident> deadAir = incidents(station, IncidentKind.DEAD_AIR);
      assertEquals(1, deadAir.size(), "one dead-air incident: " + deadAir);
      var incident = deadAir.get(0).incident();
      assertTrue(incident.end().isPresent(), incident.toString());
      Path evidence = incident.evidence().orElseThrow();
      assertTrue(evidence.startsWith(data.resolve(Station.EVIDENCE_DIR)), evidence.toString());
      assertTrue(Files.size(evidence) > 44, "evidence holds audio");
      assertTrue(run.reason().contains(evidence.toString()), "the run names its evidence: " + run.reason());
    }
  }

  @Test
  void audioOutsideTheScheduleSwitchesEveryLineAndTheAmplifierOffAndKeepsThemOffWhileItLasts() throws Exception {
    Path foreign = MonitorPath.envelopeTone(Files.createDirectories(data.resolve("tap")), "foreign.wav", 700, 7, 5);
    try (MonitorPath tap = MonitorPath.open(); Station station = station(MonitorConfig.Reaction.OFF)) {
      SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
      station.switchboard().amplifierOn();
      station.switchboard().zonesOn(List.of("ap-1", "ap-2"));
      assertTrue(board.isOn(new RelayChannel(8)) && board.isOn(new RelayChannel(1)));
      StationMonitor monitor = station.monitor().orElseThrow();

      Process p = tap.inject(foreign);
      assertTrue(until(monitor::holdingOff, 10), "no reaction to 7 s of foreign audio");
      for (int c = 1; c <= 8; c++) {
        assertFalse(board.isOn(new RelayChannel(c)), "channel " + c + " still on");
      }
      station.switchboard().status().forEach((zone, state) -> assertEquals(Optional.of(false), state, zone));

      // someone switches a line on while the foreign audio lasts: it goes off again
      station.switchboard().zonesOn(List.of("ap-3"));
      assertTrue(until(() -> !board.isOn(new RelayChannel(3)), 3), "ap-3 not held off");
      assertTrue(monitor.holdingOff());

      p.waitFor(15, TimeUnit.SECONDS);
      assertTrue(until(() -> !monitor.holdingOff(), 10), "still holding off after the foreign audio ended");
      List<IncidentLog.LoggedIncident> outside = incidents(station, IncidentKind.AUDIO_OUTSIDE_SCHEDULE);
      assertEquals(1, outside.size(), outside.toString());
      var incident = outside.get(0).incident();
      assertTrue(incident.end().isPresent());
      assertTrue(incident.detail().contains("every line and the amplifier switched off"), incident.detail());
      assertTrue(Files.exists(incident.evidence().orElseThrow()));
      assertTrue(station.incidents().open().isEmpty());
    }
  }
}
