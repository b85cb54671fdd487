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
 * and the tightest bound is taken as {@code t0}. The sound server's clock and the system's differ by
 * some parts in ten thousand (about 0.7 ms in 5 s on the null sink), so one {@code t0} for a whole
 * recording would date its later samples ever further off: each sample is dated by the tightest
 * bound among the blocks within {@link #WINDOW_SECONDS} of it.
 */
public final class MonitorTap implements AutoCloseable {
  public static final int RATE = 44_100;
  private final Process process;
  private final Clock clock;
  private final Thread reader;
  private final Instant base;
  private volatile float[] samples = new float[RATE * 10];
  private volatile int count;
  /** How far from a sample the blocks that date it may be. */
  static final double WINDOW_SECONDS = 5;
  private int[] blockCounts = new int[1024];
  private double[] blockBounds = new double[1024];
  private int blocks;
  private volatile IOException failure;

  private MonitorTap(Process process, Clock clock) {
    this(process, process.getInputStream(), clock);
  }

  /** A tap on {@code in}, raw 16-bit little-endian mono at {@link #RATE}; {@code process} may be null. */
  MonitorTap(Process process, InputStream in, Clock clock) {
    this.process = process;
    this.clock = clock;
    this.base = clock.instant();
    this.reader = new Thread(() -> readLoop(in), "monitor-tap");
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

  private void readLoop(InputStream input) {
    byte[] buffer = new byte[4096];
    int odd = -1;
    try (InputStream in = input) {
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
          if (blocks == blockCounts.length) {
            blockCounts = Arrays.copyOf(blockCounts, blocks * 2);
            blockBounds = Arrays.copyOf(blockBounds, blocks * 2);
          }
          blockCounts[blocks] = count;
          blockBounds[blocks++] = now - count / (double) RATE;
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
      if (left <= 0 || !recording() && count < indexAt(instant)) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** When sample {@code index} was heard. */
  public synchronized Instant heardAt(long index) {
    return base.plusNanos(Math.round((t0Near(index) + index / (double) RATE) * 1e9));
  }

  /**
   * {@code t0} as the blocks within {@link #WINDOW_SECONDS} of sample {@code index} bound it (those
   * nearest the recording's end for a sample not yet recorded); +∞ before the first block.
   */
  private double t0Near(long index) {
    if (blocks == 0) {
      return Double.POSITIVE_INFINITY;
    }
    long window = Math.round(WINDOW_SECONDS * RATE);
    long at = Math.max(0, Math.min(index, blockCounts[blocks - 1]));
    int from = firstBlockAtOrAfter(at - window);
    double t0 = Double.POSITIVE_INFINITY;
    for (int b = from; b < blocks && blockCounts[b] <= at + window; b++) {
      t0 = Math.min(t0, blockBounds[b]);
    }
    return t0 == Double.POSITIVE_INFINITY ? blockBounds[Math.min(from, blocks - 1)] : t0;
  }

  private int firstBlockAtOrAfter(long sample) {
    int lo = 0;
    int hi = blocks;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (blockCounts[mid] < sample) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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
    double since = Duration.between(base, instant).toNanos() / 1e9;
    long index = blocks == 0 ? 0 : blockCounts[blocks - 1];
    for (int i = 0; i < 3; i++) { // the local t0 moves little with the index: a few rounds settle it
      index = Math.round((since - t0Near(index)) * RATE);
    }
    return (int) index;
  }

  /** A copy of samples {@code [from, to)}. */
  public synchronized float[] samples(int from, int to) {
    return Arrays.copyOfRange(samples, Math.max(0, from), Math.min(to, count));
  }

  private boolean recording() {
    return process != null ? process.isAlive() : reader.isAlive();
  }

  /** The recording failed (parec missing or killed). */
  public IOException failure() {
    return failure;
  }

  @Override
  public void close() {
    try {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
