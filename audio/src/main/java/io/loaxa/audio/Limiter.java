package io.loaxa.audio;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Holds sample peaks under a ceiling without audible clipping: the gain starts coming down 5 ms
 * before a peak (look-ahead, smoothed over the same 5 ms) and recovers over about 100 ms.
 *
 * <p>The gain is steered once a millisecond (on {@link ControlBlocks}) from each millisecond's
 * peak and moves in straight lines between those points, so it never rises above what the
 * loudest sample on either side of a point allows. Steering on the blocks' peaks rather than
 * on every sample lets levelling try gains on its measurement alone, and the limiter reads the
 * audio only to write it.
 */
public final class Limiter {
  private static final double LOOKAHEAD_SECONDS = 0.005;
  private static final double RELEASE_SECONDS = 0.1;
  /** A gain within a millionth of unity is unity: a change far under one step of 16-bit audio. */
  private static final double UNITY = 1 - 1e-6;
  /** Aim this little under the ceiling, so rounding the result to float never lands above it. */
  private static final double MARGIN = 1 - 1e-6;
  /** Writing the result is shared between cores for clips above a second of 22 kHz or so per part. */
  private static final int SAMPLES_PER_PART = 1 << 15;
  private static final int MAX_PARTS = 4;

  /** 0, 1, 2, …: sample positions within a block, as floats the ramp loop can use directly. */
  private static final float[] RAMP = new float[ControlBlocks.MAX_BLOCK];

  static {
    for (int i = 0; i < RAMP.length; i++) {
      RAMP[i] = i;
    }
  }

  private Limiter() {}

  /** The clip with no sample above {@code ceilingDbfs}; returned as it is when none is. */
  public static PcmClip limit(PcmClip clip, double ceilingDbfs) {
    return limit(clip, 0, ceilingDbfs);
  }

  /**
   * The clip amplified by {@code gainDb} with no sample above {@code ceilingDbfs}, in one pass
   * (the clip's block peaks from its measurement when it has one); returned as it is when the
   * gain is 0 dB and no sample is over.
   */
  static PcmClip limit(PcmClip clip, double gainDb, double ceilingDbfs) {
    Loudness.Measurement known = clip.loudness();
    ControlBlocks blocks = known != null ? known.blocks() : new ControlBlocks(clip.format(), clip.frames());
    float[] peaks = known != null ? known.blockPeaks() : blocks.peaks(clip.array(), clip.format().channels());
    double gain = gainDb == 0 ? 1.0 : Loudness.linear(gainDb);
    double[] limiting = gains(blocks, peaks, gain, Loudness.linear(ceilingDbfs));
    if (limiting == null) {
      return gainDb == 0 ? clip : clip.amplified(gainDb);
    }
    return apply(clip, blocks, gain, limiting);
  }

  /**
   * The limiter's gain at the start of every block and at the end of the last ({@code count + 1}
   * values, each in (0, 1]) for the clip amplified by {@code gain} (linear), or null when no
   * block would go over {@code ceiling}.
   */
  static double[] gains(ControlBlocks blocks, float[] peaks, double gain, double ceiling) {
    return gains(blocks, peaks, gain, ceiling, new Work(blocks));
  }

  /** As {@link #gains(ControlBlocks, float[], double, double)}, into {@code work}'s arrays (overwritten). */
  static double[] gains(ControlBlocks blocks, float[] peaks, double gain, double ceiling, Work work) {
    int count = blocks.count();
    double over = ceiling / gain;
    int overs = 0;
    int[] loud = work.loud;
    float[] hopPeaks = work.hopPeaks(blocks, peaks);
    int perHop = blocks.perHop();
    for (int h = 0; h < hopPeaks.length; h++) {
      if (hopPeaks[h] <= over) {
        continue;
      }
      for (int k = h * perHop, end = Math.min(count, k + perHop); k < end; k++) {
        if (peaks[k] > over) {
          if (overs == loud.length) {
            loud = Arrays.copyOf(loud, overs * 2);
            work.loud = loud;
          }
          loud[overs++] = k;
        }
      }
    }
    if (overs == 0) {
      return null;
    }
    int look = look(blocks);
    // ahead[j + look]: the lowest gain wanted by blocks j-1 .. j+look, for points j = -look .. count;
    // only read near loud blocks (points k - 2·look .. k + 1 + look, smoothing included), so only set there
    double[] ahead = work.ahead;
    for (int i = 0; i < overs; i++) {
      int k = loud[i];
      Arrays.fill(ahead, Math.max(0, k - look), Math.min(count, k + 1 + look) + look + 1, 1.0);
    }
    for (int i = 0; i < overs; i++) {
      int k = loud[i];
      double wanted = over / peaks[k] * MARGIN;
      for (int j = Math.max(-look, k - look); j <= k + 1; j++) {
        ahead[j + look] = Math.min(ahead[j + look], wanted);
      }
    }
    // each point takes the mean of the look-ahead minima of itself and the `look` points before:
    // every one of them covers the blocks on both sides of the point, so the mean is never above
    // what those blocks allow, and a step down becomes a ramp over the look-ahead time; away from
    // loud blocks that mean is 1 and the gain only recovers
    double keepFull = Math.exp(-blocks.block() / (RELEASE_SECONDS * blocks.rate()));
    double[] g = work.gains;
    double current = 1.0;
    int j = 0;
    int i = 0;
    while (j <= count) {
      int nearFrom = i < overs ? Math.max(0, loud[i] - look) : count + 1;
      double deficit = 1.0 - current;
      for (; j < nearFrom; j++) {
        if (deficit == 0) {
          Arrays.fill(g, j, nearFrom, 1.0);
          j = nearFrom;
          break;
        }
        int previous = blocks.length(j - 1);
        deficit *= previous == blocks.block() ? keepFull : Math.exp(-previous / (RELEASE_SECONDS * blocks.rate()));
        if (deficit < 1 - UNITY) {
          deficit = 0;
        }
        g[j] = 1.0 - deficit;
      }
      current = 1.0 - deficit;
      if (i == overs) {
        break;
      }
      int nearTo = loud[i] + 1 + look;
      for (i++; i < overs && loud[i] - look <= nearTo + 1; i++) {
        nearTo = loud[i] + 1 + look;
      }
      for (nearTo = Math.min(nearTo, count); j <= nearTo; j++) {
        double sum = 0;
        for (int a = j; a <= j + look; a++) {
          sum += ahead[a];
        }
        double smoothed = sum / (look + 1);
        if (smoothed < current) {
          current = smoothed;
        } else if (current < smoothed && j > 0) {
          int previous = blocks.length(j - 1);
          double keep = previous == blocks.block() ? keepFull : Math.exp(-previous / (RELEASE_SECONDS * blocks.rate()));
          current = smoothed - (smoothed - current) * keep;
        }
        g[j] = current;
      }
    }
    return g;
  }

