package io.loaxa.scheduler;

import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.devices.Pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.Chimes;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Signal;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.testkit.Integration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One airing through every real part: a planned airing in a SQLite file, fired by Quartz, switched
 * on the simulated cabinet, played by Java Sound into a PulseAudio null sink whose monitor is
 * recorded and measured, and logged.
 */
@Integration
class ScheduledAiringEndToEndTest {
  @TempDir
  Path data;

  @Test
  void aScheduledAiringIsHeardOnTheSpeakersWithItsZonesSwitchedAroundItAndLogged() throws Exception {
    PulseAudioSink sink = PulseAudioSink.ensureRunning();
    Clock clock = Clock.systemUTC();
    Duration warmUp = Duration.ofMillis(500);
    try (Station station = TestStations.station(data, clock, Pause.sleeping(),
        new JavaSoundOutput(JavaSoundOutput.DEFAULT, clock), warmUp)) {
      SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
      PulseAudioSink.Recording recording = sink.record();
      Instant at = clock.instant().plus(station.runner().preRoll()).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
      PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, at, "ap-2,ap-4");

      List<AiringRunRecord> runs = new ArrayList<>();
      try (Daemon daemon = station.daemon(new QuartzAiringTriggers(station.runner(), "test"))) {
        daemon.start();
        Instant deadline = at.plusSeconds(20);
        while (runs.isEmpty() && clock.instant().isBefore(deadline)) {
          Thread.sleep(100); // polling for the logged outcome of a real airing, not waiting for a schedule
          runs.clear();
          station.log().forEachRun(at, at.plusSeconds(1), r -> {
            if (r.outcome().isPresent()) {
              runs.add(r);
            }
          });
        }
      }
      Signal heard = recording.stop();

      assertEquals(1, runs.size(), "one run logged");
      AiringRunRecord run = runs.get(0);
      assertEquals(airing.key(), run.plannedKey());
      assertEquals(Optional.of(Outcome.COMPLETED), run.outcome(), run.reason());
      assertEquals(Trigger.SCHEDULED, run.trigger());
      assertEquals(at, run.plannedAt());
      assertEquals(List.of("ap-2", "ap-4"), run.zonesConfirmed());
      Instant first = run.startedAt().orElseThrow();
      Instant end = run.endedAt().orElseThrow();
      assertTrue(Duration.between(at, first).abs().toMillis() < 100, "first sample near the planned second: " + first);

      List<SimulatedRelayBoard.Switch> all = board.history();
      int firstOn = all.indexOf(all.stream().filter(SimulatedRelayBoard.Switch::on).findFirst().orElseThrow());
      assertTrue(all.subList(0, firstOn).stream().noneMatch(SimulatedRelayBoard.Switch::on), "the daemon starts with all off");
      List<SimulatedRelayBoard.Switch> history = all.subList(firstOn, all.size());
      assertEquals(List.of(8, 2, 4), history.stream().filter(SimulatedRelayBoard.Switch::on).map(s -> s.channel().number()).toList(),
          "amplifier first, then the two hamlets");
      for (SimulatedRelayBoard.Switch s : history) {
        if (s.on()) {
          assertFalse(s.at().isAfter(first), "on before the first sample: " + s);
        } else {
          assertFalse(s.at().isBefore(end.minusMillis(1)), "off after the last sample: " + s);
        }
      }
      assertTrue(board.allOff(), "every relay off after the airing");

      int start = heard.firstAbove(0.02);
      assertTrue(start >= 0, "the chime was heard on the speakers' monitor");
      int note = (int) (Chimes.NOTE_LENGTH.toMillis() * PulseAudioSink.RATE / 1000);
      for (int n = 0; n < Chimes.DEFAULT_NOTES_HZ.length; n++) {
        int from = start + n * note + note / 4;
        int to = start + (n + 1) * note - note / 4;
        assertEquals(Chimes.DEFAULT_NOTES_HZ[n], heard.dominantHz(from, to, 400, 900), 3.0, "pitch of note " + n);
        assertEquals(Chimes.PEAK, heard.peak(from, to), Chimes.PEAK * 0.06, "level of note " + n);
      }
    }
  }
}
