package io.loaxa.audio.bench;

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
 * its resident memory, underruns and dropouts. The MP3 is made with sox and lame.
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
    // drops into a 2 s power-saving cycle no sound card has, and its positions jump
    Process listener = new ProcessBuilder("parec", "--device=@DEFAULT_MONITOR@", "--latency-msec=20")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        sampler.scheduleAtFixedRate(() -> rss.add(rssKib()), 5, 5, TimeUnit.SECONDS);
        cpuBefore = cpuNanos();
        started = clock.instant();
        playback = line.play(relay, new StopToken(), Cue.at(started.plusSeconds(1)));
        ended = clock.instant();
        cpuAfter = cpuNanos();
      }
    } finally {
      sampler.shutdownNow();
      spinners.forEach(Process::destroyForcibly);
      listener.destroy();
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
    out.printf(Locale.ROOT, "%-40s %10d%n", "underruns", playback.underruns());
    out.printf(Locale.ROOT, "%-40s %10d%n", "dropouts", playback.dropouts().size());
    out.flush();
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
