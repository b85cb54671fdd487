package io.loaxa.bench.station;

import io.loaxa.testkit.MonitorTap;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Emergency pre-emption latency as the listener hears it: from the moment an emergency is asked
 * for while a normal programme airs, to the first sample of the emergency on the sink's monitor.
 * loaxa (the runner cuts the programme with its fade, switches to the emergency's zones and airs
 * it, the amplifier kept warm) against the do-it-yourself baseline measured the same way in the
 * same run: kill the {@code paplay} playing the programme and start {@code paplay} on the
 * emergency. Idle, then with both cores kept busy.
 */
public final class PreemptionBench {
  private static final int RATE = 44_100;
  private static final double NORMAL_HZ = 440;
  private static final double EMERGENCY_HZ = 1000;
  private final int trials;
  private final String monitor;
  private final Clock clock = Clock.systemUTC();
  private final Random random = new Random(39);

  public PreemptionBench(int trials, String monitor) {
    if (trials < 1 || trials > 200) {
      throw new IllegalArgumentException("trials out of range 1..200: " + trials);
    }
    this.trials = trials;
    this.monitor = monitor;
  }

  public void run(PrintWriter out) throws Exception {
    out.println("emergency pre-emption latency as heard — " + trials + " pre-emptions each of loaxa and the baseline"
        + " (kill paplay, start paplay on the emergency), monitor " + monitor);
    out.flush();
    Path dir = Files.createTempDirectory("loaxa-bench-preempt");
    Path normal = dir.resolve("chuong-trinh.wav");
    Path emergency = dir.resolve("khan-cap.wav");
    Files.write(normal, wav(NORMAL_HZ, 20, 0.3));
    Files.write(emergency, wav(EMERGENCY_HZ, 1.5, 0.5));
    out.printf(Locale.ROOT, "%-18s %-9s %9s %9s %9s %7s%n", "condition", "method", "median", "max", "min", "missed");
    double[] ratios = new double[2];
    for (boolean busy : new boolean[] {false, true}) {
      List<Process> spinners = new ArrayList<>();
      try (MonitorTap tap = MonitorTap.start(monitor, clock)) {
        if (busy) {
          for (int i = 0; i < 2; i++) {
            spinners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
          }
        }
        sleep(Duration.ofMillis(2500)); // an idle null sink settles before it records
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        try (Station station = Station.assemble(StationConfig.demoStation(), dir.resolve(busy ? "data-busy" : "data-idle"))) {
          for (int i = 0; i < trials; i++) {
            ours.add(ours(station, tap, normal, emergency, i));
            baseline.add(baseline(tap, normal, emergency));
          }
        }
        String condition = busy ? "both cores busy" : "idle";
        print(out, condition, "loaxa", ours);
        print(out, condition, "baseline", baseline);
        ratios[busy ? 1 : 0] = median(ours) / median(baseline);
      } finally {
        spinners.forEach(Process::destroyForcibly);
      }
    }
    out.printf(Locale.ROOT, "median latency loaxa / baseline: idle %.2f, busy %.2f%n", ratios[0], ratios[1]);
    out.println("latency = first emergency sample heard on the monitor − the moment it was asked for, in ms");
    out.flush();
  }

  private double ours(Station station, MonitorTap tap, Path normal, Path emergency, int i) throws Exception {
    Programme programme = new Programme(new ProgrammeKey("bench-normal"), "Chương trình", Category.DEMO, Priority.NORMAL,
        List.of(new Segment.File(normal.toString())), Duration.ofSeconds(30), Optional.empty())
        .withAfterPreemption(AfterPreemption.DROP);
    Programme urgent = new Programme(new ProgrammeKey("bench-khan"), "Khẩn cấp", Category.DEMO, Priority.EMERGENCY,
        List.of(new Segment.File(emergency.toString())), Duration.ofSeconds(30), Optional.empty());
    station.programmes().put(programme);
    station.programmes().put(urgent);
    Instant at = clock.instant().plus(station.runner().preRoll()).plusMillis(300);
    PlannedAiring airing = plan(station, programme, at, "all", "bench-normal-" + i);
    Thread normalThread = airingThread(station, airing);
    sleep(Duration.between(clock.instant(), at.plusMillis(1500 + random.nextInt(1000))));
    Instant asked = clock.instant();
    PlannedAiring khan = plan(station, urgent, asked, "ap-1,ap-2", "bench-khan-" + i);
    Thread khanThread = airingThread(station, khan);
    normalThread.join(60_000);
    khanThread.join(60_000);
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(at.minusSeconds(60), at.plusSeconds(120), runs::add);
    boolean preempted = runs.stream().anyMatch(r -> r.plannedKey().equals(airing.key())
        && r.outcome().equals(Optional.of(Outcome.PREEMPTED)));
    if (!preempted) {
      throw new IllegalStateException("the normal airing was not pre-empted: " + runs);
    }
    return heard(tap, asked);
  }

