package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limiter that keeps levelled programmes under the station's peak ceiling. */
class LimiterTest {
  private static final double CEILING = Math.pow(10, -1.0 / 20);

  @Test
  void noSampleIsLeftAboveTheCeilingWhateverTheRateOrLayout() {
    Random random = new Random(5);
    for (PcmFormat format : List.of(new PcmFormat(22_050, 1), PcmFormat.STATION, new PcmFormat(48_000, 2),
        new PcmFormat(8_000, 1), new PcmFormat(11_025, 3))) {
      float[] s = Tones.speechLike(format, Duration.ofSeconds(5), format.sampleRate()).samples();
      for (int i = 0; i < s.length; i++) {
        s[i] *= 2.5f;
        if (random.nextInt(3000) == 0) {
          s[i] = random.nextBoolean() ? 3f : -3f;
        }
      }
      PcmClip limited = Limiter.limit(new PcmClip(format, s), -1.0);
      assertTrue(limited.peak() <= CEILING, format + " peak " + limited.peak());
    }
  }

  @Test
  void theGainComesDownAheadOfAPeakAndRecoversAfterIt() {
    PcmFormat format = new PcmFormat(48_000, 1);
    float[] s = Tones.sine(format, 1000, 0.5, Duration.ofSeconds(4)).samples();
    int click = 48_000;
    s[click] = 1.0f;
    PcmClip limited = Limiter.limit(new PcmClip(format, s), -6.0);
    double needed = Math.pow(10, -6.0 / 20);

    assertEquals(needed, Math.abs(limited.sample(click, 0)), 1e-3, "the click is brought to the ceiling");
    double atQuarterMsBefore = gainNear(limited, s, click - 12);
    assertTrue(atQuarterMsBefore < 0.6, "already down a quarter millisecond before: " + atQuarterMsBefore);
    double tenMsBefore = gainNear(limited, s, click - 480);
    assertEquals(1.0, tenMsBefore, 1e-6, "untouched well before the look-ahead");
    double hundredMsAfter = gainNear(limited, s, click + 4_800);
    assertTrue(hundredMsAfter > 0.6 && hundredMsAfter < 0.95, "recovering 100 ms after: " + hundredMsAfter);
    assertEquals(1.0, gainNear(limited, s, click + 96_000), 1e-5, "recovered within two seconds");
  }

  private static double gainNear(PcmClip limited, float[] original, int frame) {
    // the sine's largest sample within a millisecond, so the ratio is not taken near a zero crossing
    int best = frame;
    for (int f = frame - 24; f <= frame + 24; f++) {
      if (Math.abs(original[f]) > Math.abs(original[best])) {
        best = f;
      }
    }
    return limited.sample(best, 0) / original[best];
  }

  @Test
  void aClipUnderTheCeilingIsReturnedAsItIs() {
    PcmClip quiet = Tones.sine(PcmFormat.STATION, 440, 0.5, Duration.ofSeconds(1));
    assertSame(quiet, Limiter.limit(quiet, -1.0));
  }

  @Test
  void levellingTryingGainAfterGainSteersTheLimiterAsAFreshStartWould() {
    PcmClip speech = Tones.speechLike(new PcmFormat(22_050, 1), Duration.ofSeconds(20), 3);
    Loudness.Measurement m = Loudness.measure(speech);
    Limiter.Work work = new Limiter.Work(m.blocks());
    for (double gainDb : new double[] {12, 6, 18, 9}) {
      double gain = Math.pow(10, gainDb / 20);
      double[] reused = Limiter.gains(m.blocks(), m.blockPeaks(), gain, CEILING, work).clone();
      double[] fresh = Limiter.gains(m.blocks(), m.blockPeaks(), gain, CEILING);
      org.junit.jupiter.api.Assertions.assertArrayEquals(fresh, reused, "gain " + gainDb + " dB");
    }
  }

  @Test
  void aClipWrittenInPartsOnSeveralCoresIsTheClipWrittenInOne() {
    for (PcmFormat format : List.of(new PcmFormat(22_050, 1), new PcmFormat(44_100, 2))) {
      PcmClip speech = Tones.speechLike(format, Duration.ofSeconds(7), 9);
      Loudness.Measurement m = Loudness.measure(speech);
      double gain = Math.pow(10, 9.0 / 20);
      double[] limiting = Limiter.gains(m.blocks(), m.blockPeaks(), gain, CEILING);
      float[] one = Limiter.apply(speech, m.blocks(), gain, limiting, 1).samples();
      for (int parts : new int[] {2, 3, 7}) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(one, Limiter.apply(speech, m.blocks(), gain, limiting, parts).samples(),
            format + " in " + parts + " parts");
      }
    }
  }
}
