package io.loaxa.bench.station;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The foundation's baseline figures: start error of scheduled airings through Quartz and the real
 * sound output, the daemon's time to ready and idle memory, and how fast it stops.
 */
public final class StartBench {
  private static final Duration SPACING = Duration.ofSeconds(5);
  private final int airings;

  public StartBench(int airings) {
    if (airings < 1 || airings > 500) {
      throw new IllegalArgumentException("airings out of range 1..500: " + airings);
    }
    this.airings = airings;
  }

  public void run(PrintWriter out) throws Exception {
    out.println("loaxa bench start — " + airings + " scheduled airings of the default chime, "
        + SPACING.toSeconds() + " s apart, demo station, default sound output");
    out.flush();
    DaemonFigures daemon = daemonFigures();
    List<Long> errors = startErrors();
    List<Long> sorted = new ArrayList<>(errors);
    Collections.sort(sorted);
    out.printf("%-44s %10s%n", "figure", "value");
    out.printf("%-44s %10d%n", "start error median (ms)", sorted.get(sorted.size() / 2));
    out.printf("%-44s %10d%n", "start error max (ms)", sorted.get(sorted.size() - 1));
    out.printf("%-44s %10d%n", "start error min (ms)", sorted.get(0));
    out.printf("%-44s %10d%n", "daemon time to ready, incl. JVM start (ms)", daemon.readyMillis);
    out.printf("%-44s %10.1f%n", "daemon idle RSS (MiB)", daemon.idleRssKib / 1024.0);
    out.printf("%-44s %10d%n", "daemon stop on SIGTERM (ms)", daemon.stopMillis);
    out.println("start error = first sample written to the line − planned instant; errors: " + errors);
    out.flush();
  }

  private record DaemonFigures(long readyMillis, long idleRssKib, long stopMillis) {}

  private DaemonFigures daemonFigures() throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("loaxa-bench-daemon");
    String java = ProcessHandle.current().info().command().orElse("java");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.loaxa.scheduler.cli.Loaxa", "run", "--data", data.toString()).redirectErrorStream(true).start();
    long ready = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.contains("ready in")) {
          ready = (System.nanoTime() - t0) / 1_000_000;
          break;
        }
      }
      if (ready < 0) {
        throw new IOException("the daemon exited before it was ready (exit " + p.waitFor() + ")");
      }
      Thread.sleep(5_000); // idle, before the demo greeting airs
      long rss = rssKib(p.pid());
      long s0 = System.nanoTime();
      p.destroy();
      drain(r);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("the daemon did not stop within 30 s of SIGTERM");
      }
      long stop = (System.nanoTime() - s0) / 1_000_000;
      return new DaemonFigures(ready, rss, stop);
    } finally {
      p.destroyForcibly();
    }
  }

  private static void drain(BufferedReader r) {
    Thread t = new Thread(() -> {
      try {
        while (r.readLine() != null) {
          // the daemon's last log lines are not needed here
        }
      } catch (IOException e) {
        // the pipe closes when the daemon exits
      }
    });
    t.setDaemon(true);
    t.start();
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for pid " + pid);
  }

  private List<Long> startErrors() throws Exception {
    Path data = Files.createTempDirectory("loaxa-bench-start");
    StationConfig config = StationConfig.demoStation();
    try (Station station = Station.assemble(config, data)) {
      ProgrammeKey key = new ProgrammeKey("bench-chime");
      station.programmes().put(new Programme(key, "Bench chime", Category.DEMO, Priority.NORMAL,
          List.of(new Segment.Chime("default")), Duration.ofSeconds(30), Optional.empty()));
      Instant first = station.clock().instant().plus(station.runner().preRoll()).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
      List<PlannedAiringKey> keys = new ArrayList<>();
      for (int i = 0; i < airings; i++) {
        Instant at = first.plus(SPACING.multipliedBy(i));
        PlannedAiringKey k = PlannedAiringKey.of("bench", LocalDateTime.ofInstant(at, config.timeZone()));
        station.planned().add(new PlannedAiring(k, key, at, ZoneSelection.everyZone(), Priority.NORMAL));
        keys.add(k);
      }
      try (Daemon daemon = station.daemon(new QuartzAiringTriggers(station.runner(), config.name()))) {
        daemon.start();
        Instant deadline = first.plus(SPACING.multipliedBy(airings)).plusSeconds(30);
        while (runs(station, first).size() < airings && station.clock().instant().isBefore(deadline)) {
          Thread.sleep(200); // waiting for real airings on the real clock: this is the measurement
        }
      }
      List<Long> errors = new ArrayList<>();
      for (AiringRunRecord r : runs(station, first)) {
        if (r.startedAt().isEmpty()) {
          throw new IllegalStateException("airing " + r.plannedKey() + " did not air: " + r.outcome() + " " + r.reason());
        }
        errors.add(Duration.between(r.plannedAt(), r.startedAt().get()).toMillis());
      }
      if (errors.size() < airings) {
        throw new IllegalStateException("only " + errors.size() + " of " + airings + " airings were logged");
      }
      return errors;
    }
  }

  private static List<AiringRunRecord> runs(Station station, Instant from) {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(from, from.plus(Duration.ofDays(1)), r -> {
      if (r.outcome().isPresent()) {
        runs.add(r);
      }
    });
    return runs;
  }
}
