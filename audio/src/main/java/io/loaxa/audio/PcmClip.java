package io.loaxa.audio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A piece of decoded audio held in memory: interleaved float samples in [-1, 1]. Immutable by contract. */
public final class PcmClip {
  private final PcmFormat format;
  private final float[] samples;
  /** How many of {@code samples}, from the first, are the clip's. */
  private final int length;
  /** Its loudness, once measured: derived from the samples, so it never goes stale. */
  private Loudness.Measurement loudness;

  /** Takes ownership of {@code samples}; callers must not change the array afterwards. */
  public PcmClip(PcmFormat format, float[] samples) {
    this(format, samples, Objects.requireNonNull(samples, "samples").length);
  }

  private PcmClip(PcmFormat format, float[] samples, int length) {
    this.format = Objects.requireNonNull(format, "format");
    this.samples = Objects.requireNonNull(samples, "samples");
    if (length < 0 || length > samples.length) {
      throw new IllegalArgumentException("sample count " + length + " outside an array of " + samples.length);
    }
    if (length % format.channels() != 0) {
      throw new IllegalArgumentException("sample count " + length + " is not whole frames of " + format.channels());
    }
    this.length = length;
  }

  /**
   * The first {@code sampleCount} samples of {@code samples}: a decoder that grew its buffer while
   * the audio arrived hands it over without copying it to an array of the exact size. Takes
   * ownership of the whole array; callers must not change it afterwards.
   */
  public static PcmClip front(PcmFormat format, float[] samples, int sampleCount) {
    return new PcmClip(format, samples, sampleCount);
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
      total = Math.addExact(total, clip.length);
    }
    float[] joined = new float[total];
    int at = 0;
    for (PcmClip clip : clips) {
      System.arraycopy(clip.samples, 0, joined, at, clip.length);
      at += clip.length;
    }
    return new PcmClip(format, joined);
  }

  public PcmFormat format() {
    return format;
  }

  public int frames() {
    return length / format.channels();
  }

  public Duration duration() {
    return Duration.ofNanos(frames() * 1_000_000_000L / format.sampleRate());
  }

  /** The sample of {@code channel} in {@code frame}. */
  public float sample(int frame, int channel) {
    return samples[java.util.Objects.checkIndex(frame * format.channels() + channel, length)];
  }

  /**
   * The samples themselves, for the audio engine's own passes that only read them; the array may
   * run on past the clip's {@link #sampleCount()}.
   */
  float[] array() {
    return samples;
  }

  /** Interleaved samples in the clip: frames × channels. */
  int sampleCount() {
    return length;
  }

  Loudness.Measurement loudness() {
    return loudness;
  }

  void remember(Loudness.Measurement measurement) {
    if (measurement.frames() != frames() || !measurement.format().equals(format)) {
      throw new IllegalArgumentException("measurement of " + measurement.frames() + " frames does not fit a clip of " + frames());
    }
    loudness = measurement;
  }

  /** A copy of the interleaved samples. */
  public float[] samples() {
    return java.util.Arrays.copyOf(samples, length);
  }

  /** Copies frames {@code [fromFrame, fromFrame + count)} interleaved into {@code target}. */
  public void copyFrames(int fromFrame, int count, float[] target) {
    System.arraycopy(samples, fromFrame * format.channels(), target, 0, count * format.channels());
  }

  /**
   * This clip in another format: channels mapped (mono copied to both sides, stereo averaged to
   * mono) and the rate converted by {@link Resampler}.
   */
  public PcmClip convertTo(PcmFormat target) {
    if (target.equals(format)) {
      return this;
    }
    float[] mapped = Channels.map(samples, frames(), format.channels(), target.channels());
    if (format.sampleRate() != target.sampleRate()) {
      mapped = Resampler.convert(mapped, target.channels(), format.sampleRate(), target.sampleRate());
    }
    return new PcmClip(target, mapped);
  }

  /** This clip made louder (positive) or quieter (negative) by {@code gainDb} decibels. */
  public PcmClip amplified(double gainDb) {
    float factor = (float) Math.pow(10, gainDb / 20);
    float[] out = new float[length];
    for (int i = 0; i < out.length; i++) {
      out[i] = samples[i] * factor;
    }
    return new PcmClip(format, out);
  }

  /** The highest absolute sample value, 0 for silence. */
  public float peak() {
    float peak = 0;
    for (int i = 0; i < length; i++) {
      peak = Math.max(peak, Math.abs(samples[i]));
    }
    return peak;
  }
}
