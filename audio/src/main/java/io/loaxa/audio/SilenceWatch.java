package io.loaxa.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches audio on its way to the amplifier for stretches quieter than {@link Cue#SILENCE_DBFS}
 * lasting at least a given length: a dead stream, a silent file, a tuner with no signal. Not
 * thread-safe.
 */
public final class SilenceWatch {
  private static final float THRESHOLD = (float) Math.pow(10, Cue.SILENCE_DBFS / 20);
  private final int rate;
  private final long minFrames;
  private final List<Gap> found = new ArrayList<>();
  private long position;
  private long runStart = -1;

  public SilenceWatch(int rate, Duration minLength) {
    this.rate = rate;
    this.minFrames = minLength.toNanos() * rate / 1_000_000_000L;
  }

  /** Takes the next {@code frames} interleaved frames. */
  public void accept(float[] samples, int frames, int channels) {
    for (int f = 0; f < frames; f++) {
      boolean quiet = true;
      for (int c = 0; c < channels; c++) {
        if (Math.abs(samples[f * channels + c]) >= THRESHOLD) {
          quiet = false;
          break;
        }
      }
      if (quiet) {
        if (runStart < 0) {
          runStart = position;
        }
      } else if (runStart >= 0) {
        close(position);
      }
      position++;
    }
  }

  /** The silent stretches found, the one still running included. */
  public List<Gap> finish() {
    if (runStart >= 0) {
      close(position);
    }
    return List.copyOf(found);
  }

  private void close(long end) {
    if (end - runStart >= minFrames) {
      found.add(new Gap(toDuration(runStart), toDuration(end - runStart),
          "output below " + (int) Cue.SILENCE_DBFS + " dBFS"));
    }
    runStart = -1;
  }

  private Duration toDuration(long frames) {
    return Duration.ofNanos(frames * 1_000_000_000L / rate);
  }
}
