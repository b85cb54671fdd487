package io.loaxa.bench.station;

import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.devices.Pause;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.devices.BoardSpec;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.scheduler.config.MonitorConfig;
import io.loaxa.scheduler.config.SpeechConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.monitor.StationMonitor;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.testkit.MonitorPath;
import io.loaxa.testkit.PulseAudioSink;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The on-air monitor's figures on the PulseAudio null sinks: how long after the first sample of an
 * airing into a silent monitor path dead air is an incident (target ≤ 3 s), how long after foreign
 * audio starts on the monitor while nothing airs it is an incident (target ≤ configured + 1 s), and
 * the CPU the listening monitor takes against the same station idle without it (target ≤ 3 % of a core).
 */
public final class SupervisionBench {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ProgrammeKey TONE = new ProgrammeKey("ban-tin");
  private final int rounds;
  private final Duration deadAir;
  private final Duration outside;
  private final Duration cpuWindow;

  public SupervisionBench(int rounds, Duration deadAir, Duration outside, Duration cpuWindow) {
    this.rounds = rounds;
    this.deadAir = deadAir;
    this.outside = outside;
    this.cpuWindow = cpuWindow;
  }

  private StationConfig config() {
    return new StationConfig("Đài đo hiệu năng", HCM,
        List.of(new BoardSpec("tu-chinh", "simulated", Optional.empty(), 8, Map.of())),
        Optional.of(new StationConfig.Amplifier("tu-chinh", 8, Duration.ofMillis(200))),
        List.of(new StationConfig.Zone(new ZoneKey("ap-1"), "Ấp 1", "tu-chinh", 1),
            new StationConfig.Zone(new ZoneKey("ap-2"), "Ấp 2", "tu-chinh", 2)),
        JavaSoundOutput.DEFAULT, "content", false, SwitchPolicy.DEFAULT, SpeechConfig.DEFAULT,
        StationConfig.DEFAULT_EMERGENCY_LUFS, WebConfig.LOCAL_ONLY,
        Optional.of(new MonitorConfig("default", List.of(), -50, deadAir, outside, MonitorConfig.Reaction.ALERT,
            Optional.empty())), AlertsConfig.NONE);
  }

  public void run(PrintWriter out) throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = Files.createTempDirectory("loaxa-bench-supervision");
    out.printf(Locale.ROOT, "on-air monitor on PulseAudio null sinks; dead air after %d s, outside the schedule after %d s, %d rounds%n",
        deadAir.toSeconds(), outside.toSeconds(), rounds);
    try (MonitorPath tap = MonitorPath.open(); Station station = Station.assemble(config(), data, CLOCK, Pause.sleeping(),
        new JavaSoundOutput(JavaSoundOutput.DEFAULT, CLOCK))) {
      Path content = Files.createDirectories(data.resolve("content"));
      MonitorPath.envelopeTone(content, "ban-tin.wav", 440, deadAir.toSeconds() + 4, 7);
      Path foreign = MonitorPath.envelopeTone(data, "foreign.wav", 700, outside.toSeconds() + 3, 5);
      station.programmes().put(new Programme(TONE, "Bản tin", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.File("ban-tin.wav")), Duration.ofMinutes(2), Optional.empty()));
      StationMonitor monitor = station.monitor().orElseThrow();

      double idle = cpuShare(cpuWindow);
      monitor.start();
      settle(monitor);
      double listening = cpuShare(cpuWindow);

      List<Long> deadAirMs = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        deadAirMs.add(deadAirDelay(station, i));
      }
      List<Long> outsideMs = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        outsideMs.add(outsideDelay(station, tap, foreign));
      }
      out.printf(Locale.ROOT, "dead air: detected %s ms after the first sample (median %d ms, max %d ms; configured %d ms, target <= 3000 ms)%n",
          deadAirMs, median(deadAirMs), Collections.max(deadAirMs), deadAir.toMillis());
      out.printf(Locale.ROOT, "audio outside the schedule: detected %s ms after paplay started (median %d ms, max %d ms; configured %d ms, target <= %d ms)%n",
          outsideMs, median(outsideMs), Collections.max(outsideMs), outside.toMillis(), outside.toMillis() + 1000);
      out.printf(Locale.ROOT, "CPU over %d s: station idle without the monitor %.2f %% of a core, with the monitor listening %.2f %%;"
          + " the monitor %.2f %% of a core (target <= 3 %%)%n", cpuWindow.toSeconds(), idle * 100, listening * 100,
          (listening - idle) * 100);
      out.flush();
    }
  }

  private static void settle(StationMonitor monitor) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (monitor.blocksHeard() < 30 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static double cpuShare(Duration window) throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    return (double) (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - t0);
  }

  private static boolean open(Station station, IncidentKind kind) {
    return station.incidents().open().stream().anyMatch(i -> i.kind() == kind);
  }

  private long deadAirDelay(Station station, int round) throws Exception {
    Instant at = CLOCK.instant().plus(station.runner().preRoll()).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    PlannedAiring airing = new PlannedAiring(PlannedAiringKey.of(TONE.value() + "-" + round, LocalDateTime.ofInstant(at, HCM)),
        TONE, at, ZoneSelection.parse("all"), Priority.NORMAL);
    station.planned().add(airing);
    Thread runner = new Thread(() -> {
      try {
        station.runner().run(airing.key(), CLOCK.instant(), Trigger.MANUAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-airing");
    runner.start();
    Instant seen = null;
    while (runner.isAlive()) {
      if (seen == null && open(station, IncidentKind.DEAD_AIR)) {
        seen = CLOCK.instant();
      }
      Thread.sleep(5);
    }
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(at, at.plusSeconds(1), runs::add);
    Instant first = runs.get(0).startedAt().orElseThrow();
    waitClosed(station);
    if (seen == null) {
      throw new IllegalStateException("dead air not detected in round " + round + ": " + runs.get(0).reason());
    }
    return Duration.between(first, seen).toMillis();
  }

  private long outsideDelay(Station station, MonitorPath tap, Path foreign) throws Exception {
    Instant started = CLOCK.instant();
    Process p = tap.inject(foreign);
    Instant seen = null;
    while (p.isAlive() || open(station, IncidentKind.AUDIO_OUTSIDE_SCHEDULE)) {
      if (seen == null && open(station, IncidentKind.AUDIO_OUTSIDE_SCHEDULE)) {
        seen = CLOCK.instant();
      }
      Thread.sleep(5);
    }
    waitClosed(station);
    if (seen == null) {
      throw new IllegalStateException("audio outside the schedule not detected");
    }
    return Duration.between(started, seen).toMillis();
  }

  private static void waitClosed(Station station) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!station.incidents().open().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(1000); // the null sink's idle cycle between rounds
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
