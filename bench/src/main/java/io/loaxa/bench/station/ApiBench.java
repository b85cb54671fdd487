package io.loaxa.bench.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.bench.audio.StartAccuracyBench;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.Pause;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.scheduler.report.ReportStation;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.station.StationRoutes;
import io.loaxa.scheduler.web.ApiServer;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.testkit.MonitorTap;
import io.loaxa.testkit.PulseAudioSink;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The HTTP API under the office's load while the station airs: a generated year of a busy station's
 * log in a SQLite file, the daemon's API on loopback with the log, report and speech routes, the
 * station's real audio engine on the PulseAudio sink, and scheduled airings of a tone every
 * {@link #SPACING}: first with no clients (the baseline), then while {@code clients} logged-in
 * officers each poll status and a page of the log (a day, now and then filtered by category, hamlet
 * or outcome) for a set time. The officers' browsers run in a process of their own at nice 10
 * ({@link ApiClients}), as they run on machines of their own in an office. Prints requests a second and p50/p95/p99 latency per route, and each
 * phase's start error as heard on the sink's monitor (first sample above {@link #HEARD} − planned
 * second); then the year report through the API (JSON, XLSX, PDF) against the {@code sqlite3}
 * shell's scan and aggregate of the same rows; last, the RSS of a {@code loaxa run} daemon with its
 * API up and idle, under the package's JVM flags.
 */
public final class ApiBench {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Time between the scheduled airings of each phase. */
  static final Duration SPACING = Duration.ofSeconds(5);
  private static final Duration TONE = Duration.ofSeconds(1);
  /** Heard once a recorded sample passes this (−34 dBFS; the null sink is silent between airings). */
  private static final double HEARD = 0.02;
  /** The JVM flags of the Debian package's unit (less its class-data archive, which only postinst builds). */
  private static final List<String> PACKAGE_FLAGS = List.of("-Xms8m", "-Xmx64m", "-XX:+UseSerialGC", "-Xss256k",
      "-XX:TieredStopAtLevel=1");

  private final int runs;
  private final int clients;
  private final Duration length;
  private final String monitor;

  /**
   * @param length how long the clients poll, and how long each phase of airings lasts (at least 15 s)
   * @param monitor the PulseAudio source that hears the station's output ({@code @DEFAULT_MONITOR@})
   */
  public ApiBench(int runs, int clients, Duration length, String monitor) {
    if (runs < 1 || runs > 2_000_000 || clients < 1 || clients > 500 || length.toSeconds() < 15
        || length.toSeconds() > 3600) {
      throw new IllegalArgumentException("runs 1..2000000, clients 1..500, 15..3600 seconds");
    }
    this.runs = runs;
    this.clients = clients;
    this.length = length;
    this.monitor = monitor;
  }

  public void run(PrintWriter out) throws Exception {
    PulseAudioSink.ensureRunning();
    Path work = Files.createTempDirectory("loaxa-bench-api");
    try {
      Path data = work.resolve("data");
      long t0 = System.nanoTime();
      long written;
      try (Database db = Database.open(data)) {
        written = ReportBench.generate(db, runs);
      }
      out.printf(Locale.ROOT, "loaxa bench api — %,d airing runs over 2024 at a 20-hamlet station generated in %.1f s"
          + " (%.1f MiB); %d logged-in clients for %d s on loopback while airings run every %d s%n", written,
          (System.nanoTime() - t0) / 1e9, Files.size(data.resolve(Database.FILE)) / 1048576.0, clients,
          length.toSeconds(), SPACING.toSeconds());
      out.flush();
      Path tone = work.resolve("tin-thu.wav");
      Files.write(tone, StartAccuracyBench.wav(StartAccuracyBench.tone(TONE)));
      StationConfig config = config(ReportBench.station());
      Clock clock = Clock.systemUTC();
      try (Station station = Station.assemble(config, data, clock, Pause.sleeping(),
          new JavaSoundOutput(config.audioOutput(), clock))) {
        station.accounts().add("canbo", Role.OFFICER, ApiClients.PASSWORD, "bench", "localhost");
        Programme programme = new Programme(new ProgrammeKey("bench-api-tone"), "Bản tin thử", Category.DEMO,
            Priority.NORMAL, List.of(new Segment.File(tone.toString())), Duration.ofSeconds(30), Optional.empty());
        station.programmes().put(programme);
        Daemon daemon = station.daemon(new QuartzAiringTriggers(station.runner(), config.name()));
        try (StationRoutes routes = StationRoutes.open(station);
            ApiServer api = ApiServer.start(new ApiServer.Station(config.name(), HCM, data, station.manualAiring(),
            station.runner(), station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock),
            WebConfig.LOCAL_ONLY, routes.groups())) {
          String base = "http://127.0.0.1:" + api.port().orElseThrow();
          try (Clients offices = Clients.start(out, base, clients, length);
              MonitorTap tap = MonitorTap.start(monitor, clock)) {
            sleepUntil(clock, clock.instant().plusMillis(PulseAudioSink.SETTLE_MILLIS));
            int each = (int) (length.toSeconds() / SPACING.toSeconds()) - 1;
            Instant first = clock.instant().plus(station.runner().preRoll()).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            Instant loadFrom = first.plus(SPACING.multipliedBy(each + 1));
            List<Instant> quiet = new ArrayList<>();
            List<Instant> loaded = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              quiet.add(plan(station, programme, first.plus(SPACING.multipliedBy(i)), "bench-api-quiet"));
              loaded.add(plan(station, programme, loadFrom.plusSeconds(2).plus(SPACING.multipliedBy(i)), "bench-api-load"));
            }
            daemon.start();
            out.printf(Locale.ROOT, "%d airings of a %d ms tone with no clients from %s, then %d while the clients poll"
                + " from %s%n", each, TONE.toMillis(), first, each, loadFrom);
            out.flush();
            sleepUntil(clock, loadFrom);
            offices.go();
            Instant last = loaded.get(loaded.size() - 1);
            sleepUntil(clock, last.plus(TONE).plusSeconds(3));
            List<AiringRunRecord> logged2 = new ArrayList<>();
            station.log().forEachRun(first.minusSeconds(1), last.plusSeconds(1), logged2::add);
            heard(out, tap, logged2, quiet, loaded);
          }
          year(out, base, data.resolve(Database.FILE));
        } finally {
          daemon.close();
        }
      }
      idleDaemon(out, work.resolve("idle-daemon"));
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Instant plan(Station station, Programme p, Instant at, String rule) {
    station.planned().add(new PlannedAiring(PlannedAiringKey.of(rule, LocalDateTime.ofInstant(at, HCM)), p.key(), at,
        ZoneSelection.everyZone(), Priority.NORMAL));
    return at;
  }

  private static void sleepUntil(Clock clock, Instant t) throws InterruptedException {
    long millis = Duration.between(clock.instant(), t).toMillis();
    if (millis > 0) {
      Thread.sleep(millis); // the bench runs on the wall clock by design: real airings, real load
    }
  }

  /** Each phase's start error as heard, and as the log recorded it (first sample written to the line). */
  private static void heard(PrintWriter out, MonitorTap tap, List<AiringRunRecord> runs, List<Instant> quiet,
      List<Instant> loaded) throws IOException, InterruptedException {
    out.printf(Locale.ROOT, "%nstart error of the scheduled airings, ms (heard: first sample above %.2f on the sink's"
        + " monitor − planned second; logged: first sample written to the line − planned second)%n", HEARD);
    out.printf(Locale.ROOT, "%-24s %7s %8s %8s %8s %8s %7s %13s %13s%n", "phase", "airings", "median", "max", "min",
        "p90", "missed", "logged median", "logged max");
    double[] medians = new double[2];
    for (int phase = 0; phase < 2; phase++) {
      List<Instant> planned = phase == 0 ? quiet : loaded;
      List<Double> errors = new ArrayList<>();
      List<Double> loggedErrors = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Instant at : planned) {
        Optional<AiringRunRecord> run = runs.stream().filter(r -> r.plannedAt().equals(at)).findFirst();
        if (run.isEmpty() || run.get().startedAt().isEmpty()) {
          notes.add(at + ": " + run.map(r -> r.outcome() + " " + r.reason()).orElse("not in the log"));
        } else {
          loggedErrors.add(Duration.between(at, run.get().startedAt().get()).toNanos() / 1e6);
        }
        if (!tap.awaitHeard(at.plus(TONE), Duration.ofSeconds(10))) {
          throw new IOException("the monitor stopped recording", tap.failure());
        }
        int index = tap.firstAbove(tap.indexAt(at.minusMillis(500)), HEARD);
        double error = index < 0 || index > tap.indexAt(at.plus(TONE)) ? Double.POSITIVE_INFINITY
            : Duration.between(at, tap.heardAt(index)).toNanos() / 1e6;
        errors.add(error);
      }
      List<Double> sorted = new ArrayList<>(errors);
      Collections.sort(sorted);
      List<Double> loggedSorted = new ArrayList<>(loggedErrors);
      Collections.sort(loggedSorted);
      medians[phase] = quantile(sorted, 0.5);
      out.printf(Locale.ROOT, "%-24s %7d %8.1f %8.1f %8.1f %8.1f %7d %13.1f %13.1f%n",
          phase == 0 ? "no clients (baseline)" : "under the clients' load", planned.size(), quantile(sorted, 0.5),
          quantile(sorted, 1.0), quantile(sorted, 0.0), quantile(sorted, 0.9),
          sorted.stream().filter(d -> d.isInfinite()).count(), quantile(loggedSorted, 0.5), quantile(loggedSorted, 1.0));
      out.println("  heard " + errors);
      notes.forEach(n -> out.println("  did not air: " + n));
      boolean met = !sorted.isEmpty() && Math.abs(quantile(sorted, 0.5)) <= 10 && Math.abs(quantile(sorted, 0.0)) <= 25
          && quantile(sorted, 1.0) <= 25;
      out.println("  start-accuracy targets (|median| ≤ 10 ms, |max| ≤ 25 ms as heard): " + (met ? "met" : "NOT met"));
    }
    out.printf(Locale.ROOT, "median start error under load / baseline: %+.1f ms / %+.1f ms%n", medians[1], medians[0]);
    out.flush();
  }

  private static double quantile(List<Double> sorted, double q) {
    return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.round(q * (sorted.size() - 1)));
  }

  /**
   * {@code loaxa run} on the demo station in its own JVM under the package's flags, its API up and
   * nothing asking it: RSS at ready and after {@code settle} more seconds (before the demo greeting).
   */
  private static void idleDaemon(PrintWriter out, Path data) throws IOException, InterruptedException {
    Files.createDirectories(data);
    // every start of a station but its first: the first migrates the new data folder (Flyway, which
    // reads its settings with Jackson) and imports the demo schedule
    idleStart(null, data);
    idleStart(out, data);
  }

  /** One start of the idle daemon; its RSS printed to {@code out} unless that is null. */
  private static void idleStart(PrintWriter out, Path data) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(PACKAGE_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.loaxa.scheduler.cli.Loaxa", "run",
        "--data", data.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean ready = false;
      while (!ready && (line = r.readLine()) != null) {
        ready = line.contains("ready in");
      }
      if (!ready) {
        throw new IOException("the daemon exited before it was ready (exit " + p.waitFor() + ")");
      }
      Thread drain = new Thread(() -> {
        try {
          while (r.readLine() != null) {
            // the daemon's later log lines are not needed
          }
        } catch (IOException e) {
          // the pipe closes when the daemon stops
        }
      }, "idle-daemon-log");
      drain.setDaemon(true);
      drain.start();
      long atReady = rssKib(p.pid());
      Thread.sleep(5_000); // idle: no request, before the demo greeting airs
      long idle = rssKib(p.pid());
      if (out != null) {
        out.printf(Locale.ROOT, "%nidle daemon (loaxa run, demo station, a later start, API on loopback, no requests;"
            + " %s): RSS %.1f MiB at ready, %.1f MiB 5 s later (target ≤ 80 MB)%n", String.join(" ", PACKAGE_FLAGS),
            atReady / 1024.0, idle / 1024.0);
        out.flush();
      }
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } finally {
      p.destroyForcibly();
    }
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for pid " + pid);
  }

  private static StationConfig config(ReportStation station) {
    List<BoardSpec> boards = new ArrayList<>();
    List<StationConfig.Zone> zones = new ArrayList<>();
    for (int b = 1; b <= 3; b++) {
      boards.add(new BoardSpec("tu-" + b, "simulated", Optional.empty(), 8, Map.of()));
    }
    for (int i = 0; i < station.hamlets().size(); i++) {
      ReportStation.Hamlet h = station.hamlets().get(i);
      zones.add(new StationConfig.Zone(new ZoneKey(h.key()), h.name(), "tu-" + (1 + i / 8), 1 + i % 8));
    }
    return new StationConfig(station.name(), HCM, boards, Optional.empty(), zones, "default", "content", false);
  }

  /**
   * The office's browsers in a JVM of their own at a lower priority ({@code nice 10}), as on machines
   * of their own: the station's JVM serves their requests but does not run their loops, their
   * {@code HttpClient}s or their garbage.
   */
  private static final class Clients implements AutoCloseable {
    private final Process process;
    private final BufferedReader lines;
    private final PrintWriter out;

    private Clients(Process process, PrintWriter out) {
      this.process = process;
      this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.out = out;
    }

    static Clients start(PrintWriter out, String base, int clients, Duration length) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p = new ProcessBuilder("nice", "-n", "10", java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          ApiClients.class.getName(), base, String.valueOf(clients), String.valueOf(length.toSeconds()))
          .redirectErrorStream(true).start();
      Clients c = new Clients(p, out);
      String line;
      while ((line = c.lines.readLine()) != null) {
        if (line.startsWith(ApiClients.LOGGED_IN)) {
          out.println(line.substring(ApiClients.LOGGED_IN.length()).trim() + ", in their own process at nice 10");
          out.flush();
          return c;
        }
        out.println("  clients: " + line);
      }
      c.close();
      throw new IOException("the clients' process ended before logging in");
    }

    /** Starts the load and waits until the clients have polled for their time and printed their figures. */
    void go() throws IOException, InterruptedException {
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(line);
      }
      out.flush();
      if (process.waitFor() != 0) {
        throw new IOException("the clients' process failed (exit " + process.exitValue() + ")");
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static void year(PrintWriter out, String base, Path db) throws Exception {
    ApiClients.Client c = ApiClients.login(base);
    Instant from = LocalDate.of(2024, 1, 1).atStartOfDay(HCM).toInstant();
    Instant to = LocalDate.of(2025, 1, 1).atStartOfDay(HCM).toInstant();
    SqliteFloor floor = new SqliteFloor(db, from, to);
    double scan = floor.scan();
    double aggregate = floor.aggregate();
    out.printf(Locale.ROOT, "%nthe year report through the API, one request at a time, median of 3 (the sqlite3 shell's"
        + " run of the same rows as the floor):%n");
    out.printf(Locale.ROOT, "  sqlite3: scan of the report's columns in planned order %.2f s; the aggregate by category"
        + " %.2f s%n", scan, aggregate);
    for (String format : List.of("json", "xlsx", "pdf")) {
      String url = base + "/api/reports?period=2024&format=" + format;
      double s = median(() -> {
        long t = System.nanoTime();
        if (!ApiClients.get(c, url)) {
          throw new IllegalStateException("the year report as " + format + " failed");
        }
        return (System.nanoTime() - t) / 1e9;
      });
      out.printf(Locale.ROOT, "  GET /api/reports?period=2024&format=%-4s %.2f s = %.1f× the scan, %.1f× the aggregate"
          + " (target ≤ 3 s: %s)%n", format, s, s / scan, s / aggregate, s <= 3.0 ? "met" : "NOT met");
      out.flush();
    }
    if (ApiClients.get(c, base + "/api/reports?period=2024")) {
      HttpResponse<String> r = c.http().send(HttpRequest.newBuilder(URI.create(base + "/api/reports?period=2024"))
          .header("Cookie", c.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode totals = JSON.readTree(r.body()).path("totals");
      out.printf(Locale.ROOT, "  (the report counted %,d runs, %,d aired)%n", totals.path("runs").asLong(),
          totals.path("aired").asLong());
    }
    out.flush();
  }

  private interface Timed {
    double seconds() throws Exception;
  }

  private static double median(Timed t) throws Exception {
    double[] s = new double[3];
    for (int i = 0; i < s.length; i++) {
      s[i] = t.seconds();
    }
    Arrays.sort(s);
    return s[1];
  }
}
