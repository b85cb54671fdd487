package io.loaxa.bench.station;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.MonitorInput;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A healthy amplifier and monitor tap on simulated time: the station's sound output "plays" by
 * letting its audio's duration pass on the stepped clock (in 100 ms steps, as a device's play head
 * moves), and the monitor input hears what was played, {@link #LAG} later, 6 dB down, over a
 * line's hiss at -70 dBFS. The monitor hears a stretch only when the run allows it
 * ({@link #hearUntil}), so it keeps pace with the clock without the wall clock. Faults for the
 * control runs: {@link #cut} (the tap hears no programme: an amplifier or line gone) and
 * {@link #foreign} (something else on the lines).
 */
final class HealthyTap implements SoundOutput {
  /** The sound server and the tap's own capture buffer: the monitor hears behind the output. */
  static final Duration LAG = Duration.ofMillis(300);
  private static final Duration STEP = Duration.ofMillis(100);
  private static final double GAIN = Math.pow(10, -6 / 20.0);
  private static final double HISS = Math.pow(10, -70 / 20.0);
  private static final int RING_SECONDS = 30;

  private final SteppedClock time;
  private final Random noise = new Random(20261207L);
  private PcmFormat heard;
  private float[] ring;
  private Instant base;
  private long nextRead;
  private long allowed;
  private boolean waiting;
  private boolean closed;
  private volatile boolean cut;
  private int playing;
  private long late;
  private Instant playedUntil = Instant.MIN;

  HealthyTap(SteppedClock time) {
    this.time = time;
  }

  @Override
  public String name() {
    return "healthy-tap";
  }

  /** The tap stops hearing the programme (true) or hears it again. */
  void cut(boolean on) {
    cut = on;
  }

  /** Puts {@code samples} (the monitor's format, mono) on the lines from {@code at}. */
  synchronized void foreign(Instant at, float[] samples) {
    long start = sample(at);
    for (int i = 0; i < samples.length; i++) {
      put(start + i, samples[i]);
    }
  }

  /** Adds one sample to what the lines carry; one the monitor has already heard past is counted, not kept. */
  private void put(long index, double value) {
    if (index < nextRead || index >= nextRead + ring.length) {
      late++;
      return;
    }
    ring[(int) (index % ring.length)] += (float) value;
  }

  /** Samples played after the monitor had already heard past their time: a fault of the rig, never of the station. */
  synchronized long late() {
    return late;
  }

  /** Lets the monitor hear up to {@code until}. */
  synchronized void hearUntil(Instant until) {
    allowed = Math.max(allowed, sample(until));
    notifyAll();
  }

  /**
   * Waits until every play in progress has handed the device its audio past {@code now} (its play
   * head waits for a later time), so the monitor, {@link #LAG} behind, never hears a stretch before
   * it was played, even when the playing thread is woken late on a busy machine.
   */
  synchronized void awaitPlayed(Instant now) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (playing > 0 && !playedUntil.isAfter(now)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the play stopped handing out audio at " + playedUntil);
      }
      wait(100);
    }
  }

  private synchronized void played(int change, Instant until) {
    playing += change;
    playedUntil = until;
    notifyAll();
  }

  /** Waits until the monitor has heard everything allowed and asks for more: the last block is judged. */
  synchronized void awaitHeard() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!closed && !(waiting && nextRead >= allowed)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the monitor stopped listening");
      }
      wait(100);
    }
  }

  private long sample(Instant at) {
    return Duration.between(base, at).toNanos() * heard.sampleRate() / 1_000_000_000L;
  }

  /** The monitor input wired to this tap. */
  MonitorInput input() {
    return this::listen;
  }

  private synchronized PcmSource listen(PcmFormat format) {
    heard = format;
    ring = new float[RING_SECONDS * format.sampleRate() * format.channels()];
    base = time.clock.instant();
    nextRead = 0;
    allowed = 0;
    return new PcmSource() {
      @Override
      public PcmFormat format() {
        return format;
      }

      @Override
      public int read(float[] target, int frames) {
        synchronized (HealthyTap.this) {
          while (!closed && nextRead + frames > allowed) {
            waiting = true;
            HealthyTap.this.notifyAll();
            try {
              HealthyTap.this.wait();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return -1;
            }
          }
          waiting = false;
          if (closed) {
            return -1;
          }
          for (int i = 0; i < frames; i++) {
            int at = (int) ((nextRead + i) % ring.length);
            target[i] = (float) (ring[at] + HISS * noise.nextGaussian());
            ring[at] = 0;
          }
          nextRead += frames;
          return frames;
        }
      }

      @Override
      public void close() {
        synchronized (HealthyTap.this) {
          closed = true;
          HealthyTap.this.notifyAll();
        }
      }
    };
  }

  /** What the amplifier puts on the lines from {@code at}: the played block, mixed to mono and resampled. */
  private synchronized void onTheLines(Instant at, float[] block, int frames, PcmFormat format) {
    if (ring == null || cut) {
      return;
    }
    long start = sample(at.plus(LAG));
    int out = (int) ((long) frames * heard.sampleRate() / format.sampleRate());
    for (int j = 0; j < out; j++) {
      int f = (int) ((long) j * format.sampleRate() / heard.sampleRate());
      double mono = 0;
      for (int c = 0; c < format.channels(); c++) {
        mono += block[f * format.channels() + c];
      }
      put(start + j, GAIN * mono / format.channels());
    }
  }

  @Override
  public OpenLine open(PcmFormat format) {
    return new OpenLine() {
      @Override
      public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
        cue.startAt().ifPresent(at -> {
          Duration wait = Duration.between(time.clock.instant(), at);
          if (!wait.isNegative() && !wait.isZero()) {
            time.elapse(wait);
          }
        });
        Instant first = time.clock.instant();
        PcmSource in = source.convertedTo(format);
        int stepFrames = (int) (STEP.toNanos() * format.sampleRate() / 1_000_000_000L);
        float[] chunk = new float[stepFrames * format.channels()];
        long frames = 0;
        boolean stopped = stop.requested();
        played(1, first);
        try {
          while (!stopped) {
            int got = in.read(chunk, stepFrames);
            if (got < 0) {
              break;
            }
            onTheLines(first.plusNanos(frames * 1_000_000_000L / format.sampleRate()), chunk, got, format);
            frames += got;
            Instant playhead = first.plusNanos(frames * 1_000_000_000L / format.sampleRate());
            played(0, playhead);
            Duration wait = Duration.between(time.clock.instant(), playhead);
            if (!wait.isNegative() && !wait.isZero()) {
              time.elapse(wait);
            }
            stopped = stop.requested();
          }
        } finally {
          played(-1, time.clock.instant());
        }
        return new Playback(first, time.clock.instant(), frames, stopped, 0, List.of(), source.dropouts());
      }

      @Override
      public void close() {}
    };
  }
}
