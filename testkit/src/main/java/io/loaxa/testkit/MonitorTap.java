package io.loaxa.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Listens to what a PulseAudio sink really plays by recording its monitor with {@code parec}, and
 * tells when each recorded sample was heard. Sample {@code i} was captured at {@code t0 + i/rate};
 * every block that arrives at {@code t} with {@code n} samples so far bounds {@code t0 <= t - n/rate},
 * and the tightest bound over the recording is taken as {@code t0}.
 */
public final class MonitorTap implements AutoCloseable {
  public static final int RATE = 44_100;
  private final Process process;
  private final Clock clock;
  private final Thread reader;
  private final Instant base;
  private volatile float[] samples = new float[RATE * 10];
  private volatile int count;
  private volatile double t0Seconds = Double.POSITIVE_INFINITY;
  private volatile IOException failure;

  private MonitorTap(Process process, Clock clock) {
    this.process = process;
    this.clock = clock;
    this.base = clock.instant();
    this.reader = new Thread(this::readLoop, "monitor-tap");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts recording {@code source} (e.g. {@code speakers.monitor}) as mono 16-bit at {@link #RATE}. */
  public static MonitorTap start(String source, Clock clock) throws IOException {
    Process p = new ProcessBuilder(List.of("parec", "--device=" + source, "--raw", "--format=s16le",
        "--rate=" + RATE, "--channels=1", "--latency-msec=10"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new MonitorTap(p, clock);
  }

  private void readLoop() {
    byte[] buffer = new byte[4096];
    int odd = -1;
    try (InputStream in = process.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        double now = Duration.between(base, clock.instant()).toNanos() / 1e9;
        int i = 0;
        synchronized (this) {
          if (odd >= 0) {
            append((short) ((odd & 0xFF) | (buffer[0] << 8)));
            i = 1;
            odd = -1;
          }
          for (; i + 1 < n; i += 2) {
            append((short) ((buffer[i] & 0xFF) | (buffer[i + 1] << 8)));
          }
          if (i < n) {
            odd = buffer[i] & 0xFF;
          }
          t0Seconds = Math.min(t0Seconds, now - count / (double) RATE);
          notifyAll();
        }
      }
    } catch (IOException e) {
      failure = e;
    }
  }

  private void append(short value) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = value / 32768f;
  }

  /** Samples recorded so far. */
  public synchronized int count() {
    return count;
  }

  /**
   * Waits until the sound heard up to {@code instant} has been recorded, or {@code timeout} passed.
   *
   * @return whether it was
   */
  public synchronized boolean awaitHeard(Instant instant, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count == 0 || count < indexAt(instant)) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.isAlive() && count < indexAt(instant)) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** When sample {@code index} was heard. */
  public synchronized Instant heardAt(long index) {
    return base.plusNanos(Math.round((t0Seconds + index / (double) RATE) * 1e9));
  }

  /** The first sample at or after {@code from} louder than {@code threshold}, or -1. */
  public synchronized int firstAbove(int from, double threshold) {
    for (int i = Math.max(0, from); i < count; i++) {
      if (Math.abs(samples[i]) > threshold) {
        return i;
      }
    }
    return -1;
  }

  /** The index recorded at {@code instant} (may be beyond what has arrived). */
  public synchronized int indexAt(Instant instant) {
    double seconds = Duration.between(base, instant).toNanos() / 1e9 - t0Seconds;
    return (int) Math.round(seconds * RATE);
  }

  /** A copy of samples {@code [from, to)}. */
  public synchronized float[] samples(int from, int to) {
    return Arrays.copyOfRange(samples, Math.max(0, from), Math.min(to, count));
  }

  /** The recording failed (parec missing or killed). */
  public IOException failure() {
    return failure;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
