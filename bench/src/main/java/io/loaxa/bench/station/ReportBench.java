package io.loaxa.bench.station;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.report.AiringLogExport;
import io.loaxa.scheduler.report.CsvAiringLogExport;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.PeriodTally;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.scheduler.report.ReportStation;
import io.loaxa.scheduler.report.pdf.PdfAiringLogExport;
import io.loaxa.scheduler.report.pdf.PdfFonts;
import io.loaxa.scheduler.report.pdf.PdfPeriodReport;
import io.loaxa.scheduler.report.xlsx.XlsxAiringLogExport;
import io.loaxa.scheduler.report.xlsx.XlsxPeriodReport;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqliteLogImport;
import io.loaxa.scheduler.sqlite.SqliteLogImport.FinishedRun;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Reports and exports over a year of a busy station: time, peak heap and peak RSS of each, against
 * the plain CSV export of the same rows measured in the same run. The log is generated into a
 * temporary SQLite file; each phase runs in a fresh JVM with a small heap, so memory figures are
 * the phase's own and a phase that held every row in memory would fail.
 */
public final class ReportBench {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int HAMLETS = 20;
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final String PERIOD = "2024";
  private static final String[][] CATEGORIES = {
      // key, weight, title stem
      {"thoi-su", "30", "Tiếp âm thời sự, bản tin số"},
      {"thong-tin", "25", "Thông tin tuyên truyền của xã, số"},
      {"van-hoa", "10", "Chương trình văn hóa – văn nghệ số"},
      {"phap-luat", "10", "Phổ biến pháp luật: Luật Đất đai 2024, kỳ"},
      {"cchc", "8", "Chuyên mục cải cách hành chính: dịch vụ công trực tuyến, kỳ"},
      {"y-te", "8", "Y tế cộng đồng: phòng chống sốt xuất huyết, kỳ"},
      {"pctt", "5", "Phòng chống thiên tai: ứng phó bão, lũ, kỳ"},
      {"chuyen-doi-so", "4", "Chuyển đổi số: Đề án 06 và căn cước công dân, kỳ"},
  };

  /** One measured phase: what it writes and how. */
  private enum Phase {
    READ("read the log only", null),
    CSV("csv export (baseline)", "csv"),
    XLSX("xlsx export, streamed (SXSSF)", "xlsx"),
    PDF("pdf export, streamed", "pdf"),
    REPORT_XLSX("report " + PERIOD + " → xlsx", "xlsx"),
    REPORT_PDF("report " + PERIOD + " → pdf", "pdf");

    final String label;
    final String extension;

    Phase(String label, String extension) {
      this.label = label;
      this.extension = extension;
    }
  }

  /** A phase's figures; with warm repetitions {@code millis} is their median and {@code coldMillis} the first run. */
  private record Figures(Phase phase, long millis, long cpuMillis, long heapPeak, long liveHeapPeak, long rssPeakKib,
      long bytes, long rows, long coldMillis, String warmMillis) {}

  private final int runs;
  private final String heap;
  private final Optional<Path> keep;
  private final int warm;
  private final Optional<Path> data;

  public ReportBench(int runs, String heap, Optional<Path> keep) {
    this(runs, heap, keep, 0, Optional.empty());
  }

  /**
   * @param warm 0: every phase once in a fresh JVM; N: only the year report, one warm-up then N timed
   *     repetitions in the same JVM (a long-running daemon), the median reported
   * @param data a data directory to reuse (generated there when it has no database yet)
   */
  public ReportBench(int runs, String heap, Optional<Path> keep, int warm, Optional<Path> data) {
    if (runs < 1 || runs > 2_000_000) {
      throw new IllegalArgumentException("runs out of range 1..2000000: " + runs);
    }
    if (warm < 0) {
      throw new IllegalArgumentException("warm repetitions below 0: " + warm);
    }
    this.runs = runs;
    this.heap = heap;
    this.keep = keep;
    this.warm = warm;
    this.data = data;
  }

  /** The bench station: twenty hamlets, Vietnamese names. */
  public static ReportStation station() {
    List<ReportStation.Hamlet> hamlets = new ArrayList<>();
    for (int i = 1; i <= HAMLETS; i++) {
      hamlets.add(new ReportStation.Hamlet("ap-" + i, "Ấp " + i));
    }
    return new ReportStation("Đài truyền thanh xã Tân Hưng (đo hiệu năng)", HCM, hamlets);
  }

  /** Writes {@code runs} airing runs over {@link #PERIOD} of the bench station into {@code db}; returns how many. */
  public static long generate(Database db, int runs) {
    return SqliteLogImport.recordAll(db, Clock.systemUTC(), new Generator(runs));
  }

