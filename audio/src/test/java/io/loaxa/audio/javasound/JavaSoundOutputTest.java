package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Chimes;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Gap;
import io.loaxa.audio.OutputLevel;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.Tones;
import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Speakers;
import io.loaxa.testkit.Integration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Integration
class JavaSoundOutputTest {
  private static final Clock CLOCK = Speakers.CLOCK;
  private static Speakers speakers;
  private final JavaSoundOutput output = new JavaSoundOutput(JavaSoundOutput.DEFAULT, CLOCK);

  @TempDir
  Path dir;

  @BeforeAll
  static void listen() throws Exception {
    speakers = Speakers.listen();
  }

  @AfterAll
  static void stopListening() {
    if (speakers != null) {
      speakers.close();
    }
  }

  @Test
  void theDefaultChimeReachesTheSpeakersAtItsPitchAndLevel() throws Exception {
    PcmClip chime = Chimes.named("default", PcmFormat.STATION).orElseThrow();
    Instant before = CLOCK.instant();
    Playback playback;
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      playback = line.play(chime, new StopToken());
    }
    Signal heard = speakers.heard(before, playback.endedAt().plusMillis(300));
    Speakers.requireUnbroken(playback.underruns());

    assertFalse(playback.stopped());
    assertEquals(chime.frames(), playback.framesPlayed());
    int start = heard.firstAbove(0.02);
    assertTrue(start >= 0, "nothing was heard on the monitor");
    int note = (int) (Chimes.NOTE_LENGTH.toMillis() * PulseAudioSink.RATE / 1000);
    for (int n = 0; n < Chimes.DEFAULT_NOTES_HZ.length; n++) {
      // measure the steady middle of each note, away from its 20 ms edges
      int from = start + n * note + note / 4;
      int to = start + (n + 1) * note - note / 4;
      assertEquals(Chimes.DEFAULT_NOTES_HZ[n], heard.dominantHz(from, to, 400, 900), 3.0, "note " + n);
      assertEquals(Chimes.PEAK, heard.peak(from, to), Chimes.PEAK * 0.06, "level of note " + n);
    }
    double heardSeconds = heard.seconds(heard.lastAbove(0.02) - start);
    assertEquals(chime.duration().toMillis() / 1000.0, heardSeconds, 0.05);
  }

  @Test
  void theMeterReadsASineSixDecibelsBelowFullScaleAtMinusSixWhileItPlaysAndNothingAfter() throws Exception {
    PcmClip sine = Tones.sine(PcmFormat.STATION, 1000, Math.pow(10, -6 / 20.0), Duration.ofMillis(1500));
    List<OutputLevel> read = readWhilePlaying(sine);

    assertTrue(read.size() >= 10, "levels read while it played: " + read);
    for (OutputLevel level : read) {
      assertEquals(-6.0, level.peakDbfs(), 0.2, "peak of " + read);
      assertEquals(-9.0, level.rmsDbfs(), 0.2, "RMS of " + read);
    }
    assertTrue(output.meter().level().isEmpty(), "the meter reads nothing once the play ended");
  }

  @Test
  void theMeterReadsSilenceAtTheFloor() throws Exception {
    PcmClip silence = new PcmClip(PcmFormat.STATION, new float[PcmFormat.STATION.sampleRate() * 2]);
    List<OutputLevel> read = readWhilePlaying(silence);

    assertTrue(read.size() >= 5, "levels read while it played: " + read);
    for (OutputLevel level : read) {
      assertEquals(OutputLevel.FLOOR_DBFS, level.peakDbfs(), 0.0);
      assertEquals(OutputLevel.FLOOR_DBFS, level.rmsDbfs(), 0.0);
    }
  }

  /** Plays {@code clip} on the real output while another thread reads the meter every 20 ms. */
  private List<OutputLevel> readWhilePlaying(PcmClip clip) throws Exception {
    List<OutputLevel> read = java.util.Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      reader.scheduleAtFixedRate(() -> output.meter().level().ifPresent(read::add), 0, 20, TimeUnit.MILLISECONDS);
      Playback playback = line.play(clip, new StopToken());
      reader.shutdown();
      assertTrue(reader.awaitTermination(5, TimeUnit.SECONDS));
      Speakers.requireUnbroken(playback.underruns());
    } finally {
      reader.shutdownNow();
    }
    return List.copyOf(read);
  }

  @Test
  void aCuedAiringIsHeardOnThePlannedInstant() throws Exception {
    PcmClip beep = Tones.sine(PcmFormat.STATION, 1000, 0.5, Duration.ofMillis(300));
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      for (int airing = 0; airing < 3; airing++) {
        Instant planned = CLOCK.instant().plusMillis(800);
        Playback playback = line.play(beep, new StopToken(), Cue.at(planned));
        Speakers.requireUnbroken(playback.underruns());
        Signal heard = speakers.heard(planned.minusMillis(200), planned.plusMillis(600));
        Instant first = speakers.instantOf(planned.minusMillis(200), heard.firstAbove(0.02));
        long errorMicros = Duration.between(planned, first).toNanos() / 1000;
        assertTrue(Math.abs(errorMicros) < 10_000, "airing " + airing + " heard " + errorMicros + " µs off");
        long reportedMicros = Duration.between(planned, playback.firstSampleAt()).toNanos() / 1000;
        assertTrue(Math.abs(reportedMicros) < 5_000, "reported first sample " + reportedMicros + " µs off");
      }
    }
  }

  @Test
  void aStopFadesTheAiringOutWithin200Milliseconds() throws Exception {
    // The break before the fade is the sound server restarting the stream after the drop: a few
    // milliseconds, 10-15 when it is kept busy by other work, and on a machine loaded by a whole
    // parallel build now and then longer. Every stop must be heard in time and faded; the break is
    // judged on the best of up to three stops, each of which must still be well short of a cut.
    List<Double> breaks = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      double breakMillis = stopOnce();
      breaks.add(breakMillis);
      assertTrue(breakMillis <= 60, "a break of " + breakMillis + " ms before the fade: a cut, not a fade");
      if (breakMillis <= 20) {
        return;
      }
    }
    fail("a break before the fade in every stop: " + breaks + " ms");
  }

  /** One airing stopped mid-tone; asserts it was heard stopping in time and faded; returns the break before the fade (ms). */
  private double stopOnce() throws Exception {
    PcmClip tone = Tones.sine(PcmFormat.STATION, 440, 0.5, Duration.ofSeconds(4));
    StopToken stop = new StopToken();
    Instant planned = CLOCK.instant().plusMillis(700);
    Instant[] requested = new Instant[1];
    ScheduledExecutorService emergency = Executors.newSingleThreadScheduledExecutor();
    Playback playback;
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      emergency.schedule(() -> {
        requested[0] = CLOCK.instant();
        stop.request("khẩn cấp");
      }, 1700, TimeUnit.MILLISECONDS);
      playback = line.play(tone, stop, Cue.at(planned));
    } finally {
      emergency.shutdown();
    }
    assertTrue(playback.stopped());
    Speakers.requireUnbroken(playback.underruns());
    Signal heard = speakers.heard(planned, planned.plusSeconds(3));
    int end = heard.lastAbove(0.005);
    long latencyMillis = Duration.between(requested[0], speakers.instantOf(planned, end)).toMillis();
    assertTrue(latencyMillis <= 200, "sound went on " + latencyMillis + " ms after the stop");
    int ms = PulseAudioSink.RATE / 1000;
    // the 30 ms raised-cosine fade: about 3/4 level 20 ms before the end, under 1/6 in the last 8 ms
    double middle = heard.peak(end - 20 * ms, end - 10 * ms);
    double last = heard.peak(end - 8 * ms, end);
    assertTrue(middle < 0.45 && middle > 0.05 && last < middle, "a fade, not a cut: " + middle + " then " + last);
    // what the sound card had queued is dropped: the fade must follow the last sound heard, not a
    // break; the tone before the break (if any) is at full level
    int[] quiet = longestQuiet(heard, end - 200 * ms, end - 25 * ms);
    int beforeBreak = quiet[1] > 0 ? quiet[0] : end - 30 * ms;
    assertEquals(0.5, heard.peak(beforeBreak - 25 * ms, beforeBreak - 5 * ms), 0.05, "full level before the fade");
    return quiet[1] / (double) ms;
  }

  /**
   * The longest run of samples quieter than 0.05 in {@code [from, to)} as {start, length}: a 440 Hz
   * tone at 0.5 has none over a few.
   */
  private static int[] longestQuiet(Signal heard, int from, int to) {
    float[] s = heard.samples();
    int longest = 0;
    int longestStart = from;
    int run = 0;
    for (int i = Math.max(0, from); i < Math.min(to, s.length); i++) {
      run = Math.abs(s[i]) < 0.05 ? run + 1 : 0;
      if (run > longest) {
        longest = run;
        longestStart = i - run + 1;
      }
    }
    return new int[] {longestStart, longest};
  }

  @Test
  void aSilentStretchInTheAiringIsReported() throws Exception {
    PcmFormat f = PcmFormat.STATION;
    PcmClip clip = PcmClip.concat(f, List.of(Tones.sine(f, 440, 0.3, Duration.ofMillis(500)),
        PcmClip.silence(f, Duration.ofMillis(1500)), Tones.sine(f, 440, 0.3, Duration.ofMillis(500))));
    Playback playback;
    try (SoundOutput.OpenLine line = output.open(f)) {
      playback = line.play(clip, new StopToken(), Cue.now().withSilenceAfter(Duration.ofSeconds(1)));
    }
    assertEquals(1, playback.silences().size(), playback.silences().toString());
    Gap silence = playback.silences().get(0);
    assertEquals(500, silence.at().toMillis(), 2);
    assertEquals(1500, silence.length().toMillis(), 2);
  }

  @Test
  void anMp3FileAirsAtItsPitchAndLength() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "nhac.wav", 44_100, 2, 16, 660, 2, 0.4), "nhac.mp3", 128);
    PcmClip clip = JavaSoundFiles.decode(mp3);
    Instant planned = CLOCK.instant().plusMillis(700);
    Playback playback;
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      playback = line.play(clip, new StopToken(), Cue.at(planned));
    }
    Speakers.requireUnbroken(playback.underruns());
    Signal heard = speakers.heard(planned.minusMillis(100), planned.plusMillis(2500));
    int start = heard.firstAbove(0.02);
    int end = heard.lastAbove(0.02);
    assertEquals(2.0, heard.seconds(end - start), 0.06);
    assertEquals(660, heard.dominantHz(start + 4410, end - 4410, 500, 800), 2);
    assertEquals(0.4, heard.peak(start + 4410, end - 4410), 0.03);
  }

  @Test
  void anOutputThatIsNotThereIsNamedInTheError() {
    JavaSoundOutput missing = new JavaSoundOutput("Behringer UCA202", CLOCK);
    AudioException e = assertThrows(AudioException.class, () -> missing.open(PcmFormat.STATION));
    assertTrue(e.getMessage().contains("no usable sound device 'Behringer UCA202'"), e.getMessage());
    assertTrue(e.getMessage().contains("outputs seen: ["), e.getMessage());
  }

  @Test
  void aLineThatReportsItselfDrainedEarlyIsNotLetGoBeforeTheEndIsHeard() throws Exception {
    // the device's own position had already been followed while the programme was written; a
    // drained report then must not end the play (closing the line would drop the end unheard)
    PcmFormat format = PcmFormat.STATION;
    PcmClip programme = Tones.sine(format, 440, 0.3, Duration.ofMillis(1500));
    DrainReportingLine device = new DrainReportingLine(programme.frames());
    device.open(new javax.sound.sampled.AudioFormat(format.sampleRate(), 16, format.channels(), true, false),
        format.sampleRate() * format.channels() * 2);
    JavaSoundLine line = new JavaSoundLine(new JavaSoundOutput("device that reports itself drained", Clock.systemUTC()),
        device, format, Clock.systemUTC());
    line.play(io.loaxa.audio.PcmSource.of(programme), new StopToken(), Cue.now());
    long returned = System.nanoTime();
    line.close();
    long endHeard = device.heardAt(device.framesWritten());
    assertEquals(programme.frames(), device.framesWritten());
    assertTrue(returned >= endHeard - TimeUnit.MILLISECONDS.toNanos(30),
        "the play ended " + (endHeard - returned) / 1_000_000 + " ms before its last frame was heard");
  }
}
