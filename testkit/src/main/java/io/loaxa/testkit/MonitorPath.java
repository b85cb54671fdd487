package io.loaxa.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The wire from the amplifier's output to the station's monitor input, on the test PulseAudio
 * daemon: {@link #wired()} loads a loopback from {@code speakers.monitor} into {@code linein}, so the
 * default source ({@code linein.monitor}) hears what the station plays; without it the monitor
 * hears silence (dead air), and {@link #inject} plays a foreign file straight into {@code linein}.
 */
public final class MonitorPath implements AutoCloseable {
  private final PulseAudioSink sink;
  private final String module;
  private final List<Process> injected = new ArrayList<>();

  private MonitorPath(PulseAudioSink sink, String module) {
    this.sink = sink;
    this.module = module;
  }

  /** The monitor input unwired: it hears only what is injected. */
  public static MonitorPath open() throws IOException, InterruptedException {
    return new MonitorPath(PulseAudioSink.ensureRunning(), "");
  }

  /** The monitor input wired to the speakers through a loopback with 50 ms latency. */
  public static MonitorPath wired() throws IOException, InterruptedException {
    PulseAudioSink sink = PulseAudioSink.ensureRunning();
    Process p = new ProcessBuilder("pactl", "--server", sink.server(), "load-module", "module-loopback",
        "source=speakers.monitor", "sink=linein", "latency_msec=50").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("pactl load-module module-loopback failed: " + out);
    }
    return new MonitorPath(sink, out);
  }

  /** Plays {@code file} into {@code linein}, as a foreign signal on the lines; stopped by {@link #close()}. */
  public Process inject(Path file) throws IOException {
    Process p = new ProcessBuilder("paplay", "--server", sink.server(), "--device=linein", file.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    injected.add(p);
    return p;
  }

  /**
   * A WAV file of a 440 Hz (or {@code hz}) tone whose level changes every 250 ms (a syllable) at random between
   * -35 and -10 dBFS, as speech's envelope does; the same seed gives the same envelope.
   */
  public static Path envelopeTone(Path dir, String name, double hz, double seconds, long seed) throws IOException {
    int rate = PulseAudioSink.RATE;
    int frames = (int) (seconds * rate);
    ByteBuffer data = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    data.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 4).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    data.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
        .putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16);
    data.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 4);
    float[] samples = envelope(rate, 2, hz, seconds, seed);
    for (float v : samples) {
      data.putShort((short) Math.round(v * 32767));
    }
    Path file = dir.resolve(name);
    Files.write(file, data.array());
    return file;
  }

  /** The samples of {@link #envelopeTone}, interleaved for {@code channels}. */
  public static float[] envelope(int rate, int channels, double hz, double seconds, long seed) {
    Random random = new Random(seed);
    int frames = (int) (seconds * rate);
    int blockFrames = rate / 4;
    float[] out = new float[frames * channels];
    double amplitude = 0;
    for (int f = 0; f < frames; f++) {
      if (f % blockFrames == 0) {
        double dbfs = -35 + 25 * random.nextDouble();
        amplitude = Math.sqrt(2) * Math.pow(10, dbfs / 20);
      }
      float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * f / rate));
      for (int c = 0; c < channels; c++) {
        out[f * channels + c] = v;
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Process p : injected) {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    if (!module.isEmpty()) {
      new ProcessBuilder("pactl", "--server", sink.server(), "unload-module", module)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
