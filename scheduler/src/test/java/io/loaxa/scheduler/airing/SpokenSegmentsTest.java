package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.testkit.Tools;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text segments air as Vietnamese speech from the station's engine (real espeak-ng), through the runner. */
@Integration
class SpokenSegmentsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir
  Path data;

  @Test
  void aNoticeWrittenInTheScheduleAndOneInATextFileAirAsSpeech() throws Exception {
    Tools.require("espeak-ng");
    MutableClock clock = new MutableClock(T0);
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, clock::advance);
    try (Station station = TestStations.station(data, clock, new ClockPause(clock), sound, Duration.ZERO)) {
      Path text = data.resolve("content/thong-bao/tiem-chung.txt");
      Files.createDirectories(text.getParent());
      Files.writeString(text, "UBND xã thông báo: ngày 15/3 tiêm chủng mở rộng tại trạm y tế, từ 7h30.", StandardCharsets.UTF_8);
      ProgrammeKey key = new ProgrammeKey("thong-bao");
      station.programmes().put(new Programme(key, "Thông báo", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.Text("Kính thưa bà con."), new Segment.Speech("thong-bao/tiem-chung.txt")),
          Duration.ofMinutes(5), Optional.empty()));
      PlannedAiring airing = TestStations.plan(station, key, T0, "all");

      assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

      PcmClip aired = sound.clips().get(0);
      assertTrue(aired.duration().compareTo(Duration.ofSeconds(4)) > 0, "both texts spoken: " + aired.duration());
      float[] samples = aired.samples();
      double peak = 0;
      for (float v : samples) {
        peak = Math.max(peak, Math.abs(v));
      }
      assertTrue(peak > 0.1, "audible speech, peak " + peak);
    }
  }

  @Test
  void aMissingTextFileFailsTheAiringBeforeAnyRelaySwitches() throws Exception {
    MutableClock clock = new MutableClock(T0);
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, clock::advance);
    try (Station station = TestStations.station(data, clock, new ClockPause(clock), sound, Duration.ZERO)) {
      ProgrammeKey key = new ProgrammeKey("thong-bao");
      station.programmes().put(new Programme(key, "Thông báo", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.Speech("thong-bao/khong-co.txt")), Duration.ofMinutes(5), Optional.empty()));
      PlannedAiring airing = TestStations.plan(station, key, T0, "all");

      assertEquals(Optional.of(Outcome.FAILED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));

      List<AiringRunRecord> runs = new ArrayList<>();
      station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
      assertTrue(runs.get(0).reason().contains("no such file"), runs.get(0).reason());
      assertTrue(sound.plays().isEmpty());
    }
  }
}
