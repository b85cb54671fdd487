package io.loaxa.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-over between a live feed (a rebroadcast stream, the line input) and the airing. One
 * thread pushes audio as the feed delivers it; the airing reads it paced by the sound card and is
 * never kept waiting: what the feed has not delivered airs as silence and is reported as a dropout.
 * Before the first read only the latest {@code prebuffer} is kept, so the airing starts live; after
 * a dropout, reading resumes once {@code prebuffer} has gathered again, so a feed that comes back
 * does not stutter. The airing lasts exactly {@code length}.
 */
public final class LiveBuffer {
  private final PcmFormat format;
  private final long lengthFrames;
  private final int prebufferFrames;
  private final int capacityFrames;
  private final float[] ring;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Gap> dropouts = new ArrayList<>();
  private int readAt;
  private int filled;
  private long delivered;
  private boolean started;
  private boolean refilling;
  private long gapStartFrame = -1;
  private String problem = "";
  private boolean closed;
  private final String lost;

  /**
   * @param lost how a dropout is named in the log, e.g. {@code stream lost}
   * @param prebuffer audio held before the first read and gathered again after a dropout
   * @param capacity the most held while airing; a feed faster than real time waits for room
   * @param length how long the airing lasts
   */
  public LiveBuffer(PcmFormat format, Duration prebuffer, Duration capacity, Duration length, String lost) {
    this.format = format;
    this.lost = lost;
    this.lengthFrames = frames(length);
    this.prebufferFrames = Math.max(1, frames(prebuffer));
    this.capacityFrames = Math.max(prebufferFrames * 2, frames(capacity));
    this.ring = new float[capacityFrames * format.channels()];
  }

  private int frames(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toNanos() * format.sampleRate() / 1_000_000_000L);
  }

  public PcmFormat format() {
    return format;
  }

  /** Takes {@code frames} frames from the feed; waits for room while airing, drops the oldest before. */
  public void push(float[] chunk, int frames) throws InterruptedException {
    int channels = format.channels();
    lock.lock();
    try {
      for (int i = 0; i < frames; i++) {
        if (!started && filled >= prebufferFrames) {
          readAt = (readAt + 1) % capacityFrames;
          filled--;
        }
        while (started && filled >= capacityFrames && !closed) {
          changed.await(100, TimeUnit.MILLISECONDS);
        }
        if (closed) {
          return;
        }
        int at = (readAt + filled) % capacityFrames;
        System.arraycopy(chunk, i * channels, ring, at * channels, channels);
        filled++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What went wrong with the feed last, for the dropout's reason. */
  public void problem(String what) {
    lock.lock();
    try {
      problem = what;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public String lastProblem() {
    lock.lock();
    try {
      return problem;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the prebuffer is full.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitPrebuffer(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (filled < prebufferFrames && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return filled >= prebufferFrames;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the feed has delivered its first audio.
   *
   * @return false when {@code timeout} passed first or the buffer was closed
   */
  public boolean awaitFirstAudio(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (filled == 0 && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return filled > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} unless the buffer is closed or the airing has ended. */
  public void idle(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      long left;
      while (!closed && delivered < lengthFrames && (left = until - System.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the airing has had its whole length or the buffer was closed: the feed can stop. */
  public boolean done() {
    lock.lock();
    try {
      return closed || delivered >= lengthFrames;
    } finally {
      lock.unlock();
    }
  }

  /** As {@link PcmSource#read}: never blocks, fills silence for what the feed has not delivered. */
  public int read(float[] target, int frames) {
    int channels = format.channels();
    lock.lock();
    try {
      if (delivered >= lengthFrames) {
        return -1;
      }
      started = true;
      int n = (int) Math.min(frames, lengthFrames - delivered);
      if (refilling && filled >= prebufferFrames) {
        refilling = false;
        endGap();
      }
      int fromRing = refilling ? 0 : Math.min(n, filled);
      for (int i = 0; i < fromRing; i++) {
        System.arraycopy(ring, ((readAt + i) % capacityFrames) * channels, target, i * channels, channels);
      }
      readAt = (readAt + fromRing) % capacityFrames;
      filled -= fromRing;
      if (fromRing < n) {
        Arrays.fill(target, fromRing * channels, n * channels, 0f);
        if (!refilling) {
          refilling = true;
          gapStartFrame = delivered + fromRing;
        }
      }
      delivered += n;
      if (delivered >= lengthFrames && refilling) {
        endGap();
        refilling = false;
      }
      changed.signalAll();
      return n;
    } finally {
      lock.unlock();
    }
  }

  private void endGap() {
    dropouts.add(new Gap(toDuration(gapStartFrame), toDuration(delivered - gapStartFrame), reason()));
    gapStartFrame = -1;
  }

  private String reason() {
    return lost + ": " + (problem.isEmpty() ? "no audio" : problem);
  }

  private Duration toDuration(long frames) {
    return Duration.ofNanos(frames * 1_000_000_000L / format.sampleRate());
  }

  /** The dropouts so far, the one still running included. */
  public List<Gap> dropouts() {
    lock.lock();
    try {
      List<Gap> all = new ArrayList<>(dropouts);
      if (refilling && gapStartFrame >= 0) {
        all.add(new Gap(toDuration(gapStartFrame), toDuration(delivered - gapStartFrame), reason()));
      }
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** Releases a feed waiting for room; idempotent. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
