package io.loaxa.audio;

/**
 * A clip cut into blocks of about a millisecond, lined up with the 100 ms hops of the loudness
 * meter (each hop holds whole blocks, its last one shorter when the hop does not divide evenly):
 * the grid on which levelling keeps its statistics and the limiter steers its gain.
 */
final class ControlBlocks {
  /** The longest block: a millisecond at the highest rate a {@link PcmFormat} allows. */
  static final int MAX_BLOCK = 192;

  private final int rate;
  private final int frames;
  private final int hop;
  private final int block;
  private final int perHop;
  private final int count;
  /** Where each block starts, and the clip's end after the last. */
  private final int[] starts;

  ControlBlocks(PcmFormat format, int frames) {
    this.rate = format.sampleRate();
    this.frames = frames;
    this.hop = hopFrames(format);
    this.block = blockFrames(format);
    this.perHop = (hop + block - 1) / block;
    int wholeHops = frames / hop;
    int rest = frames - wholeHops * hop;
    this.count = wholeHops * perHop + (rest + block - 1) / block;
    this.starts = new int[count + 1];
    int k = 0;
    for (int h = 0; k < count; h++) {
      for (int j = 0; j < perHop && k < count; j++) {
        starts[k++] = h * hop + j * block;
      }
    }
    starts[count] = frames;
  }

  /** Frames in a loudness hop: 100 ms, a quarter of a 400 ms gating block. */
  static int hopFrames(PcmFormat format) {
    return Math.round(format.sampleRate() * 0.1f);
  }

  /** Frames in a control block: about a millisecond. */
  static int blockFrames(PcmFormat format) {
    return Math.max(1, Math.round(format.sampleRate() / 1000f));
  }

  int rate() {
    return rate;
  }

  /** Frames in a whole block (the last of a hop or of the clip may be shorter). */
  int block() {
    return block;
  }

  int frames() {
    return frames;
  }

  int hop() {
    return hop;
  }

  int count() {
    return count;
  }

  /** Blocks in a whole hop: hop {@code h} holds blocks {@code h * perHop()} to {@code (h + 1) * perHop() - 1}. */
  int perHop() {
    return perHop;
  }

  int start(int k) {
    return starts[k];
  }

  int length(int k) {
    return starts[k + 1] - starts[k];
  }

  /** The highest absolute sample of each block, all channels together. */
  float[] peaks(float[] samples, int channels) {
    float[] peaks = new float[count];
    for (int k = 0; k < count; k++) {
      int from = start(k) * channels;
      int to = from + length(k) * channels;
      float peak = 0;
      for (int i = from; i < to; i++) {
        peak = Math.max(peak, Math.abs(samples[i]));
      }
      peaks[k] = peak;
    }
    return peaks;
  }
}
