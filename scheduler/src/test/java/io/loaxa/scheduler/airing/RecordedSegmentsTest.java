package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;
import io.loaxa.devices.Pause;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Sox;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded bulletins air at the station's loudness, measured by the render ahead of air time,
 * whatever format the commune recorded them in.
 */
@Integration
class RecordedSegmentsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final String BULLETIN = "ban-tin/ban-tin-sang.wav";

  @TempDir
  Path data;

  @Test
  void aRecordingMeasuredHalfAnHourAheadAirsLevelledWithoutBeingMeasuredAgain() throws Exception {
    MutableClock clock = new MutableClock(T0);
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, clock::advance);
    try (Station station = TestStations.station(data, clock, new ClockPause(clock), sound, Duration.ZERO)) {
      Path dir = Files.createDirectories(data.resolve("content/ban-tin"));
      // a quiet mono recording at 22 kHz, as a commune's recorder makes them
      Path file = Sox.toneWav(dir, "ban-tin-sang.wav", 22_050, 1, 16, 400, 5, 0.05);
      ProgrammeKey key = new ProgrammeKey("ban-tin");
      Programme programme = new Programme(key, "Bản tin sáng", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.File(BULLETIN)), Duration.ofMinutes(5), Optional.empty());
      station.programmes().put(programme);
      assertFalse(station.renderer().measuredAhead(BULLETIN));

      PcmClip ahead = station.renderer().render(programme); // what the daemon does 30 min before air
      assertTrue(station.renderer().measuredAhead(BULLETIN));
      PlannedAiring first = TestStations.plan(station, key, T0, "all");
      assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(first.key(), clock.instant(), Trigger.SCHEDULED));

      PcmClip aired = sound.clips().get(0);
      assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(aired), 1.0, "aired at the station loudness");
      assertArrayEquals(ahead.samples(), aired.samples(), "what aired is what the render ahead levelled");

      // the operator records the bulletin again, louder: it is measured afresh, not aired at the old gain
      Sox.toneWav(dir, "ban-tin-sang.wav", 22_050, 1, 16, 400, 5, 0.6);
      Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(60)));
      assertFalse(station.renderer().measuredAhead(BULLETIN));
      PlannedAiring second = TestStations.plan(station, key, clock.instant().plus(Duration.ofMinutes(10)), "all");
      assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(second.key(), clock.instant(), Trigger.SCHEDULED));
      assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(sound.clips().get(1)), 1.0,
          "the louder recording aired at the same loudness");
    }
  }

  @Test
  void oggVorbisAndFlacBulletinsAirOnTheSpeakersAtTheirPitchAndOneLoudness() throws Exception {
    PulseAudioSink sink = PulseAudioSink.ensureRunning();
    Clock clock = Clock.systemUTC();
    try (Station station = TestStations.station(data, clock, Pause.sleeping(),
        new JavaSoundOutput(JavaSoundOutput.DEFAULT, clock), Duration.ZERO)) {
      Path dir = Files.createDirectories(data.resolve("content/ban-tin"));
      // a stereo Vorbis weather report, and a quiet mono 24-bit FLAC farming notice at 48 kHz
      Sox.tone(dir, "thoi-tiet.ogg", 44_100, 2, 16, 440, 1.5, 0.5);
      Sox.tone(dir, "nong-nghiep.flac", 48_000, 1, 24, 660, 1.5, 0.05);
      ProgrammeKey key = new ProgrammeKey("ban-tin-chieu");
      station.programmes().put(new Programme(key, "Bản tin chiều", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.File("ban-tin/thoi-tiet.ogg"), new Segment.File("ban-tin/nong-nghiep.flac")),
          Duration.ofMinutes(5), Optional.empty()));
      PulseAudioSink.Recording recording = sink.record();
      PlannedAiring airing = TestStations.plan(station, key, clock.instant(), "ap-1");
      assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED));
      Signal heard = recording.stop();

      int first = heard.firstAbove(0.02);
      int last = heard.lastAbove(0.02);
      assertTrue(first >= 0, "the bulletin was heard on the speakers' monitor");
      int second = PulseAudioSink.RATE;
      int quarter = second / 4;
      assertEquals(3.0, (last - first) / (double) second, 0.3, "both recordings aired whole");
      assertEquals(440, heard.dominantHz(first + quarter, first + second + quarter, 300, 900), 3.0, "the Vorbis part");
      assertEquals(660, heard.dominantHz(last - second - quarter, last - quarter, 300, 900), 3.0, "the FLAC part");
      double vorbis = heard.rms(first + quarter, first + second + quarter);
      double flac = heard.rms(last - second - quarter, last - quarter);
      assertEquals(0, 20 * Math.log10(flac / vorbis), 1.0, "the quiet FLAC airs as loud as the Vorbis");
    }
  }
}
