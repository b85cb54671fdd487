package io.loaxa.bench.audio;

import io.loaxa.testkit.MonitorTap;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.javasound.JavaSoundOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Start error of an airing as the listener hears it: when the first sample reaches the sink's
 * monitor minus the planned second. Our cued playback (line opened 1.2 s ahead, play handed the
 * planned instant 1 s ahead) against the do-it-yourself baseline, a process that sleeps until the
 * planned second and then starts {@code paplay} on the same sound, taken in turns in the same run,
 * on an idle machine and with both cores kept busy by two spinning processes.
 */
public final class StartAccuracyBench {
  private static final Duration BEEP = Duration.ofMillis(300);
  private static final double THRESHOLD = 0.1;
  private final int airings;
  private final String monitor;
  private final String output;
  private final Clock clock = Clock.systemUTC();

  /**
   * @param airings airings per method and condition
   * @param monitor the PulseAudio source that hears the output ({@code @DEFAULT_MONITOR@})
   * @param output the Java Sound output to play through ({@code default})
   */
  public StartAccuracyBench(int airings, String monitor, String output) {
    if (airings < 1 || airings > 500) {
      throw new IllegalArgumentException("airings out of range 1..500: " + airings);
    }
    this.airings = airings;
    this.monitor = monitor;
    this.output = output;
  }

  /** Start errors in milliseconds, and underruns our side reported. */
  /** @param notes what was found about airings heard late or not at all */
  private static final double LATE_NOTE_MS = 100;

  public record Errors(List<Double> ours, List<Double> baseline, long underruns, List<String> notes) {}

  public static void main(String[] args) throws Exception {
    int airings = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    PrintWriter out = new PrintWriter(System.out, true);
    new StartAccuracyBench(airings, "@DEFAULT_MONITOR@", JavaSoundOutput.DEFAULT).run(out);
  }

  public void run(PrintWriter out) throws IOException, InterruptedException, AudioException {
    out.println("start accuracy as heard — " + airings + " airings each of loaxa (cued playback) and the baseline"
        + " (sleep until the second, then paplay), monitor " + monitor);
    out.flush();
    Errors idle = measure(false);
    Errors busy = measure(true);
    out.printf(Locale.ROOT, "%-22s %-9s %9s %9s %9s %9s %7s%n", "condition", "method", "median", "max", "min", "p90",
        "missed");
    print(out, "idle", idle);
    print(out, "both cores busy", busy);
    out.printf(Locale.ROOT, "underruns (loaxa): idle %d, busy %d%n", idle.underruns(), busy.underruns());
    out.printf(Locale.ROOT, "median |error| loaxa / baseline: idle %.2f, busy %.2f%n",
        ratio(idle), ratio(busy));
    out.println("start error = first sample heard on the monitor − planned second, in ms (negative: early)");
    out.println("loaxa idle " + idle.ours() + "\nbaseline idle " + idle.baseline());
    out.println("loaxa busy " + busy.ours() + "\nbaseline busy " + busy.baseline());
    idle.notes().forEach(n -> out.println("idle: " + n));
    busy.notes().forEach(n -> out.println("busy: " + n));
    out.flush();
  }

  private static double ratio(Errors e) {
    return stat(abs(e.ours()), 0.5) / Math.max(0.1, stat(abs(e.baseline()), 0.5));
  }

  private static void print(PrintWriter out, String condition, Errors e) {
    for (String method : List.of("loaxa", "baseline")) {
      List<Double> v = method.equals("loaxa") ? e.ours() : e.baseline();
      out.printf(Locale.ROOT, "%-22s %-9s %9.1f %9.1f %9.1f %9.1f %7d%n", condition, method, stat(v, 0.5),
          stat(v, 1.0), stat(v, 0.0), stat(v, 0.9), missed(v));
    }
  }

  private static List<Double> abs(List<Double> v) {
    return v.stream().map(Math::abs).toList();
  }

  private static long missed(List<Double> values) {
    return values.stream().filter(v -> v.isInfinite()).count();
  }

