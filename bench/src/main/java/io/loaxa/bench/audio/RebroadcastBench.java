package io.loaxa.bench.audio;

import io.loaxa.testkit.LiveMp3Server;
import io.loaxa.testkit.HeardGaps;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.audio.stream.HttpRebroadcast;
import io.loaxa.audio.stream.HttpRebroadcasts;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a long rebroadcast costs: a 128 kbps stereo MP3 relayed from a stand-in Icecast server on
 * 127.0.0.1 ({@link LiveMp3Server}, in this process) to the sound card for the given length, with
 * both cores kept busy by two spinning processes. Reports this process's CPU (share of one core),
 * its resident memory, the underruns and dropouts the airing itself reported, what the
 * {@code sound-writer} thread allocated, and, as the ground truth, the gaps heard: stretches of
 * digital silence of 10 ms or more in a recording of the sink's monitor ({@code parec}, which is
 * also the listener a PulseAudio null sink needs to run as a sound card does). The MP3 is made
 * with sox and lame.
 */
public final class RebroadcastBench {
  private final Duration length;
  private final String output;
  private final boolean busy;
  private final Clock clock = Clock.systemUTC();

  public RebroadcastBench(Duration length, String output, boolean busy) {
    this.length = length;
    this.output = output;
    this.busy = busy;
  }

  public static void main(String[] args) throws Exception {
    Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 10);
    new RebroadcastBench(length, JavaSoundOutput.DEFAULT, true).run(new PrintWriter(System.out, true));
  }

  public void run(PrintWriter out) throws IOException, InterruptedException, AudioException {
    out.println("rebroadcast cost — " + length.toMinutes() + " min of a 128 kbps stereo MP3 from a local stream"
        + (busy ? ", both cores busy" : ", idle"));
    out.flush();
    byte[] mp3 = makeMp3();
    List<Process> spinners = new ArrayList<>();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-sampler");
      t.setDaemon(true);
      return t;
    });
    List<Long> rss = new ArrayList<>();
    Playback playback;
    long cpuBefore;
    long cpuAfter;
    Instant started;
    Instant ended;
    // a listener on the sink, as the amplifier is on a real card: without one a PulseAudio null sink
    // drops into a 2 s power-saving cycle no sound card has, and its positions jump; what it hears
    // is kept to count the gaps
    Path recording = Files.createTempFile("loaxa-bench-monitor", ".raw");
    Process listener = new ProcessBuilder("parec", "--device=@DEFAULT_MONITOR@", "--latency-msec=20", "--raw",
        "--format=s16le", "--rate=44100", "--channels=1")
        .redirectOutput(recording.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long[] writerBytes = {-1, -1};
    HeardGaps heard;
    try (LiveMp3Server server = new LiveMp3Server(mp3, 128)) {
      if (busy) {
        for (int i = 0; i < 2; i++) {
          spinners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
      }
      HttpRebroadcasts relays = new HttpRebroadcasts(new JavaSoundDecoder(), PcmFormat.STATION,
          HttpRebroadcast.Settings.DEFAULT);
      try (PcmSource relay = relays.connect(server.url(), length);
          SoundOutput.OpenLine line = new JavaSoundOutput(output, clock).open(PcmFormat.STATION)) {
        sampler.scheduleAtFixedRate(() -> {
          rss.add(rssKib());
          writerAllocated(writerBytes);
        }, 5, 5, TimeUnit.SECONDS);
        // as the airing runner does: connected at the pre-roll, the line handed the planned second
        // 0.7 s ahead of it, after the amplifier's 2 s warm-up
        Thread.sleep(1300);
        cpuBefore = cpuNanos();
        started = clock.instant();
        playback = line.play(relay, new StopToken(), Cue.at(started.plusMillis(700)));
        ended = clock.instant();
        cpuAfter = cpuNanos();
      }
    } finally {
      sampler.shutdownNow();
      spinners.forEach(Process::destroyForcibly);
      listener.destroy();
      try {
        listener.waitFor(5, TimeUnit.SECONDS);
        heard = HeardGaps.count(recording, 44_100, 441);
      } finally {
        Files.deleteIfExists(recording);
      }
    }
    double wallSeconds = Duration.between(started, ended).toNanos() / 1e9;
    double cpuPercent = 100.0 * (cpuAfter - cpuBefore) / 1e9 / wallSeconds;
    long maxRss = rss.stream().mapToLong(Long::longValue).max().orElse(rssKib());
    double meanRss = rss.stream().mapToLong(Long::longValue).average().orElse(maxRss);
    out.printf(Locale.ROOT, "%-40s %10s%n", "figure", "value");
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "aired (s)", playback.framesPlayed() / 44_100.0);
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "CPU, share of one core (%)", cpuPercent);
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "RSS max (MiB)", maxRss / 1024.0);
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "RSS mean (MiB)", meanRss / 1024.0);
    out.printf(Locale.ROOT, "%-40s %10d%n", "underruns (reported by the airing)", playback.underruns());
    out.printf(Locale.ROOT, "%-40s %10d%n", "dropouts (stream lost, reported)", playback.dropouts().size());
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "heard on the monitor (s)", heard.heardSeconds());
    out.printf(Locale.ROOT, "%-40s %10d%n", "gaps heard (>= 10 ms of silence)", heard.gaps().size());
    out.printf(Locale.ROOT, "%-40s %10.1f%n", "longest gap heard (ms)", heard.longestMillis());
    out.printf(Locale.ROOT, "%-40s %10s%n", "sound-writer allocated while airing (B)",
        writerBytes[0] < 0 ? "n/a" : Long.toString(writerBytes[1] - writerBytes[0]));
    if (!heard.gaps().isEmpty()) {
      out.println("gaps heard (s into the recording, ms): " + heard.gaps());
    }
    out.flush();
  }

  /** What the {@code sound-writer} thread has allocated: the first sighting, then the latest. */
  private static void writerAllocated(long[] bytes) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("sound-writer")) {
        long allocated = threads.getThreadAllocatedBytes(t.getId());
        if (bytes[0] < 0) {
          bytes[0] = allocated;
        }
        bytes[1] = allocated;
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long rssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** One minute of a chord with a slow tremolo, as programme-like as a synthesised sound gets. */
  private static byte[] makeMp3() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("loaxa-bench-relay");
    Path wav = dir.resolve("relay.wav");
    Path mp3 = dir.resolve("relay.mp3");
    run(List.of("sox", "-n", "-r", "44100", "-c", "2", "-b", "16", wav.toString(), "synth", "60", "sine", "220",
        "sine", "330", "tremolo", "3", "40", "vol", "0.4"));
    run(List.of("lame", "--quiet", "-b", "128", wav.toString(), mp3.toString()));
    byte[] bytes = Files.readAllBytes(mp3);
    Files.delete(wav);
    Files.delete(mp3);
    Files.delete(dir);
    return bytes;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(command.get(0) + " failed (is it installed?): " + output);
    }
  }
}
