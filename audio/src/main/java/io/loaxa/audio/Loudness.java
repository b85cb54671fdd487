package io.loaxa.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Integrated programme loudness as ITU-R BS.1770-4 / EBU R128 define it, so every part of a
 * programme (a quiet field recording, synthesised speech, the chime) airs at one station level.
 * K-weighting (a high shelf and a high-pass, designed for the clip's own rate), 400 ms blocks
 * overlapping by 75 %, an absolute gate at -70 LUFS and a relative gate 10 LU below the ungated
 * mean. Channels weigh 1.0 (front) as in a stereo or mono feed. Feed a {@link Meter} as audio
 * arrives, or measure a whole clip with {@link #integratedLufs}.
 */
public final class Loudness {
  /** The level loaxa airs programmes at: louder than EBU R128's -23 for horn loudspeakers outdoors. */
  public static final double STATION_TARGET_LUFS = -18.0;
  /** Sample peak that normalised audio never exceeds: -1 dBFS. */
  public static final double PEAK_CEILING_DBFS = -1.0;
  private static final double ABSOLUTE_GATE_LUFS = -70.0;
  private static final double RELATIVE_GATE_LU = -10.0;

  private Loudness() {}

  /** Integrated loudness in LUFS; {@link Double#NEGATIVE_INFINITY} for silence or audio under 400 ms. */
  public static double integratedLufs(PcmClip clip) {
    Meter meter = new Meter(clip.format());
    float[] samples = clip.samples();
    meter.accept(samples, clip.frames());
    return meter.integratedLufs();
  }

  /**
   * The clip brought to {@code targetLufs}, its peaks held under {@link #PEAK_CEILING_DBFS} by a
   * look-ahead limiter when the gain would push them over. Silence is returned as it is.
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
    double measured = integratedLufs(clip);
    if (Double.isInfinite(measured)) {
      return new Levelled(clip, Levelling.NONE);
    }
    double gain = targetLufs - measured;
    PcmClip out = clip;
    double used = gain;
    // limiting takes some loudness away with the peaks: measure again and make up, a few rounds
    for (int round = 0; round < 4; round++) {
      PcmClip amplified = clip.amplified(gain);
      out = Limiter.limit(amplified, PEAK_CEILING_DBFS);
      used = gain;
      if (out == amplified) {
        break; // nothing needed limiting: the gain alone hit the target
      }
      double error = targetLufs - integratedLufs(out);
      if (Math.abs(error) < 0.1) {
        break;
      }
      gain += error;
    }
    return new Levelled(out, new Levelling(used, true));
  }

  /**
   * How a clip is brought to a loudness target: this gain, then the peak limiter.
   *
   * @param gainDb the gain in dB
   * @param applies false for a clip too short or too quiet to measure, which is left as it is
   */
  public record Levelling(double gainDb, boolean applies) {
    public static final Levelling NONE = new Levelling(0, false);

    /** The clip levelled: exactly what {@link Loudness#normalise} gave for it. */
    public PcmClip apply(PcmClip clip) {
      return applies ? Limiter.limit(clip.amplified(gainDb), PEAK_CEILING_DBFS) : clip;
    }
  }

  /** Measures loudness of audio fed in pieces. Not thread-safe. */
  public static final class Meter {
    private final int channels;
    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int hop;
    private double hopEnergy;
    private int hopFill;
    private final List<Double> hops = new ArrayList<>();

    public Meter(PcmFormat format) {
      this.channels = format.channels();
      int rate = format.sampleRate();
      this.shelf = new Biquad[channels];
      this.highPass = new Biquad[channels];
      for (int c = 0; c < channels; c++) {
        shelf[c] = Biquad.kWeightingShelf(rate);
        highPass[c] = Biquad.kWeightingHighPass(rate);
      }
      this.hop = Math.round(rate * 0.1f);
    }

    /** Takes {@code frames} interleaved frames. */
    public void accept(float[] samples, int frames) {
      for (int f = 0; f < frames; f++) {
        double sum = 0;
        for (int c = 0; c < channels; c++) {
          double y = highPass[c].filter(shelf[c].filter(samples[f * channels + c]));
          sum += y * y;
        }
        hopEnergy += sum;
        if (++hopFill == hop) {
          hops.add(hopEnergy / hop);
          hopEnergy = 0;
          hopFill = 0;
        }
      }
    }

    /** Integrated loudness of everything fed so far, in LUFS. */
    public double integratedLufs() {
      List<Double> blocks = new ArrayList<>();
      for (int i = 0; i + 4 <= hops.size(); i++) {
        double z = (hops.get(i) + hops.get(i + 1) + hops.get(i + 2) + hops.get(i + 3)) / 4;
        if (lufs(z) > ABSOLUTE_GATE_LUFS) {
          blocks.add(z);
        }
      }
      if (blocks.isEmpty()) {
        return Double.NEGATIVE_INFINITY;
      }
      double relativeGate = lufs(mean(blocks)) + RELATIVE_GATE_LU;
      List<Double> kept = new ArrayList<>();
      for (double z : blocks) {
        if (lufs(z) > relativeGate) {
          kept.add(z);
        }
      }
      return lufs(mean(kept));
    }

    private static double mean(List<Double> values) {
      double sum = 0;
      for (double v : values) {
        sum += v;
      }
      return sum / values.size();
    }

    private static double lufs(double meanSquare) {
      return -0.691 + 10 * Math.log10(meanSquare);
    }
  }

  /** A second-order IIR section in direct form I. */
  static final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    Biquad(double b0, double b1, double b2, double a1, double a2) {
      this.b0 = b0;
      this.b1 = b1;
      this.b2 = b2;
      this.a1 = a1;
      this.a2 = a2;
    }

    double filter(double x) {
      double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      return y;
    }

    /**
     * Stage 1 of K-weighting: the head's acoustic effect, a +4 dB high shelf around 1.68 kHz.
     * BS.1770 gives coefficients for 48 kHz; these are the analogue prototype's parameters fitted
     * to them, brought to any rate through the bilinear transform.
     */
    static Biquad kWeightingShelf(int rate) {
      double f0 = 1681.974450955533;
      double gainDb = 3.999843853973347;
      double q = 0.7071752369554196;
      double k = Math.tan(Math.PI * f0 / rate);
      double vh = Math.pow(10, gainDb / 20);
      double vb = Math.pow(vh, 0.4996667741545416);
      double a0 = 1 + k / q + k * k;
      return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
          2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }

    /** Stage 2 of K-weighting: the RLB high-pass near 38 Hz. */
    static Biquad kWeightingHighPass(int rate) {
      double f0 = 38.13547087602444;
      double q = 0.5003270373238773;
      double k = Math.tan(Math.PI * f0 / rate);
      double a0 = 1 + k / q + k * k;
      return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }
  }
}