  private static double stat(List<Double> values, double quantile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.round(quantile * (sorted.size() - 1)));
  }

  /** One condition: the two methods in turns. */
  public Errors measure(boolean busy) throws IOException, InterruptedException, AudioException {
    PcmClip beep = beep();
    Path wav = Files.createTempFile("loaxa-bench-beep", ".wav");
    Files.write(wav, wav(beep));
    List<Process> spinners = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    List<Double> baseline = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long underruns = 0;
    try (MonitorTap tap = MonitorTap.start(monitor, clock)) {
      if (busy) {
        for (int i = 0; i < 2; i++) {
          spinners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
      }
      sleepUntil(clock.instant().plusMillis(2500)); // an idle null sink settles before it records
      JavaSoundOutput sound = new JavaSoundOutput(output, clock);
      for (int i = 0; i < airings; i++) {
        for (boolean oursFirst : new boolean[] {i % 2 == 0, i % 2 != 0}) {
          Instant planned = nextSecond(1500);
          if (oursFirst) {
            sleepUntil(planned.minusMillis(1200));
            Playback playback;
            try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
              sleepUntil(planned.minusMillis(1000));
              playback = line.play(beep, new StopToken(), Cue.at(planned));
            }
            underruns += playback.underruns();
            double error = heardError(tap, planned);
            ours.add(error);
            if (error > LATE_NOTE_MS) {
              notes.add(String.format(Locale.ROOT, "loaxa airing %d %s; the line said its first sample played at %+.1f ms "
                  + "and it ended at %+.1f ms, %d frames played, %d underruns", i, lateness(tap, planned),
                  Duration.between(planned, playback.firstSampleAt()).toNanos() / 1e6,
                  Duration.between(planned, playback.endedAt()).toNanos() / 1e6, playback.framesPlayed(), playback.underruns()));
            }
          } else {
            sleepUntil(planned.minusMillis(1000));
            Process p = baselineProcess(planned, wav);
            p.waitFor();
            double error = heardError(tap, planned);
            baseline.add(error);
            if (error > LATE_NOTE_MS) {
              notes.add("baseline airing " + i + " " + lateness(tap, planned));
            }
          }
        }
      }
    } finally {
      spinners.forEach(Process::destroyForcibly);
      Files.deleteIfExists(wav);
    }
    return new Errors(ours, baseline, underruns, notes);
  }

  /** When an airing heard late or not within the window was heard at all, looking 3 s on. */
  private String lateness(MonitorTap tap, Instant planned) throws IOException, InterruptedException {
    double error = heardBy(tap, planned, planned.plusSeconds(3));
    return Double.isInfinite(error) ? "not heard within 3 s" : String.format(Locale.ROOT, "heard at %+.1f ms", error);
  }

  /** Not heard within 700 ms of the planned second: counted as missed (infinite). */
  private double heardError(MonitorTap tap, Instant planned) throws IOException, InterruptedException {
    return heardBy(tap, planned, planned.plus(BEEP).plusMillis(400));
  }

  /** When the first sample was heard after 500 ms before the planned second, in ms; infinite if not by {@code until}. */
  private double heardBy(MonitorTap tap, Instant planned, Instant until) throws IOException, InterruptedException {
    if (!tap.awaitHeard(until, Duration.ofSeconds(10))) {
      throw new IOException("the monitor " + monitor + " stopped recording", tap.failure());
    }
    int index = tap.firstAbove(tap.indexAt(planned.minusMillis(500)), THRESHOLD);
    if (index < 0 || index > tap.indexAt(until)) {
      return Double.POSITIVE_INFINITY;
    }
    return Duration.between(planned, tap.heardAt(index)).toNanos() / 1e6;
  }

  private Process baselineProcess(Instant planned, Path wav) throws IOException {
    double epoch = planned.getEpochSecond() + planned.getNano() / 1e9;
    String script = "import os,sys,time\n"
        + "d=float(sys.argv[1])-time.time()\n"
        + "time.sleep(d) if d>0 else None\n"
        + "os.execvp('paplay',['paplay',sys.argv[2]])\n";
    return new ProcessBuilder("python3", "-c", script, String.format(Locale.ROOT, "%.6f", epoch), wav.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private Instant nextSecond(long atLeastMillis) {
    return clock.instant().plusMillis(atLeastMillis).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  private void sleepUntil(Instant t) throws InterruptedException {
    long millis = Duration.between(clock.instant(), t).toMillis();
    if (millis > 0) {
      Thread.sleep(millis); // the bench runs on the wall clock by design
    }
  }

  /** A 1 kHz cosine at half scale: its very first sample is loud, so its onset is sharp. */
  static PcmClip beep() {
    return tone(BEEP);
  }

  /** The 1 kHz cosine at half scale for {@code length}: full level from its first sample. */
  public static PcmClip tone(Duration length) {
    PcmFormat f = PcmFormat.STATION;
    int frames = (int) (length.toMillis() * f.sampleRate() / 1000);
    float[] s = new float[frames * 2];
    for (int i = 0; i < frames; i++) {
      float v = (float) (0.5 * Math.cos(2 * Math.PI * 1000 * i / f.sampleRate()));
      s[2 * i] = v;
      s[2 * i + 1] = v;
    }
    return new PcmClip(f, s);
  }

  /** The clip as a 16-bit PCM WAV file's bytes. */
  public static byte[] wav(PcmClip clip) {
    int channels = clip.format().channels();
    int dataBytes = clip.frames() * channels * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) channels).putInt(clip.format().sampleRate())
        .putInt(clip.format().sampleRate() * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    float[] s = clip.samples();
    for (float v : s) {
      b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
    }
    return b.array();
  }
}
