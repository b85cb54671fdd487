package io.loaxa.audio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A piece of decoded audio held in memory: interleaved float samples in [-1, 1]. Immutable by contract. */
public final class PcmClip {
  private final PcmFormat format;
  private final float[] samples;

  /** Takes ownership of {@code samples}; callers must not change the array afterwards. */
  public PcmClip(PcmFormat format, float[] samples) {
    this.format = Objects.requireNonNull(format, "format");
    this.samples = Objects.requireNonNull(samples, "samples");
    if (samples.length % format.channels() != 0) {
      throw new IllegalArgumentException("sample count " + samples.length + " is not whole frames of " + format.channels());
    }
  }

  public static PcmClip silence(PcmFormat format, Duration length) {
    long frames = length.toNanos() * format.sampleRate() / 1_000_000_000L;
    return new PcmClip(format, new float[Math.toIntExact(frames * format.channels())]);
  }

  /** Joins clips of the same format end to end. */
  public static PcmClip concat(PcmFormat format, List<PcmClip> clips) {
    int total = 0;
    for (PcmClip clip : clips) {
      if (!clip.format.equals(format)) {
        throw new IllegalArgumentException("clip format " + clip.format + " is not " + format);
      }
      total = Math.addExact(total, clip.samples.length);
    }
    float[] joined = new float[total];
    int at = 0;
    for (PcmClip clip : clips) {
      System.arraycopy(clip.samples, 0, joined, at, clip.samples.length);
      at += clip.samples.length;
    }
    return new PcmClip(format, joined);
  }

  public PcmFormat format() {
    return format;
  }

  public int frames() {
    return samples.length / format.channels();
  }

  public Duration duration() {
    return Duration.ofNanos(frames() * 1_000_000_000L / format.sampleRate());
  }

  /** The sample of {@code channel} in {@code frame}. */
  public float sample(int frame, int channel) {
    return samples[frame * format.channels() + channel];
  }

  /** A copy of the interleaved samples. */
  public float[] samples() {
    return samples.clone();
  }

  /** Copies frames {@code [fromFrame, fromFrame + count)} interleaved into {@code target}. */
  public void copyFrames(int fromFrame, int count, float[] target) {
    System.arraycopy(samples, fromFrame * format.channels(), target, 0, count * format.channels());
  }

  /** This clip in another format: channels mixed or copied, rate converted by linear interpolation. */
  public PcmClip convertTo(PcmFormat target) {
    if (target.equals(format)) {
      return this;
    }
    int inChannels = format.channels();
    int outChannels = target.channels();
    int inFrames = frames();
    long outFramesLong = (long) inFrames * target.sampleRate() / format.sampleRate();
    int outFrames = Math.toIntExact(outFramesLong);
    float[] out = new float[Math.multiplyExact(outFrames, outChannels)];
    double step = (double) format.sampleRate() / target.sampleRate();
    for (int f = 0; f < outFrames; f++) {
      double position = f * step;
      int i0 = (int) position;
      int i1 = Math.min(i0 + 1, inFrames - 1);
      float weight = (float) (position - i0);
      for (int c = 0; c < outChannels; c++) {
        float a = channelValue(i0, c, inChannels, outChannels);
        float b = channelValue(i1, c, inChannels, outChannels);
        out[f * outChannels + c] = a + (b - a) * weight;
      }
    }
    return new PcmClip(target, out);
  }

  private float channelValue(int frame, int outChannel, int inChannels, int outChannels) {
    if (inChannels == outChannels) {
      return samples[frame * inChannels + outChannel];
    }
    if (inChannels == 1) {
      return samples[frame];
    }
    if (outChannels == 1) {
      float sum = 0;
      for (int c = 0; c < inChannels; c++) {
        sum += samples[frame * inChannels + c];
      }
      return sum / inChannels;
    }
    return samples[frame * inChannels + Math.min(outChannel, inChannels - 1)];
  }
}
