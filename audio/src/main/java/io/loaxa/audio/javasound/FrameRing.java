package io.loaxa.audio.javasound;

/**
 * The hand-over between the thread that reads a programme and the thread that feeds the sound
 * card: 16-bit little-endian frames in a ring, put by one thread and taken by the other without
 * locks. The reader may run at most {@code readAhead} frames ahead of what was taken. Frames taken
 * are kept for {@code history} frames more, so a stop can fade out, from the frame the device was
 * about to play, the sound it had queued. Frame numbers count from the programme's first frame.
 */
final class FrameRing {
  private final byte[] data;
  private final int channels;
  private final int frameBytes;
  private final int capacity;
  private final int readAhead;
  private final int history;
  private volatile long put;
  private volatile long taken;
  private volatile boolean ended;
  private volatile boolean wanted;

  FrameRing(int channels, int history, int readAhead) {
    if (history < 1 || readAhead < 1) {
      throw new IllegalArgumentException("history and read-ahead must be positive");
    }
    this.channels = channels;
    this.frameBytes = 2 * channels;
    this.history = history;
    this.readAhead = readAhead;
    this.capacity = history + readAhead;
    this.data = new byte[capacity * frameBytes];
  }

  /** Frames that may be put now without waiting. */
  int space() {
    long p = put;
    long t = taken;
    long kept = Math.max(0, t - history);
    return (int) Math.max(0, Math.min(capacity - (p - kept), readAhead - (p - t)));
  }

  /**
   * Puts {@code frames} interleaved float frames, clipped to [-1, 1] and rounded to 16 bits; at
   * most {@link #space()} of them.
   */
  void put(float[] samples, int frames) {
    if (frames > space()) {
      throw new IllegalStateException("no room for " + frames + " frames");
    }
    long p = put;
    for (int f = 0; f < frames; f++) {
      int at = (int) ((p + f) % capacity) * frameBytes;
      for (int c = 0; c < channels; c++) {
        float v = Math.max(-1f, Math.min(1f, samples[f * channels + c]));
        int s = Math.round(v * 32767f);
        data[at + 2 * c] = (byte) s;
        data[at + 2 * c + 1] = (byte) (s >> 8);
      }
    }
    put = p + frames;
  }

  /**
   * The taker is about to need frames: a live source read only now starts with what is live now,
   * not with what it gathered while the device was primed.
   */
  void want() {
    wanted = true;
  }

  boolean wanted() {
    return wanted;
  }

  /** No more frames will be put. */
  void end() {
    ended = true;
  }

  boolean ended() {
    return ended;
  }

  /** Frames put and not taken yet. */
  int ready() {
    return (int) (put - taken);
  }

  /** Frames taken so far. */
  long taken() {
    return taken;
  }

  /** The first frame still kept: what the device may still have queued starts here or later. */
  long kept() {
    return Math.max(0, taken - history);
  }

  /** The byte offset of {@code frame} in {@link #data()}. */
  int offsetOf(long frame) {
    return (int) (frame % capacity) * frameBytes;
  }

  /** Frames from {@code frame} on that lie in one piece before the ring wraps, at most {@code frames}. */
  int contiguous(long frame, int frames) {
    return (int) Math.min(frames, capacity - frame % capacity);
  }

  /** The ring's bytes, for writing straight to the device; only the taker reads them. */
  byte[] data() {
    return data;
  }

  /** Marks {@code frames} more frames taken. */
  void take(int frames) {
    if (frames > ready()) {
      throw new IllegalStateException("only " + ready() + " frames are ready");
    }
    taken = taken + frames;
  }

  /** Copies {@code frames} frames from {@code frame} on (taken and still kept) into {@code target}. */
  void copy(long frame, int frames, byte[] target) {
    if (frame < kept() || frame + frames > put) {
      throw new IllegalArgumentException("frames " + frame + ".." + (frame + frames) + " are not kept");
    }
    int done = 0;
    while (done < frames) {
      int n = contiguous(frame + done, frames - done);
      System.arraycopy(data, offsetOf(frame + done), target, done * frameBytes, n * frameBytes);
      done += n;
    }
  }
}
