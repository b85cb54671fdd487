package io.loaxa.audio;

import java.util.Arrays;

/**
 * Integrated programme loudness as ITU-R BS.1770-4 / EBU R128 define it, so every part of a
 * programme (a quiet field recording, synthesised speech, the chime) airs at one station level.
 * K-weighting (a high shelf and a high-pass, designed for the clip's own rate), 400 ms blocks
 * overlapping by 75 %, an absolute gate at -70 LUFS and a relative gate 10 LU below the ungated
 * mean. Channels weigh 1.0 (front) as in a stereo or mono feed. Feed a {@link Meter} as audio
 * arrives, or measure a whole clip with {@link #integratedLufs}.
 *
 * <p>A clip is measured once: the {@link Measurement} keeps, beside the loudness, the K-weighted
 * energy and the peak of every millisecond, from which {@link #normalise} works out its gain and
 * the limiter's without reading the audio again; only writing the levelled clip touches every
 * sample a second time.
 */
public final class Loudness {
  /** The level loaxa airs programmes at: louder than EBU R128's -23 for horn loudspeakers outdoors. */
  public static final double STATION_TARGET_LUFS = -18.0;
  /** Sample peak that normalised audio never exceeds: -1 dBFS. */
  public static final double PEAK_CEILING_DBFS = -1.0;
  private static final double ABSOLUTE_GATE_LUFS = -70.0;
  private static final double RELATIVE_GATE_LU = -10.0;
  /** Levelling stops refining its gain this close to the target. */
  private static final double SETTLED_LU = 0.02;
  private static final int MAX_ROUNDS = 24;
  /** Limiting never earns more than this much extra make-up gain (content that is all peaks). */
  private static final double MAX_MAKE_UP_DB = 12.0;

  private Loudness() {}

  /** Integrated loudness in LUFS; {@link Double#NEGATIVE_INFINITY} for silence or audio under 400 ms. */
  public static double integratedLufs(PcmClip clip) {
    return measure(clip).integratedLufs();
  }

  /**
   * The clip's measurement: the one taken while it arrived ({@link Meter#clip}), or taken now and
   * kept with the clip (clips are immutable, so it stays true).
   */
  public static Measurement measure(PcmClip clip) {
    Measurement known = clip.loudness();
    if (known != null) {
      return known;
    }
    Meter meter = new Meter(clip.format());
    meter.accept(clip.array(), 0, clip.sampleCount());
    Measurement measured = meter.measurement();
    clip.remember(measured);
    return measured;
  }

  /**
   * The clip brought to {@code targetLufs}, its peaks held under {@link #PEAK_CEILING_DBFS} by the
   * {@link Limiter} when the gain would push them over. Silence is returned as it is.
   *
   * <p>Limiting takes some loudness away with the peaks, so the gain is raised to make up for it.
   * The loudness after limiting is worked out from the measurement rather than measured again:
   * the limiter's gain moves slowly (over milliseconds) against the voice band K-weighting
   * stresses, so each millisecond's K-weighted energy simply scales with the square of the gain
   * applied to it. Tests hold the result to the target by measuring it afresh.
   */
  public static PcmClip normalise(PcmClip clip, double targetLufs) {
    return level(clip, targetLufs).clip();
  }

  /**
   * How {@link #normalise} would bring {@code clip} to {@code targetLufs}, found by doing it: the
   * measuring can be done ahead of air time and {@link Levelling#apply} done at it.
   */
  public static Levelling levelling(PcmClip clip, double targetLufs) {
    return level(clip, targetLufs).levelling();
  }

  private record Levelled(PcmClip clip, Levelling levelling) {}