  private double baseline(MonitorTap tap, Path normal, Path emergency) throws Exception {
    Process playing = new ProcessBuilder("paplay", normal.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    sleep(Duration.ofMillis(1500 + random.nextInt(1000)));
    Instant asked = clock.instant();
    playing.destroy();
    Process khan = new ProcessBuilder("paplay", emergency.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    khan.waitFor();
    playing.waitFor();
    return heard(tap, asked);
  }

  private static Thread airingThread(Station station, PlannedAiring airing) {
    Thread t = new Thread(() -> {
      try {
        station.runner().runWhenDue(airing.key(), Trigger.MANUAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-" + airing.key());
    t.start();
    return t;
  }

  private static PlannedAiring plan(Station station, Programme p, Instant at, String zones, String rule) {
    PlannedAiring airing = new PlannedAiring(PlannedAiringKey.of(rule, LocalDateTime.ofInstant(at, station.config().timeZone())),
        p.key(), at, ZoneSelection.parse(zones), p.priority());
    station.planned().add(airing);
    return airing;
  }

  /** Milliseconds from {@code asked} to the first 10 ms block after it where the emergency's tone dominates. */
  private double heard(MonitorTap tap, Instant asked) throws IOException, InterruptedException {
    Instant until = asked.plusSeconds(3);
    if (!tap.awaitHeard(until, Duration.ofSeconds(10))) {
      throw new IOException("the monitor " + monitor + " stopped recording", tap.failure());
    }
    int from = tap.indexAt(asked);
    int to = tap.indexAt(until);
    float[] s = tap.samples(from, to);
    int block = RATE / 100;
    for (int start = 0; start + block <= s.length; start += RATE / 1000) {
      double e = amplitude(s, start, block, EMERGENCY_HZ);
      if (e > 0.05 && e > 2 * amplitude(s, start, block, NORMAL_HZ)) {
        int onset = start;
        while (onset > 0 && Math.abs(s[onset - 1]) > 0.01 && start - onset < block) {
          onset--;
        }
        return Duration.between(asked, tap.heardAt(from + onset)).toNanos() / 1e6;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double amplitude(float[] s, int from, int n, double hz) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * hz * i / RATE;
      re += s[from + i] * Math.cos(a);
      im += s[from + i] * Math.sin(a);
    }
    return 2 * Math.hypot(re, im) / n;
  }

  private static void print(PrintWriter out, String condition, String method, List<Double> ms) {
    List<Double> heard = ms.stream().filter(Double::isFinite).sorted().toList();
    out.printf(Locale.ROOT, "%-18s %-9s %9.1f %9.1f %9.1f %7d%n", condition, method, median(ms),
        heard.isEmpty() ? Double.NaN : heard.get(heard.size() - 1), heard.isEmpty() ? Double.NaN : heard.get(0),
        ms.size() - heard.size());
    out.flush();
  }

  private static double median(List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  /** A cosine tone, stereo 16-bit at 44.1 kHz, starting at its peak so its onset is sharp. */
  private static byte[] wav(double hz, double seconds, double amplitude) {
    int frames = (int) (seconds * RATE);
    ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      short v = (short) Math.round(amplitude * 32767 * Math.cos(2 * Math.PI * hz * i / RATE));
      pcm.putShort(v).putShort(v);
    }
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4).putShort((short) 4).putShort((short) 16)
        .put("data".getBytes()).putInt(frames * 4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.array());
    out.writeBytes(pcm.array());
    return out.toByteArray();
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis()); // the bench runs on the wall clock by design
    }
  }
}
