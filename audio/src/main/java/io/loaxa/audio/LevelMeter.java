package io.loaxa.audio;

import java.time.Duration;
import java.util.Optional;

/**
 * An {@link OutputMeter} fed by the output itself, one block at a time as the block goes to the
 * device: peak and sum of squares are kept while a {@link #WINDOW} fills and the window's level is
 * then published in one volatile field (both figures packed in a {@code long}), so the playing
 * thread never locks, allocates or copies a sample, and a reader on another thread sees a whole
 * window's level or nothing. Measuring is for one playing thread at a time; reading is for any.
 */
public final class LevelMeter implements OutputMeter {
  /** How much audio one reading covers. */
  public static final Duration WINDOW = Duration.ofMillis(100);
  private static final long NOTHING = Long.MIN_VALUE;

  private volatile long published = NOTHING;
  private int windowFrames = 4_800;
  private int framesIn;
  private long samplesIn;
  private double sumOfSquares;
  private float peak;

  /** A play at {@code sampleRate} starts: nothing measured yet. Called by the playing thread. */
  public void start(int sampleRate) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate " + sampleRate);
    }
    windowFrames = (int) Math.max(1, WINDOW.toMillis() * sampleRate / 1000);
    clear();
    published = NOTHING;
  }

  /** Measures {@code frames} frames of 16-bit little-endian signed PCM from {@code offset}, as they go to the device. */
  public void measure16(byte[] pcm, int offset, int frames, int channels) {
    int at = offset;
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        float s = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)) / 32768f;
        at += 2;
        add(s);
      }
      frameDone();
    }
  }

  /** Measures {@code frames} interleaved frames of samples in −1..1. */
  public void measure(float[] samples, int frames, int channels) {
    int at = 0;
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        add(samples[at++]);
      }
      frameDone();
    }
  }

  /** The play ended: the meter reads nothing until the next one writes a window. */
  public void idle() {
    clear();
    published = NOTHING;
  }

  @Override
  public Optional<OutputLevel> level() {
    long p = published;
    if (p == NOTHING) {
      return Optional.empty();
    }
    return Optional.of(new OutputLevel(Float.intBitsToFloat((int) (p >>> 32)), Float.intBitsToFloat((int) p)));
  }

  private void add(float s) {
    sumOfSquares += (double) s * s;
    samplesIn++;
    float a = Math.abs(s);
    if (a > peak) {
      peak = a;
    }
  }

  private void frameDone() {
    if (++framesIn < windowFrames) {
      return;
    }
    double meanSquare = sumOfSquares / samplesIn;
    float peakDbfs = (float) dbfs(peak, 20);
    float rmsDbfs = (float) dbfs(meanSquare, 10);
    published = ((long) Float.floatToIntBits(peakDbfs) << 32) | (Float.floatToIntBits(rmsDbfs) & 0xFFFF_FFFFL);
    clear();
  }

  private static double dbfs(double value, double factor) {
    if (value <= 0) {
      return OutputLevel.FLOOR_DBFS;
    }
    return Math.max(OutputLevel.FLOOR_DBFS, factor * Math.log10(value));
  }

  private void clear() {
    framesIn = 0;
    samplesIn = 0;
    sumOfSquares = 0;
    peak = 0;
  }
}