  public void run(PrintWriter out) throws Exception {
    Path work = Files.createTempDirectory("loaxa-bench-report");
    try {
      out.printf(Locale.ROOT, "loaxa bench report — %,d airing runs over %s at a %d-hamlet station, %d categories%n",
          runs, PERIOD, HAMLETS, CATEGORIES.length);
      out.flush();
      Path data = this.data.orElse(work.resolve("data"));
      if (Files.exists(data.resolve(Database.FILE))) {
        out.printf(Locale.ROOT, "reusing %s (%.1f MiB)%n", data.resolve(Database.FILE),
            Files.size(data.resolve(Database.FILE)) / 1048576.0);
      } else {
        long t0 = System.nanoTime();
        long written;
        try (Database db = Database.open(data)) {
          written = SqliteLogImport.recordAll(db, Clock.systemUTC(), new Generator(runs));
        }
        out.printf(Locale.ROOT, "generated into %s in %.1f s (%,d rows, %.1f MiB)%n", data.resolve(Database.FILE),
            (System.nanoTime() - t0) / 1e9, written, Files.size(data.resolve(Database.FILE)) / 1048576.0);
      }
      if (warm > 0) {
        out.printf(Locale.ROOT, "the year report only, each format in its own JVM with -Xmx%s: one warm-up, then %d"
            + " timed repetitions in the same JVM (median); cold = the warm-up, the JVM's first report;"
            + "%ntime from the open database to the closed file%n", heap, warm);
      } else {
        out.printf(Locale.ROOT, "each phase in a fresh JVM with -Xmx%s; time from the open database to the closed file,"
            + " cpu = the process's CPU time in it (JIT and GC threads included);"
            + "%nheap = peak heap used, sampled every 10 ms; live = peak heap left after a collection (what the phase"
            + " holds);%nRSS = the process's peak resident set (VmHWM), JVM included%n", heap);
      }
      out.flush();
      List<Figures> figures = new ArrayList<>();
      for (Phase phase : Phase.values()) {
        if (warm == 0 || phase == Phase.REPORT_XLSX || phase == Phase.REPORT_PDF) {
          figures.add(child(phase, data, work.resolve("out")));
        }
      }
      ReportPeriod year = ReportPeriod.parse(PERIOD);
      SqliteFloor floor = new SqliteFloor(data.resolve(Database.FILE), year.start(HCM), year.end(HCM));
      double scan = floor.scan() * 1000;
      double reportScan = floor.reportScan() * 1000;
      out.printf(Locale.ROOT, "floor: the sqlite3 shell scanning the log's 17 columns of the same rows in planned order,"
          + " median of 3: %.0f ms%n", scan);
      out.printf(Locale.ROOT, "       the same rows, only the %d columns the report reads, in planned order, median of 3:"
          + " %.0f ms%n", SqliteFloor.REPORT_COLUMN_COUNT, reportScan);
      if (warm > 0) {
        out.printf(Locale.ROOT, "%-30s %8s %7s %7s %8s %7s %8s  %s%n", "phase", "warm ms", "× scan", "× cols", "cold ms",
            "× scan", "cpu ms", "warm runs ms / cpu: cold; warm (the process's CPU, JIT and GC included)");
        for (Figures f : figures) {
          out.printf(Locale.ROOT, "%-30s %8d %7.2f %7.2f %8d %7.2f %8d  %s%n", f.phase.label, f.millis, f.millis / scan,
              f.millis / reportScan, f.coldMillis, f.coldMillis / scan, f.cpuMillis, f.warmMillis);
        }
        for (Figures f : figures) {
          out.printf(Locale.ROOT, "%s, warm: %.2f s (target ≤ 3 s: %s), %.2f× the sqlite3 scan (target ≤ 3×: %s);"
              + " cold %.2f s, %.2f×%n", f.phase.label, f.millis / 1000.0, f.millis <= 3000 ? "met" : "NOT met",
              f.millis / scan, f.millis <= 3 * scan ? "met" : "NOT met", f.coldMillis / 1000.0, f.coldMillis / scan);
        }
        out.flush();
        keep(work, out);
        return;
      }
      double baseline = figures.stream().filter(f -> f.phase == Phase.CSV).findFirst().orElseThrow().millis;
      double cpuBaseline = figures.stream().filter(f -> f.phase == Phase.CSV).findFirst().orElseThrow().cpuMillis;
      out.printf(Locale.ROOT, "%-30s %8s %7s %6s %8s %6s %8s %8s %8s %8s %7s%n", "phase", "time ms", "× scan", "× csv",
          "cpu ms", "× csv", "heap MiB", "live MiB", "RSS MiB", "file MiB", "rows");
      for (Figures f : figures) {
        out.printf(Locale.ROOT, "%-30s %8d %7.2f %6.2f %8d %6.2f %8.1f %8.1f %8.1f %8.2f %7d%n", f.phase.label, f.millis,
            f.millis / scan, f.millis / baseline, f.cpuMillis, f.cpuMillis / cpuBaseline, f.heapPeak / 1048576.0,
            f.liveHeapPeak / 1048576.0, f.rssPeakKib / 1024.0, f.bytes / 1048576.0, f.rows);
      }
      for (Figures f : figures) {
        if (f.phase == Phase.REPORT_XLSX || f.phase == Phase.REPORT_PDF) {
          out.printf(Locale.ROOT, "%s: %.2f s (target ≤ 3 s: %s), %.1f× the sqlite3 scan (target ≤ 3×: %s)%n",
              f.phase.label, f.millis / 1000.0, f.millis <= 3000 ? "met" : "NOT met", f.millis / scan,
              f.millis <= 3 * scan ? "met" : "NOT met");
        }
      }
      out.flush();
      keep(work, out);
    } finally {
      delete(work);
    }
  }