  private static Levelled level(PcmClip clip, double targetLufs) {
    Measurement m = measure(clip);
    double measured = m.integratedLufs();
    if (Double.isInfinite(measured)) {
      return new Levelled(clip, Levelling.NONE);
    }
    double ceiling = linear(PEAK_CEILING_DBFS);
    double gainDb = targetLufs - measured;
    if (m.peak() * linear(gainDb) <= ceiling) {
      return new Levelled(clip.amplified(gainDb), new Levelling(gainDb, true));
    }
    float[] peaks = m.blockPeaks();
    double firstDb = gainDb;
    Limiter.Work work = new Limiter.Work(m.blocks());
    double[] limiting = Limiter.gains(m.blocks(), peaks, linear(gainDb), ceiling, work);
    double lufs = m.lufsAfter(linear(gainDb), limiting);
    double previousDb = Double.NaN;
    double previousLufs = Double.NaN;
    for (int round = 0; round < MAX_ROUNDS && Math.abs(targetLufs - lufs) > SETTLED_LU; round++) {
      // secant steps: the loudness rises more slowly than the gain once peaks are held down
      double slope = 1.0;
      if (!Double.isNaN(previousDb) && gainDb != previousDb) {
        slope = Math.max(0.05, Math.min(1.0, (lufs - previousLufs) / (gainDb - previousDb)));
      }
      double next = Math.min(firstDb + MAX_MAKE_UP_DB, gainDb + (targetLufs - lufs) / slope);
      if (next == gainDb) {
        break;
      }
      previousDb = gainDb;
      previousLufs = lufs;
      gainDb = next;
      limiting = Limiter.gains(m.blocks(), peaks, linear(gainDb), ceiling, work);
      lufs = m.lufsAfter(linear(gainDb), limiting);
    }
    return new Levelled(Limiter.apply(clip, m.blocks(), linear(gainDb), limiting), new Levelling(gainDb, true));
  }

  /**
   * How a clip is brought to a loudness target: this gain, then the peak limiter on what goes over
   * {@link #PEAK_CEILING_DBFS}.
   *
   * @param gainDb the gain in dB
   * @param applies false for a clip too short or too quiet to measure, which is left as it is
   */
  public record Levelling(double gainDb, boolean applies) {
    public static final Levelling NONE = new Levelling(0, false);

    /**
     * The clip levelled: exactly what {@link Loudness#normalise} gave for it, without measuring its
     * loudness again (only its block peaks, for the limiter).
     */
    public PcmClip apply(PcmClip clip) {
      return applies ? Limiter.limit(clip, gainDb, PEAK_CEILING_DBFS) : clip;
    }
  }

  static double linear(double db) {
    return Math.pow(10, db / 20);
  }

  private static double lufs(double meanSquare) {
    return -0.691 + 10 * Math.log10(meanSquare);
  }

