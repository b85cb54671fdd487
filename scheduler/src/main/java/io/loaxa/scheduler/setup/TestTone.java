package io.loaxa.scheduler.setup;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.time.Duration;

/**
 * The installer's test tone: a steady 1 kHz sine at -10 dBFS with short fades, loud enough to find on
 * a meter or in a speaker, soft enough not to startle a hamlet on a line test.
 */
public final class TestTone {
  public static final double HZ = 1000;
  public static final Duration LENGTH = Duration.ofMillis(1500);
  static final float AMPLITUDE = (float) Math.pow(10, -10 / 20.0);
  private static final double FADE_SECONDS = 0.02;

  private TestTone() {}

  public static PcmClip clip() {
    PcmFormat format = PcmFormat.STATION;
    int frames = (int) (format.sampleRate() * LENGTH.toMillis() / 1000);
    float[] samples = new float[frames * format.channels()];
    int fade = (int) (format.sampleRate() * FADE_SECONDS);
    for (int i = 0; i < frames; i++) {
      double envelope = Math.min(1.0, Math.min(i, frames - 1 - i) / (double) fade);
      float v = (float) (AMPLITUDE * envelope * Math.sin(2 * Math.PI * HZ * i / format.sampleRate()));
      for (int c = 0; c < format.channels(); c++) {
        samples[i * format.channels() + c] = v;
      }
    }
    return new PcmClip(format, samples);
  }

  /** Plays the tone to its end on {@code output}. */
  public static void play(SoundOutput output) throws AudioException {
    PcmClip tone = clip();
    try (SoundOutput.OpenLine line = output.open(tone.format())) {
      line.play(tone, new StopToken());
    }
  }
}
