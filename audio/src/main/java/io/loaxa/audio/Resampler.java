package io.loaxa.audio;

import java.util.Arrays;

/**
 * Converts a stream of interleaved frames from one sample rate to another with a windowed-sinc
 * (Kaiser, 32 taps at the lower rate) interpolator, so speech rendered at 22.05 kHz or a 48 kHz
 * recording airs without the images and dulling of linear interpolation. Feed with {@link #push},
 * end with {@link #finish}; the output has no delay and {@code floor(in * outRate / inRate)} frames.
 * Not thread-safe.
 */
public final class Resampler {
  private static final int PHASES = 256;
  private static final int ZERO_CROSSINGS = 16;
  private static final double KAISER_BETA = 8.0;
  private static final double PASSBAND = 0.97;

  private final int inRate;
  private final int outRate;
  private final int channels;
  private final int halfWidth;
  private final float[][] table;
  private float[] pending = new float[0];
  private int pendingFrames;
  private long pendingBase;
  private long inTotal;
  private long nextOut;

  public Resampler(int inRate, int outRate, int channels) {
    if (inRate <= 0 || outRate <= 0 || channels <= 0) {
      throw new IllegalArgumentException("rates and channels must be positive");
    }
    int g = gcd(inRate, outRate);
    this.inRate = inRate / g;
    this.outRate = outRate / g;
    this.channels = channels;
    double cutoff = Math.min(1.0, (double) outRate / inRate) * PASSBAND;
    this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
    this.table = new float[PHASES + 1][2 * halfWidth];
    for (int p = 0; p <= PHASES; p++) {
      double frac = p / (double) PHASES;
      for (int k = 0; k < 2 * halfWidth; k++) {
        int j = k - halfWidth + 1;
        table[p][k] = (float) kernel(frac - j, cutoff, halfWidth);
      }
    }
  }

  private static double kernel(double distance, double cutoff, int halfWidth) {
    double x = distance / halfWidth;
    if (Math.abs(x) >= 1) {
      return 0;
    }
    double window = besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
    double arg = Math.PI * cutoff * distance;
    double sinc = Math.abs(arg) < 1e-12 ? 1 : Math.sin(arg) / arg;
    return cutoff * sinc * window;
  }

  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 50; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
      if (term < sum * 1e-12) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Converts a whole block of interleaved frames in one go. */
  public static float[] convert(float[] samples, int channels, int inRate, int outRate) {
    Resampler r = new Resampler(inRate, outRate, channels);
    float[] head = r.push(samples, samples.length / channels);
    float[] tail = r.finish();
    float[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Takes {@code frames} more input frames; returns the output frames they complete. */
  public float[] push(float[] input, int frames) {
    int needed = (pendingFrames + frames) * channels;
    if (pending.length < needed) {
      pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }
    System.arraycopy(input, 0, pending, pendingFrames * channels, frames * channels);
    pendingFrames += frames;
    inTotal += frames;
    return drain(false);
  }

  /** The output still owed for the input given, the input's end taken as silence. */
  public float[] finish() {
    return drain(true);
  }

  private float[] drain(boolean last) {
    long limit = last ? inTotal * outRate / inRate : Long.MAX_VALUE;
    long producible = 0;
    if (last) {
      producible = Math.max(0, limit - nextOut);
    } else {
      // output n needs input up to floor(n * in / out) + halfWidth
      long lastUsable = inTotal - 1 - halfWidth;
      if (lastUsable >= 0) {
        long maxOut = ((lastUsable + 1) * outRate - 1) / inRate;
        producible = Math.max(0, maxOut - nextOut + 1);
      }
    }
    float[] out = new float[Math.toIntExact(producible * channels)];
    double[] acc = new double[channels];
    for (int o = 0; o < producible; o++) {
      long num = nextOut * inRate;
      long i0 = num / outRate;
      double position = (num % outRate) / (double) outRate * PHASES;
      int phase = (int) position;
      float t = (float) (position - phase);
      float[] a = table[phase];
      float[] b = table[phase + 1];
      Arrays.fill(acc, 0);
      long first = i0 - halfWidth + 1;
      for (int k = 0; k < 2 * halfWidth; k++) {
        long index = first + k - pendingBase;
        if (index < 0 || index >= pendingFrames) {
          continue;
        }
        float weight = a[k] + (b[k] - a[k]) * t;
        int base = (int) index * channels;
        for (int c = 0; c < channels; c++) {
          acc[c] += pending[base + c] * weight;
        }
      }
      for (int c = 0; c < channels; c++) {
        out[o * channels + c] = (float) acc[c];
      }
      nextOut++;
    }
    long keepFrom = nextOut * inRate / outRate - halfWidth + 1;
    int drop = (int) Math.max(0, Math.min(pendingFrames, keepFrom - pendingBase));
    if (drop > 0) {
      System.arraycopy(pending, drop * channels, pending, 0, (pendingFrames - drop) * channels);
      pendingFrames -= drop;
      pendingBase += drop;
    }
    return out;
  }
}
