package io.loaxa.audio.monitor;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.MonitorInput;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor at work: a capture thread reads the monitor input in blocks, measures each, takes
 * the programme's level for the same block from the {@link PlayedLevel} tap and hands both to an
 * {@link AirComparator}; incidents go to the listener, each start with its evidence file. Time is
 * the injected clock's instant when capture started plus the blocks captured since, so it runs on
 * the sound card's own pace. {@link #airing(boolean)} may be called from any thread and takes
 * effect at the next block.
 */
public final class OnAirMonitor implements AutoCloseable {
  /** What the monitor captures: level and envelope need no stereo or high rate. */
  public static final PcmFormat FORMAT = new PcmFormat(22_050, 1);
  private static final Logger LOG = LoggerFactory.getLogger(OnAirMonitor.class);
  private static final int RECENT = 1200;

  private final MonitorInput input;
  private final MonitorSettings settings;
  private final PlayedLevel played;
  private final Clock clock;
  private final Path evidenceDir;
  private final Consumer<MonitorEvent> listener;
  private final AirComparator comparator;
  private final Evidence evidence;
  private final double[] recent = new double[RECENT];
  private volatile boolean wantAiring;
  private volatile long blocks;
  private volatile boolean closed;
  private volatile String failure = "";
  private volatile Runnable everySecond = () -> {};
  private Thread thread;
  private PcmSource source;

  public OnAirMonitor(MonitorInput input, MonitorSettings settings, PlayedLevel played, Clock clock,
      Path evidenceDir, Consumer<MonitorEvent> listener) {
    this.input = Objects.requireNonNull(input, "input");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.played = Objects.requireNonNull(played, "played");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.evidenceDir = Objects.requireNonNull(evidenceDir, "evidenceDir");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.comparator = new AirComparator(settings);
    this.evidence = new Evidence(FORMAT.sampleRate(), settings.evidence());
  }

  /**
   * Opens the input and starts listening.
   *
   * @throws AudioException when the monitor input is not there
   */
  public synchronized void start() throws AudioException {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    source = input.open(FORMAT);
    Instant base = clock.instant();
    thread = new Thread(() -> listen(base), "on-air-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code task} on the monitor's thread once a second of capture (for a reaction held while an incident lasts). */
  public void everySecond(Runnable task) {
    this.everySecond = Objects.requireNonNull(task, "task");
  }

  /** Whether an airing is on: the programme should be heard, or nothing should be. */
  public void airing(boolean on) {
    wantAiring = on;
  }

  /** Blocks measured so far. */
  public long blocks() {
    return blocks;
  }

  public Duration block() {
    return settings.block();
  }

  /** The loudest block heard since block {@code mark} (at most the last two minutes), in dBFS. */
  public synchronized double loudestSince(long mark) {
    double loudest = Levels.FLOOR_DBFS;
    for (long b = Math.max(mark, blocks - RECENT); b < blocks; b++) {
      loudest = Math.max(loudest, recent[(int) (b % RECENT)]);
    }
    return loudest;
  }

  /** Why capture stopped, empty while it runs. */
  public String failure() {
    return failure;
  }

  private void listen(Instant base) {
    int frames = (int) (settings.block().toNanos() * FORMAT.sampleRate() / 1_000_000_000L);
    float[] block = new float[frames * FORMAT.channels()];
    float[] piece = new float[frames * FORMAT.channels()];
    long perSecond = Math.max(1, Duration.ofSeconds(1).toNanos() / settings.block().toNanos());
    try {
      while (!closed) {
        int filled = 0;
        while (filled < frames) {
          int got = source.read(piece, frames - filled);
          if (got < 0) {
            throw new AudioException("the monitor input ended");
          }
          System.arraycopy(piece, 0, block, filled * FORMAT.channels(), got * FORMAT.channels());
          filled += got;
        }
        Instant at = base.plus(settings.block().multipliedBy(blocks));
        double heard = Levels.rmsDbfs(block, frames, FORMAT.channels());
        double programme = played.take();
        evidence.keep(block, frames, FORMAT.channels());
        synchronized (this) {
          recent[(int) (blocks % RECENT)] = heard;
          blocks++;
        }
        if (wantAiring != comparator.airing()) {
          deliver(comparator.airing(wantAiring, at));
        }
        deliver(comparator.block(at, heard, programme));
        if (blocks % perSecond == 0) {
          everySecond.run();
        }
      }
    } catch (AudioException | RuntimeException e) {
      if (!closed) {
        failure = e.getMessage();
        LOG.error("the on-air monitor stopped: {}", e.getMessage(), e);
      }
    }
  }

  private void deliver(List<MonitorEvent> events) {
    for (MonitorEvent event : events) {
      MonitorEvent out = event;
      if (event.started()) {
        try {
          out = new MonitorEvent(event.kind(), true, event.at(), event.detail(),
              Optional.of(evidence.write(evidenceDir, event.kind(), event.at())));
        } catch (IOException e) {
          LOG.warn("evidence for {} not kept: {}", event.kind(), e.getMessage());
        }
      }
      try {
        listener.accept(out);
      } catch (RuntimeException e) {
        LOG.error("the monitor's listener failed on {}", out, e);
      }
    }
  }

  /** Stops listening and closes the input; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (source != null) {
      source.close();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}
