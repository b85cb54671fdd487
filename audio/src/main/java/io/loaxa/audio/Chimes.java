package io.loaxa.audio;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in station chimes (nhạc hiệu), generated rather than shipped so every station has one.
 * {@code default}: three rising notes, C5 E5 G5 (523.25, 659.26, 783.99 Hz), 0.35 s each with soft
 * edges, at -17 dBFS peak, which measures -17.9 LUFS: the station's loudness target, so levelling
 * leaves it as it is.
 */
public final class Chimes {
  public static final double[] DEFAULT_NOTES_HZ = {523.25, 659.26, 783.99};
  public static final Duration NOTE_LENGTH = Duration.ofMillis(350);
  /** Peak level of each note: -17 dBFS. */
  public static final double PEAK = Math.pow(10, -17 / 20.0);
  private static final double EDGE_SECONDS = 0.02;

  private Chimes() {}

  public static Optional<PcmClip> named(String name, PcmFormat format) {
    if (name.toLowerCase(Locale.ROOT).equals("default")) {
      return Optional.of(notes(DEFAULT_NOTES_HZ, NOTE_LENGTH, format));
    }
    return Optional.empty();
  }

  /** Pure sine notes one after another, each faded in and out over 20 ms so they do not click. */
  public static PcmClip notes(double[] frequenciesHz, Duration noteLength, PcmFormat format) {
    int rate = format.sampleRate();
    int noteFrames = (int) (noteLength.toNanos() * rate / 1_000_000_000L);
    int edge = (int) (EDGE_SECONDS * rate);
    int channels = format.channels();
    float[] out = new float[frequenciesHz.length * noteFrames * channels];
    for (int n = 0; n < frequenciesHz.length; n++) {
      double w = 2 * Math.PI * frequenciesHz[n] / rate;
      for (int i = 0; i < noteFrames; i++) {
        double envelope = Math.min(1.0, Math.min(i, noteFrames - 1 - i) / (double) edge);
        float v = (float) (PEAK * envelope * Math.sin(w * i));
        int base = (n * noteFrames + i) * channels;
        for (int c = 0; c < channels; c++) {
          out[base + c] = v;
        }
      }
    }
    return new PcmClip(format, out);
  }
}
