package io.loaxa.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PulseAudio daemon with two null sinks, as a station's sound card without one: {@code speakers}
 * (the default output, whose monitor tests record) and {@code linein} (whose monitor is the default
 * source). Started once per socket directory; the JVM under test reaches it through
 * {@code PULSE_SERVER}, which the build sets to {@link #socket()}.
 */
public final class PulseAudioSink {
  public static final int RATE = 44_100;
  /** An idle null sink runs a ~2 s cycle: recordings start this long before playing and end this long after. */
  public static final long SETTLE_MILLIS = 2_500;

  private static PulseAudioSink running;
  private final Path dir;

  private PulseAudioSink(Path dir) {
    this.dir = dir;
  }

  /** The daemon for this build, started if it is not running yet. Skips (fails under CI) without PulseAudio. */
  public static synchronized PulseAudioSink ensureRunning() throws IOException, InterruptedException {
    Tools.require("pulseaudio", "pactl", "parec");
    if (running != null) {
      if (running.answers() || running.answers()) {
        return running;
      }
      // The daemon went away between tests: say so with its log, and start a fresh one on the same socket.
      System.err.println("PulseAudio stopped answering at " + running.socket() + "; its log ends:\n"
          + running.logTail(40) + "\nstarting it again");
      running.start();
      return running;
    }
    String configured = System.getenv("LOAXA_PULSE_DIR");
    Path dir = Path.of(configured != null ? configured : System.getProperty("java.io.tmpdir") + "/loaxa-pulse");
    PulseAudioSink sink = new PulseAudioSink(dir);
    if (!sink.answers()) {
      sink.start();
    }
    running = sink;
    return sink;
  }

  public String server() {
    return "unix:" + socket();
  }

  public Path socket() {
    return dir.resolve("native");
  }

  private boolean answers() throws IOException, InterruptedException {
    return run(List.of("pactl", "--server", server(), "info"), 5) == 0;
  }

  private void start() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("xdg"));
    Files.createDirectories(dir.resolve("home"));
    Files.deleteIfExists(socket());
    Path config = dir.resolve("station.pa");
    Files.writeString(config, String.join("\n",
        "load-module module-native-protocol-unix auth-anonymous=1 socket=" + socket(),
        "load-module module-null-sink sink_name=speakers rate=" + RATE + " channels=2",
        "load-module module-null-sink sink_name=linein rate=" + RATE + " channels=2",
        "set-default-sink speakers",
        "set-default-source linein.monitor",
        ""));
    ProcessBuilder pb = new ProcessBuilder("pulseaudio", "--daemonize=yes", "--system=false",
        "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no", "-n", "-F", config.toString(),
        // no real-time scheduling: run as root, PulseAudio would take SCHED_RR with an RLIMIT_RTTIME
        // budget, and a loaded virtual machine's stolen time can spend it and get the daemon killed
        "--realtime=no", "--high-priority=no",
        // no shared memory: audio is copied over the socket. With memfd blocks shared, PulseAudio 16
        // can abort on "Assertion 'pa_atomic_load(&b->pool->stat.n_imported) > 0' failed" in
        // memblock_replace_import() when a recording client goes away mid-block; seen in a suite run
        "--disable-shm=yes",
        "--log-target=file:" + dir.resolve("pulseaudio.log"));
    pb.environment().put("XDG_RUNTIME_DIR", dir.resolve("xdg").toString());
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("pulseaudio.out").toFile());
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    for (int i = 0; i < 100; i++) {
      if (answers()) {
        return;
      }
      Thread.sleep(100); // polling a daemon's socket, not waiting for a schedule
    }
    throw new IOException("PulseAudio did not start; see " + dir.resolve("pulseaudio.log"));
  }

  /** The last lines of the daemon's log that are not debug chatter, for a failure message. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(dir.resolve("pulseaudio.log"));
      List<String> kept = all.stream().filter(l -> !l.startsWith("D:")).toList();
      return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private int run(List<String> command, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Starts recording what the station plays (the {@code speakers} monitor), mono 16-bit at {@link #RATE}. */
  public Recording record() throws IOException, InterruptedException {
    Path file = Files.createTempFile("loaxa-monitor-", ".raw");
    Process p = new ProcessBuilder("parec", "--server", server(), "--device=speakers.monitor", "--raw",
        "--format=s16le", "--rate=" + RATE, "--channels=1", "--latency-msec=20")
        .redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long startedNanos = System.nanoTime();
    Thread.sleep(SETTLE_MILLIS);
    return new Recording(p, file, startedNanos);
  }

  /** A running recording of the speakers' monitor. */
  public static final class Recording {
    private final Process process;
    private final Path file;
    private final long startedNanos;

    Recording(Process process, Path file, long startedNanos) {
      this.process = process;
      this.file = file;
      this.startedNanos = startedNanos;
    }

    /** {@link System#nanoTime()} when parec was started. */
    public long startedNanos() {
      return startedNanos;
    }

    /** Waits out the sink's tail, stops, and returns the samples in [-1, 1]. */
    public Signal stop() throws IOException, InterruptedException {
      Thread.sleep(SETTLE_MILLIS);
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      byte[] bytes = Files.readAllBytes(file);
      Files.deleteIfExists(file);
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      float[] samples = new float[bytes.length / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = buffer.getShort() / 32768f;
      }
      return new Signal(samples, RATE);
    }
  }
}
