package io.loaxa.audio.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.javasound.JavaSoundMonitorInput;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MonitorPath;
import io.loaxa.testkit.PulseAudioSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Integration
class OnAirMonitorTest {
  private static final Clock CLOCK = Clock.systemUTC();
  @TempDir
  Path dir;
  private final BlockingQueue<MonitorEvent> events = new LinkedBlockingQueue<>();
  private final PlayedLevel played = new PlayedLevel();

  private OnAirMonitor monitor(Duration outside) throws Exception {
    PulseAudioSink.ensureRunning();
    OnAirMonitor monitor = new OnAirMonitor(new JavaSoundMonitorInput(JavaSoundMonitorInput.DEFAULT),
        MonitorSettings.of(-50, Duration.ofSeconds(2), outside), played, CLOCK, dir.resolve("evidence"), events::add);
    monitor.start();
    settle(monitor);
    return monitor;
  }

  /** An idle null sink delivers its first audio after up to ~2 s: wait until blocks flow steadily. */
  private static void settle(OnAirMonitor monitor) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (monitor.blocks() < 30 && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling the capture thread's progress, not waiting for a schedule
    }
  }

  private void play(double seconds, long seed) throws Exception {
    PcmClip clip = new PcmClip(PcmFormat.STATION, MonitorPath.envelope(44_100, 2, 440, seconds, seed));
    try (SoundOutput.OpenLine line = played.tap(new JavaSoundOutput(JavaSoundOutput.DEFAULT, CLOCK)).open(PcmFormat.STATION)) {
      line.play(clip, new StopToken());
    }
  }

  @Test
  void foreignAudioWhileNothingAirsIsCaughtAfterTheOutsideTimeAndKeptAsEvidence() throws Exception {
    Path foreign = MonitorPath.envelopeTone(dir, "foreign.wav", 700, 7, 5);
    try (MonitorPath path = MonitorPath.open(); OnAirMonitor monitor = monitor(Duration.ofSeconds(3))) {
      Instant injected = CLOCK.instant();
      Process p = path.inject(foreign);
      MonitorEvent start = events.poll(12, TimeUnit.SECONDS);
      Instant seen = CLOCK.instant();
      assertNotNull(start, "no incident for 7 s of foreign audio");
      assertEquals(MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE, start.kind());
      assertTrue(start.started());
      long delay = Duration.between(injected, seen).toMillis();
      assertTrue(delay >= 2_900 && delay <= 4_500, "caught after " + delay + " ms, configured 3 s");
      Path evidence = start.evidence().orElseThrow();
      PcmClip kept = RiffWave.decode(Files.readAllBytes(evidence), evidence.toString());
      assertEquals(5.0, kept.duration().toMillis() / 1000.0, 0.01);
      assertTrue(Levels.rmsDbfs(kept.samples(), kept.frames() / 2, 1) > -40, "the evidence holds no foreign audio");
      p.waitFor(15, TimeUnit.SECONDS);
      MonitorEvent end = events.poll(5, TimeUnit.SECONDS);
      assertNotNull(end, "the incident did not end with the silence");
      assertFalse(end.started());
    }
  }

  @Test
  void aProgrammeTheMonitorHearsRaisesNothing() throws Exception {
    try (MonitorPath path = MonitorPath.wired(); OnAirMonitor monitor = monitor(Duration.ofSeconds(3))) {
      monitor.airing(true);
      play(14, 11);
      monitor.airing(false);
      MonitorEvent event = events.poll(4, TimeUnit.SECONDS);
      assertNull(event, "a healthy monitor raised " + event);
    }
  }

  @Test
  void aSilentMonitorWhileTheProgrammePlaysIsDeadAir() throws Exception {
    try (MonitorPath path = MonitorPath.open(); OnAirMonitor monitor = monitor(Duration.ofSeconds(3))) {
      monitor.airing(true);
      Instant started = CLOCK.instant();
      Thread player = new Thread(() -> {
        try {
          play(6, 12);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      player.start();
      MonitorEvent start = events.poll(8, TimeUnit.SECONDS);
      long delay = Duration.between(started, CLOCK.instant()).toMillis();
      player.join();
      monitor.airing(false);
      assertNotNull(start);
      assertEquals(MonitorIncidentKind.DEAD_AIR, start.kind());
      assertTrue(delay <= 3_000, "dead air caught after " + delay + " ms");
      assertTrue(Files.size(start.evidence().orElseThrow()) > 44);
      MonitorEvent end = events.poll(2, TimeUnit.SECONDS);
      assertNotNull(end);
      assertFalse(end.started());
    }
  }

  @Test
  void aMonitorCarryingSomethingElseIsAMismatch() throws Exception {
    Path foreign = MonitorPath.envelopeTone(dir, "other.wav", 700, 16, 77);
    try (MonitorPath path = MonitorPath.open(); OnAirMonitor monitor = monitor(Duration.ofSeconds(30))) {
      path.inject(foreign);
      monitor.airing(true);
      play(14, 13);
      monitor.airing(false);
      MonitorEvent start = events.poll(2, TimeUnit.SECONDS);
      assertNotNull(start, "no mismatch");
      assertEquals(MonitorIncidentKind.MISMATCH, start.kind());
    }
  }
}