  private void keep(Path work, PrintWriter out) throws IOException {
    if (keep.isPresent()) {
      Files.createDirectories(keep.get());
      try (Stream<Path> files = Files.list(work.resolve("out"))) {
        for (Path f : files.toList()) {
          Files.copy(f, keep.get().resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      out.println("files kept in " + keep.get());
    }
  }

  private Figures child(Phase phase, Path data, Path outDir) throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    Path file = outDir.resolve(phase.name().toLowerCase(Locale.ROOT).replace('_', '-') + "."
        + (phase.extension == null ? "txt" : phase.extension));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    String extra = System.getenv("LOAXA_BENCH_CHILD_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ReportBench.class.getName(), phase.name(), data.toString(), file.toString(), Integer.toString(warm)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || result == null) {
      throw new IOException("bench phase " + phase + " failed (exit " + exit + ")");
    }
    String[] f = result.split(" ");
    return new Figures(phase, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
        Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), f[9]);
  }

  /**
   * A child phase: {@code PHASE DATA_DIR OUT_FILE [WARM]}; prints one RESULT line. With WARM above 0
   * the phase runs once to warm up, then WARM more times on the same open database, and the time is
   * their median.
   */
  public static void main(String[] args) throws Exception {
    Phase phase = Phase.valueOf(args[0]);
    Path data = Path.of(args[1]);
    Path file = Path.of(args[2]);
    int warm = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong heapPeak = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "heap-sampler");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0, 10, TimeUnit.MILLISECONDS);
    AtomicLong liveHeapPeak = new AtomicLong();
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
              .getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed()).sum();
          liveHeapPeak.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    ReportStation station = station();
    Clock clock = Clock.systemUTC();
    long rows = 0;
    long cold = 0;
    long cpuMillis = 0;
    long[] timed = new long[warm];
    long[] timedCpu = new long[warm];
    long coldCpu = 0;
    try (Database db = Database.open(data)) {
      // the measurement starts with the database open and migrated, as in the running daemon
      heapPeak.set(0);
      liveHeapPeak.set(0);
      for (int i = 0; i <= warm; i++) {
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        rows = once(phase, db, file, station, clock);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        cpuMillis = (processCpuNanos() - cpu0) / 1_000_000;
        if (i == 0) {
          cold = millis;
          coldCpu = cpuMillis;
        } else {
          timed[i - 1] = millis;
          timedCpu[i - 1] = cpuMillis;
        }
      }
    }
    long millis = cold;
    String runs = "-";
    if (warm > 0) {
      millis = median(timed);
      cpuMillis = median(timedCpu);
      runs = java.util.Arrays.stream(timed).mapToObj(Long::toString).collect(Collectors.joining(","))
          + "/cpu:" + coldCpu + ";" + java.util.Arrays.stream(timedCpu).mapToObj(Long::toString)
              .collect(Collectors.joining(","));
    }
    heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    sampler.shutdownNow();
    System.out.println("RESULT " + millis + " " + cpuMillis + " " + heapPeak.get() + " " + liveHeapPeak.get() + " " + peakRssKib() + " "
        + Files.size(file) + " " + rows + " " + cold + " " + runs);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** One run of the phase on the open database, to the closed file; returns the rows (or runs) it covered. */
  private static long once(Phase phase, Database db, Path file, ReportStation station, Clock clock) throws IOException {
    SqliteAiringLog log = new SqliteAiringLog(db, clock);
    ReportPeriod period = ReportPeriod.parse(PERIOD);
    Instant now = clock.instant();
    AiringLogExport.Request request = new AiringLogExport.Request(station, period, Language.VI, now);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return switch (phase) {
        case READ -> {
          long[] n = {0};
          log.forEachRun(period.start(HCM), period.end(HCM), r -> n[0]++);
          yield n[0];
        }
        case CSV -> new CsvAiringLogExport(HCM, Language.VI).write(log, request, out);
        case XLSX -> new XlsxAiringLogExport().write(log, request, out);
        case PDF -> new PdfAiringLogExport(PdfFonts.load()).write(log, request, out);
        case REPORT_XLSX, REPORT_PDF -> {
          PeriodReport report = PeriodTally.of(log, station, period, PeakWindows.DEFAULT, Language.VI, clock);
          if (phase == Phase.REPORT_XLSX) {
            new XlsxPeriodReport().write(report, out);
          } else {
            new PdfPeriodReport(PdfFonts.load()).write(report, out);
          }
          yield report.totals().runs();
        }
      };
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long peakRssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /**
   * A year of a busy station, made lazily run by run: items every couple of minutes from 04:30
   * to 21:30, mostly to every hamlet, with the usual share of partial, missed and failed runs.
   */
  private static final class Generator implements Iterator<FinishedRun> {
    private static final int DAY_START = LocalTime.of(4, 30).toSecondOfDay();
    private static final int DAY_LENGTH = 17 * 3600;
    private final int total;
    private final int perDay;
    private final Random random = new Random(2024);
    private final int weightSum;
    private int made;

    Generator(int total) {
      this.total = total;
      this.perDay = (int) Math.ceil(total / 366.0);
      int sum = 0;
      for (String[] c : CATEGORIES) {
        sum += Integer.parseInt(c[1]);
      }
      this.weightSum = sum;
    }

    @Override
    public boolean hasNext() {
      return made < total;
    }

    @Override
    public FinishedRun next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int day = made / perDay;
      int slot = made % perDay;
      made++;
      Instant planned = FIRST.plusDays(day).atStartOfDay(HCM).toInstant()
          .plusSeconds(DAY_START + (long) slot * DAY_LENGTH / perDay);
      String[] category = category();
      int episode = 1 + random.nextInt(30);
      String title = category[2] + " " + episode;
      List<String> requested = new ArrayList<>();
      if (random.nextInt(100) < 85) {
        for (int h = 1; h <= HAMLETS; h++) {
          requested.add("ap-" + h);
        }
      } else {
        int n = 1 + random.nextInt(5);
        while (requested.size() < n) {
          String k = "ap-" + (1 + random.nextInt(HAMLETS));
          if (!requested.contains(k)) {
            requested.add(k);
          }
        }
        requested.sort(Comparator.comparingInt(k -> Integer.parseInt(k.substring(3))));
      }
      RunStart start = new RunStart(new io.loaxa.schedules.PlannedAiringKey("bench@" + made), category[0] + "-" + episode, title, category[0], "NORMAL",
          Trigger.SCHEDULED, planned, requested, "speech: " + title);
      int length = 45 + random.nextInt(50);
      Instant started = planned.plusMillis(random.nextInt(400));
      int roll = random.nextInt(1000);
      RunEnd end;
      if (roll < 950 || (roll < 970 && requested.size() < 2)) {
        end = new RunEnd(Optional.of(started), started.plusSeconds(length), requested, List.of(), List.of(),
            Outcome.COMPLETED, "");
      } else if (roll < 970) {
        String failed = requested.get(random.nextInt(requested.size()));
        List<String> ok = new ArrayList<>(requested);
        ok.remove(failed);
        end = new RunEnd(Optional.of(started), started.plusSeconds(length), ok, List.of(), List.of(failed),
            Outcome.PARTIAL, "zones failed: {" + failed + "=board tu-chinh: no reply}");
      } else if (roll < 980) {
        end = new RunEnd(Optional.empty(), planned.plusSeconds(1), List.of(), List.of(), List.of(), Outcome.MISSED,
            "the station was down past the late tolerance (PT0S)");
      } else if (roll < 990) {
        end = new RunEnd(Optional.empty(), planned.plusSeconds(1), List.of(), List.of(), List.of(), Outcome.FAILED,
            "amplifier: board tu-chinh did not answer");
      } else if (roll < 995) {
        end = new RunEnd(Optional.of(started), started.plusSeconds(length / 3), requested, List.of(), List.of(),
            Outcome.PREEMPTED, "pre-empted by an emergency bulletin");
      } else {
        end = new RunEnd(Optional.empty(), planned.minusSeconds(60), List.of(), List.of(), List.of(), Outcome.SKIPPED,
            "cancelled by the operator");
      }
      return new FinishedRun(start, end);
    }

    private String[] category() {
      int r = random.nextInt(weightSum);
      for (String[] c : CATEGORIES) {
        r -= Integer.parseInt(c[1]);
        if (r < 0) {
          return c;
        }
      }
      return CATEGORIES[0];
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
