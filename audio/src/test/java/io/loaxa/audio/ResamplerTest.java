package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  @Test
  void speechRenderedAt22kHzKeepsItsPitchLevelAndLengthAtTheStationRate() {
    PcmClip speech = Tones.sine(new PcmFormat(22_050, 1), 5000, 0.5, Duration.ofSeconds(1));
    PcmClip aired = speech.convertTo(PcmFormat.STATION);
    assertEquals(44_100, aired.frames());
    assertEquals(0.5, Tones.amplitudeAt(aired, 5000, 4410, 44_100 - 4410), 0.005);
    // linear interpolation leaves an image of the tone mirrored about 11.025 kHz at -12 dB or so
    assertTrue(Tones.amplitudeAt(aired, 17_050, 4410, 44_100 - 4410) < 0.5 * 0.001, "image above -60 dB");
  }

  @Test
  void a48kHzRecordingIsBroughtDownWithoutAliasing() {
    PcmClip recording = Tones.sine(new PcmFormat(48_000, 2), 1000, 0.5, Duration.ofSeconds(1));
    PcmClip aired = recording.convertTo(PcmFormat.STATION);
    assertEquals(44_100, aired.frames());
    assertEquals(0.5, Tones.amplitudeAt(aired, 1000, 4410, 40_000), 0.005);
  }

  @Test
  void streamingInPiecesGivesTheSameSamplesAsConvertingAtOnce() {
    PcmClip clip = Tones.sine(new PcmFormat(16_000, 1), 440, 0.5, Duration.ofMillis(700));
    float[] whole = Resampler.convert(clip.samples(), 1, 16_000, 44_100);
    Resampler r = new Resampler(16_000, 44_100, 1);
    float[] all = clip.samples();
    float[] pieces = new float[0];
    for (int at = 0; at < all.length; at += 333) {
      int n = Math.min(333, all.length - at);
      float[] part = new float[n];
      System.arraycopy(all, at, part, 0, n);
      pieces = join(pieces, r.push(part, n));
    }
    pieces = join(pieces, r.finish());
    assertEquals(whole.length, pieces.length);
    for (int i = 0; i < whole.length; i++) {
      assertEquals(whole[i], pieces[i], 1e-6, "sample " + i);
    }
  }

  private static float[] join(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