  /**
   * BS.1770 gating over hop energies (sums of squared K-weighted samples over {@code hop} frames),
   * each first multiplied by {@code scale}.
   */
  private static double gated(double[] hops, int count, int hop, double scale) {
    int blocks = count - 3;
    if (blocks <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] z = new double[blocks];
    double norm = scale / (4.0 * hop);
    double absoluteGate = Math.pow(10, (ABSOLUTE_GATE_LUFS + 0.691) / 10);
    double sum = 0;
    int kept = 0;
    for (int i = 0; i < blocks; i++) {
      double v = (hops[i] + hops[i + 1] + hops[i + 2] + hops[i + 3]) * norm;
      z[i] = v;
      if (v > absoluteGate) {
        sum += v;
        kept++;
      }
    }
    if (kept == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double relativeGate = Math.max(absoluteGate, sum / kept * Math.pow(10, RELATIVE_GATE_LU / 10));
    double keptSum = 0;
    int keptCount = 0;
    for (double v : z) {
      if (v > relativeGate) {
        keptSum += v;
        keptCount++;
      }
    }
    return keptCount == 0 ? Double.NEGATIVE_INFINITY : lufs(keptSum / keptCount);
  }

  /**
   * What the meter found in a clip: its integrated loudness, its peak, and per millisecond block
   * the K-weighted energy and the peak (what levelling needs to work out its gains). Immutable.
   */
  public static final class Measurement {
    private final PcmFormat format;
    private final ControlBlocks blocks;
    private final double[] hops;
    private final float[] blockEnergy;
    private final float[] blockPeaks;
    private final float peak;
    private final double integratedLufs;

    private Measurement(PcmFormat format, int frames, double[] hops, float[] blockEnergy, float[] blockPeaks) {
      this.format = format;
      this.blocks = new ControlBlocks(format, frames);
      if (blocks.count() != blockPeaks.length || blockEnergy.length != blockPeaks.length) {
        throw new IllegalStateException("measurement has " + blockPeaks.length + " blocks, expected " + blocks.count());
      }
      this.hops = hops;
      this.blockEnergy = blockEnergy;
      this.blockPeaks = blockPeaks;
      float p = 0;
      for (float v : blockPeaks) {
        p = Math.max(p, v);
      }
      this.peak = p;
      this.integratedLufs = gated(hops, hops.length, blocks.hop(), 1.0);
    }

    public PcmFormat format() {
      return format;
    }

    public int frames() {
      return blocks.frames();
    }

    /** Integrated loudness in LUFS; {@link Double#NEGATIVE_INFINITY} for silence or audio under 400 ms. */
    public double integratedLufs() {
      return integratedLufs;
    }

    /** The highest absolute sample value, 0 for silence. */
    public float peak() {
      return peak;
    }

    ControlBlocks blocks() {
      return blocks;
    }

    float[] blockPeaks() {
      return blockPeaks;
    }

    /**
     * Integrated loudness of the clip amplified by {@code gain} (linear) with the limiter's
     * per-block gains {@code limiting} (null: none) applied: each block's K-weighted energy scaled
     * by the mean square of the gain across it.
     */
    double lufsAfter(double gain, double[] limiting) {
      double[] after = hops;
      if (limiting != null) {
        after = hops.clone();
        int perHop = blocks.perHop();
        int whole = blocks.block();
        double spread1 = spread1(whole);
        double spread2 = spread2(whole);
        for (int h = 0, k = 0; h < after.length; h++) {
          double lost = 0;
          for (int end = k + perHop; k < end; k++) {
            double g0 = limiting[k];
            double g1 = limiting[k + 1];
            if (g0 == 1.0 && g1 == 1.0) {
              continue;
            }
            // mean of (g0 + d·i/n)² over the block's samples i = 0..n-1, as the limiter applies it
            int n = blocks.length(k);
            double d = g1 - g0;
            double meanSquare = n == whole
                ? g0 * g0 + g0 * d * spread1 + d * d * spread2
                : g0 * g0 + g0 * d * spread1(n) + d * d * spread2(n);
            lost += (1 - meanSquare) * blockEnergy[k];
          }
          after[h] -= lost;
        }
      }
      return gated(after, after.length, blocks.hop(), gain * gain);
    }

    /** 2 · mean of i/n over i = 0..n-1. */
    private static double spread1(int n) {
      return (n - 1) / (double) n;
    }

    /** mean of (i/n)² over i = 0..n-1. */
    private static double spread2(int n) {
      return (n - 1) * (2.0 * n - 1) / (6.0 * n * n);
    }
  }

  /**
   * Measures loudness of audio fed in pieces (any number of samples at a time, frames may be split
   * between pieces). Not thread-safe.
   */
  public static final class Meter {
    // a filter state this small (-200 dB) changes no reading; flushing it keeps the arithmetic out
    // of subnormal numbers, which cost a hundred times more, and lets the filters come to rest in
    // the silence between sentences, which is then skipped
    private static final double FLUSH = 1e-10;

    private final PcmFormat format;
    private final int channels;
    private final int hop;
    private final int block;
    private final double sb0;
    private final double sb1;
    private final double sb2;
    private final double sa1;
    private final double sa2;
    private final double ha1;
    private final double ha2;
    /** Per channel: shelf input x1 x2, shelf output y1 y2 (the high-pass's input), high-pass output z1 z2. */
    private final double[] state;
    private final float[] partial;
    private int partialCount;
    private int frames;
    private int hopFill;
    private int blockFill;
    private double hopSum;
    private double blockSum;
    private float blockPeak;
    private double[] hops = new double[64];
    private int hopCount;
    private float[] blockEnergy = new float[4096];
    private float[] blockPeaks = new float[4096];
    private int blockCount;

    public Meter(PcmFormat format) {
      this.format = format;
      this.channels = format.channels();
      int rate = format.sampleRate();
      double[] shelf = kWeightingShelf(rate);
      double[] highPass = kWeightingHighPass(rate);
      this.sb0 = shelf[0];
      this.sb1 = shelf[1];
      this.sb2 = shelf[2];
      this.sa1 = shelf[3];
      this.sa2 = shelf[4];
      this.ha1 = highPass[3];
      this.ha2 = highPass[4];
      this.state = new double[6 * channels];
      this.partial = new float[channels];
      this.hop = ControlBlocks.hopFrames(format);
      this.block = ControlBlocks.blockFrames(format);
    }

    /** Takes {@code frames} interleaved frames from the start of {@code samples}. */
    public void accept(float[] samples, int frames) {
      accept(samples, 0, frames * channels);
    }

    /** Takes {@code count} interleaved samples from {@code offset}; a frame may end in the next piece. */
    public void accept(float[] samples, int offset, int count) {
      int at = offset;
      int end = offset + count;
      if (partialCount > 0) {
        while (partialCount < channels && at < end) {
          partial[partialCount++] = samples[at++];
        }
        if (partialCount < channels) {
          return;
        }
        partialCount = 0;
        run(partial, 0, 1);
      }
      int whole = (end - at) / channels;
      run(samples, at, whole);
      at += whole * channels;
      while (at < end) {
        partial[partialCount++] = samples[at++];
      }
    }

    private void run(float[] x, int offset, int count) {
      if (channels == 1) {
        runMono(x, offset, count);
        return;
      }
      int at = offset;
      int left = count;
      while (left > 0) {
        int n = Math.min(left, Math.min(block - blockFill, hop - hopFill));
        double sum = 0;
        int peakBits = Float.floatToRawIntBits(blockPeak);
        for (int c = 0; c < channels; c++) {
          int s = 6 * c;
          double x1 = state[s];
          double x2 = state[s + 1];
          double y1 = state[s + 2];
          double y2 = state[s + 3];
          double z1 = state[s + 4];
          double z2 = state[s + 5];
          for (int i = 0, j = at + c; i < n; i++, j += channels) {
            float v = x[j];
            peakBits = Math.max(peakBits, Float.floatToRawIntBits(v) & 0x7fffffff);
            // the term of the previous output comes last: it is the only one the next sample waits for
            double y = sb0 * v + sb1 * x1 + sb2 * x2 - sa2 * y2 - sa1 * y1;
            double z = y2 - 2 * y1 - ha2 * z2 + y - ha1 * z1;
            x2 = x1;
            x1 = v;
            y2 = y1;
            y1 = y;
            z2 = z1;
            z1 = z;
            sum += z * z;
          }
          state[s] = x1;
          state[s + 1] = x2;
          state[s + 2] = Math.abs(y1) < FLUSH ? 0 : y1;
          state[s + 3] = Math.abs(y2) < FLUSH ? 0 : y2;
          state[s + 4] = Math.abs(z1) < FLUSH ? 0 : z1;
          state[s + 5] = Math.abs(z2) < FLUSH ? 0 : z2;
        }
        at += n * channels;
        left -= n;
        frames += n;
        blockSum += sum;
        hopSum += sum;
        blockPeak = Float.intBitsToFloat(peakBits);
        blockFill += n;
        hopFill += n;
        if (blockFill == block || hopFill == hop) {
          closeBlock();
        }
        if (hopFill == hop) {
          closeHop();
        }
      }
    }

    /** {@link #run} for one channel (speech engines' output), the filter state kept in registers throughout. */
    private void runMono(float[] x, int offset, int count) {
      double x1 = state[0];
      double x2 = state[1];
      double y1 = state[2];
      double y2 = state[3];
      double z1 = state[4];
      double z2 = state[5];
      int at = offset;
      int end = offset + count;
      while (at < end) {
        int n = Math.min(end - at, Math.min(block - blockFill, hop - hopFill));
        double sum = 0;
        // the peak as the bits of |v| (same order as the values): an integer maximum takes no branch
        int peakBits = Float.floatToRawIntBits(blockPeak);
        if (x1 == 0 && x2 == 0 && y1 == 0 && y2 == 0 && z1 == 0 && z2 == 0 && silent(x, at, n)) {
          // digital silence into a filter at rest: nothing to add (a third of espeak-ng's output)
          at += n;
        } else {
          for (int stop = at + n; at < stop; at++) {
            float v = x[at];
            peakBits = Math.max(peakBits, Float.floatToRawIntBits(v) & 0x7fffffff);
            double y = sb0 * v + sb1 * x1 + sb2 * x2 - sa2 * y2 - sa1 * y1;
            double z = y2 - 2 * y1 - ha2 * z2 + y - ha1 * z1;
            x2 = x1;
            x1 = v;
            y2 = y1;
            y1 = y;
            z2 = z1;
            z1 = z;
            sum += z * z;
          }
        }
        y1 = Math.abs(y1) < FLUSH ? 0 : y1;
        y2 = Math.abs(y2) < FLUSH ? 0 : y2;
        z1 = Math.abs(z1) < FLUSH ? 0 : z1;
        z2 = Math.abs(z2) < FLUSH ? 0 : z2;
        frames += n;
        blockSum += sum;
        hopSum += sum;
        blockPeak = Float.intBitsToFloat(peakBits);
        blockFill += n;
        hopFill += n;
        if (blockFill == block || hopFill == hop) {
          closeBlock();
        }
        if (hopFill == hop) {
          closeHop();
        }
      }
      state[0] = x1;
      state[1] = x2;
      state[2] = y1;
      state[3] = y2;
      state[4] = z1;
      state[5] = z2;
    }

    private static boolean silent(float[] x, int from, int count) {
      for (int i = from, end = from + count; i < end; i++) {
        if (x[i] != 0) {
          return false;
        }
      }
      return true;
    }

    private void closeHop() {
      if (hopCount == hops.length) {
        hops = Arrays.copyOf(hops, hopCount * 2);
      }
      hops[hopCount++] = hopSum;
      hopSum = 0;
      hopFill = 0;
    }

    private void closeBlock() {
      if (blockCount == blockPeaks.length) {
        blockPeaks = Arrays.copyOf(blockPeaks, blockCount * 2);
        blockEnergy = Arrays.copyOf(blockEnergy, blockCount * 2);
      }
      blockEnergy[blockCount] = (float) blockSum;
      blockPeaks[blockCount] = blockPeak;
      blockCount++;
      blockSum = 0;
      blockPeak = 0;
      blockFill = 0;
    }

    /** Integrated loudness of everything fed so far, in LUFS. */
    public double integratedLufs() {
      return gated(hops, hopCount, hop, 1.0);
    }

    /** Everything fed so far (a frame still missing channels is left out). */
    public Measurement measurement() {
      int count = blockCount + (blockFill > 0 ? 1 : 0);
      float[] energy = Arrays.copyOf(blockEnergy, count);
      float[] peaks = Arrays.copyOf(blockPeaks, count);
      if (blockFill > 0) {
        energy[count - 1] = (float) blockSum;
        peaks[count - 1] = blockPeak;
      }
      return new Measurement(format, frames, Arrays.copyOf(hops, hopCount), energy, peaks);
    }

    /**
     * The clip of {@code samples}, which must be exactly the samples fed to this meter, carrying
     * its measurement so that levelling it reads the audio only once more, to write it.
     *
     * @throws IllegalArgumentException when the length differs from what was fed
     */
    public PcmClip clip(float[] samples) {
      return clip(samples, samples.length);
    }

    /**
     * As {@link #clip(float[])} for the first {@code sampleCount} samples of a longer array (see
     * {@link PcmClip#front}).
     */
    public PcmClip clip(float[] samples, int sampleCount) {
      if (sampleCount != (long) frames * channels) {
        throw new IllegalArgumentException(sampleCount + " samples given, " + (long) frames * channels + " measured");
      }
      PcmClip clip = PcmClip.front(format, samples, sampleCount);
      clip.remember(measurement());
      return clip;
    }
  }

  /**
   * Stage 1 of K-weighting: the head's acoustic effect, a +4 dB high shelf around 1.68 kHz.
   * BS.1770 gives coefficients for 48 kHz; these are the analogue prototype's parameters fitted
   * to them, brought to any rate through the bilinear transform. Returns b0 b1 b2 a1 a2.
   */
  static double[] kWeightingShelf(int rate) {
    double f0 = 1681.974450955533;
    double gainDb = 3.999843853973347;
    double q = 0.7071752369554196;
    double k = Math.tan(Math.PI * f0 / rate);
    double vh = Math.pow(10, gainDb / 20);
    double vb = Math.pow(vh, 0.4996667741545416);
    double a0 = 1 + k / q + k * k;
    return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
        2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  }

  /** Stage 2 of K-weighting: the RLB high-pass near 38 Hz (b0 b1 b2 = 1 -2 1). Returns b0 b1 b2 a1 a2. */
  static double[] kWeightingHighPass(int rate) {
    double f0 = 38.13547087602444;
    double q = 0.5003270373238773;
    double k = Math.tan(Math.PI * f0 / rate);
    double a0 = 1 + k / q + k * k;
    return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  }
}