  private static int look(ControlBlocks blocks) {
    return Math.max(1, (int) Math.ceil(LOOKAHEAD_SECONDS * blocks.rate() / blocks.block()));
  }

  /** The limiter's working arrays for one clip, reused while levelling tries one gain after another. */
  static final class Work {
    private final double[] gains;
    private final double[] ahead;
    private int[] loud = new int[256];
    private float[] hopPeaks;

    Work(ControlBlocks blocks) {
      this.gains = new double[blocks.count() + 1];
      this.ahead = new double[blocks.count() + 1 + look(blocks)];
    }

    /** The loudest block of each hop (the last one may be partial), so quiet hops are passed over whole. */
    private float[] hopPeaks(ControlBlocks blocks, float[] peaks) {
      if (hopPeaks == null) {
        int perHop = blocks.perHop();
        int count = blocks.count();
        float[] max = new float[(count + perHop - 1) / perHop];
        for (int h = 0, k = 0; h < max.length; h++) {
          float m = 0;
          for (int end = Math.min(count, k + perHop); k < end; k++) {
            m = Math.max(m, peaks[k]);
          }
          max[h] = m;
        }
        hopPeaks = max;
      }
      return hopPeaks;
    }
  }

  /**
   * The clip amplified by {@code gain} with the limiter's block gains, ramped sample by sample.
   * A long clip is written in parts on the machine's other cores at once.
   */
  static PcmClip apply(PcmClip clip, ControlBlocks blocks, double gain, double[] limiting) {
    int parts = (int) Math.min(Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()),
        (long) clip.sampleCount() / SAMPLES_PER_PART);
    return apply(clip, blocks, gain, limiting, parts);
  }

  /** As {@link #apply(PcmClip, ControlBlocks, double, double[])} in {@code parts} parts. */
  static PcmClip apply(PcmClip clip, ControlBlocks blocks, double gain, double[] limiting, int parts) {
    int channels = clip.format().channels();
    float[] x = clip.array();
    float[] out = new float[clip.sampleCount()];
    int count = blocks.count();
    if (parts <= 1) {
      apply(x, out, channels, blocks, gain, limiting, 0, count);
    } else {
      IntStream.range(0, parts).parallel().forEach(p -> apply(x, out, channels, blocks, gain, limiting,
          (int) ((long) count * p / parts), (int) ((long) count * (p + 1) / parts)));
    }
    return new PcmClip(clip.format(), out);
  }

  /** Writes blocks {@code from} to {@code to} (exclusive) of the levelled clip. */
  private static void apply(float[] x, float[] out, int channels, ControlBlocks blocks, double gain, double[] limiting,
      int from, int to) {
    float plain = (float) gain;
    int whole = blocks.block();
    double perFrame = gain / whole;
    int k = from;
    while (k < to) {
      if (limiting[k] == 1.0 && limiting[k + 1] == 1.0) {
        int first = blocks.start(k) * channels;
        while (k < to && limiting[k] == 1.0 && limiting[k + 1] == 1.0) {
          k++;
        }
        int last = blocks.start(k) * channels;
        for (int i = first; i < last; i++) {
          out[i] = x[i] * plain;
        }
      } else {
        int start = blocks.start(k) * channels;
        int n = blocks.length(k);
        float g0 = (float) (limiting[k] * gain);
        float step = (float) ((limiting[k + 1] - limiting[k]) * (n == whole ? perFrame : gain / n));
        if (channels == 1) {
          for (int i = 0; i < n; i++) {
            out[start + i] = x[start + i] * (g0 + step * RAMP[i]);
          }
        } else {
          for (int i = 0; i < n; i++) {
            float f = g0 + step * i;
            int at = start + i * channels;
            for (int c = 0; c < channels; c++) {
              out[at + c] = x[at + c] * f;
            }
          }
        }
        k++;
      }
    }
  }
}
