package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessTest {
  private static final PcmFormat STEREO_48K = new PcmFormat(48_000, 2);

  private static double dbfs(double db) {
    return Math.pow(10, db / 20);
  }

  @Test
  void aStereoSineAtMinus23DbfsMeasuresMinus23Lufs() {
    // EBU Tech 3341 case 1 and 2: 1 kHz sine, both channels, peak -23 / -33 dBFS
    PcmClip at23 = Tones.sine(STEREO_48K, 1000, dbfs(-23), Duration.ofSeconds(20));
    PcmClip at33 = Tones.sine(STEREO_48K, 1000, dbfs(-33), Duration.ofSeconds(20));
    assertEquals(-23.0, Loudness.integratedLufs(at23), 0.1);
    assertEquals(-33.0, Loudness.integratedLufs(at33), 0.1);
  }

  @Test
  void theMeterGivesTheSameReadingAtTheStationRate() {
    PcmClip at23 = Tones.sine(PcmFormat.STATION, 1000, dbfs(-23), Duration.ofSeconds(10));
    assertEquals(-23.0, Loudness.integratedLufs(at23), 0.1);
  }

  @Test
  void quietPassagesBelowTheRelativeGateDoNotPullTheReadingDown() {
    // EBU Tech 3341 case 3: -36, -23, -36 dBFS for 10, 60, 10 s reads -23 LUFS
    PcmClip clip = PcmClip.concat(STEREO_48K, List.of(
        Tones.sine(STEREO_48K, 1000, dbfs(-36), Duration.ofSeconds(10)),
        Tones.sine(STEREO_48K, 1000, dbfs(-23), Duration.ofSeconds(60)),
        Tones.sine(STEREO_48K, 1000, dbfs(-36), Duration.ofSeconds(10))));
    assertEquals(-23.0, Loudness.integratedLufs(clip), 0.1);
  }

  @Test
  void silenceHasNoLoudness() {
    assertEquals(Double.NEGATIVE_INFINITY,
        Loudness.integratedLufs(PcmClip.silence(PcmFormat.STATION, Duration.ofSeconds(2))));
  }

  @Test
  void lowFrequenciesCountLessThanTheVoiceBand() {
    PcmClip low = Tones.sine(PcmFormat.STATION, 30, dbfs(-20), Duration.ofSeconds(5));
    PcmClip voice = Tones.sine(PcmFormat.STATION, 1000, dbfs(-20), Duration.ofSeconds(5));
    assertTrue(Loudness.integratedLufs(low) < Loudness.integratedLufs(voice) - 3);
  }

  @Test
  void aQuietRecordingIsBroughtUpToTheStationTargetWithoutClipping() {
    PcmClip quiet = Tones.sine(PcmFormat.STATION, 440, dbfs(-40), Duration.ofSeconds(5));
    PcmClip levelled = Loudness.normalise(quiet, Loudness.STATION_TARGET_LUFS);
    assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(levelled), 0.1);
    assertTrue(levelled.peak() <= dbfs(Loudness.PEAK_CEILING_DBFS) + 1e-4);
  }

  @Test
  void peaksThatTheGainWouldPushOverTheCeilingAreLimited() {
    // a quiet bed with a loud click every second: levelling the bed would clip the clicks
    PcmClip bed = Tones.sine(PcmFormat.STATION, 300, dbfs(-40), Duration.ofSeconds(4));
    float[] s = bed.samples();
    for (int second = 0; second < 4; second++) {
      for (int i = 0; i < 20; i++) {
        s[(second * 44_100 + 1000 + i) * 2] = 0.5f;
        s[(second * 44_100 + 1000 + i) * 2 + 1] = 0.5f;
      }
    }
    PcmClip levelled = Loudness.normalise(new PcmClip(PcmFormat.STATION, s), -16);
    assertTrue(levelled.peak() <= dbfs(Loudness.PEAK_CEILING_DBFS) + 1e-4, "peak " + levelled.peak());
    assertEquals(-16, Loudness.integratedLufs(levelled), 0.5);
  }

  @Test
  void theStationMeterAgreesWithTheStandardsOwnFiltersAndBlocks() {
    PcmFormat mono48k = new PcmFormat(48_000, 1);
    for (long seed = 1; seed <= 3; seed++) {
      PcmClip speech = Tones.speechLike(seed == 3 ? STEREO_48K : mono48k, Duration.ofSeconds(20), seed);
      assertEquals(ReferenceLoudness.integratedLufs(speech), Loudness.integratedLufs(speech), 0.02, "seed " + seed);
    }
  }

  @Test
  void peakySpeechIsLevelledToTheTargetAsAnIndependentMeterReadsIt() {
    PcmClip speech = Tones.speechLike(new PcmFormat(48_000, 1), Duration.ofSeconds(30), 2);
    PcmClip levelled = Loudness.normalise(speech, Loudness.STATION_TARGET_LUFS);
    assertEquals(Loudness.STATION_TARGET_LUFS, ReferenceLoudness.integratedLufs(levelled), 0.1);
    assertTrue(levelled.peak() <= dbfs(Loudness.PEAK_CEILING_DBFS), "peak " + levelled.peak());
    assertTrue(speech.peak() * dbfs(Loudness.STATION_TARGET_LUFS - Loudness.integratedLufs(speech))
        > dbfs(Loudness.PEAK_CEILING_DBFS) * 1.5, "the gain alone would have pushed peaks well over the ceiling");
  }

  @Test
  void levellingFindsTheTargetAtEveryRateAndLayout() {
    for (PcmFormat format : List.of(new PcmFormat(22_050, 1), new PcmFormat(8_000, 1), PcmFormat.STATION,
        new PcmFormat(32_000, 3))) {
      PcmClip speech = Tones.speechLike(format, Duration.ofSeconds(12), format.sampleRate());
      PcmClip levelled = Loudness.normalise(speech, -20);
      PcmClip measuredAfresh = new PcmClip(format, levelled.samples());
      assertEquals(-20, Loudness.integratedLufs(measuredAfresh), 0.1, format.toString());
      assertTrue(levelled.peak() <= dbfs(Loudness.PEAK_CEILING_DBFS), format + " peak " + levelled.peak());
    }
  }

  @Test
  void aMeterFedInUnevenPiecesReadsTheSameAsOneFedTheWholeClip() {
    PcmClip speech = Tones.speechLike(STEREO_48K, Duration.ofSeconds(6), 11);
    float[] s = speech.samples();
    Loudness.Meter meter = new Loudness.Meter(STEREO_48K);
    int at = 0;
    int[] pieces = {1, 3, 4801, 77, 65_536, 5};
    for (int i = 0; at < s.length; i++) {
      int n = Math.min(pieces[i % pieces.length], s.length - at);
      meter.accept(s, at, n);
      at += n;
    }
    PcmClip measuredInPieces = meter.clip(s.clone());
    assertEquals(Loudness.integratedLufs(speech), Loudness.integratedLufs(measuredInPieces), 1e-9);
    float[] levelledWhole = Loudness.normalise(speech, -16).samples();
    float[] levelledPieces = Loudness.normalise(measuredInPieces, -16).samples();
    org.junit.jupiter.api.Assertions.assertArrayEquals(levelledWhole, levelledPieces);
  }

  @Test
  void aMeasurementCannotBeHungOnSamplesOfAnotherLength() {
    Loudness.Meter meter = new Loudness.Meter(PcmFormat.STATION);
    meter.accept(new float[882], 0, 882);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> meter.clip(new float[880]));
  }

  @Test
  void oneVoiceOnBothSidesReadsThreeDecibelsAboveItOnOneChannel() {
    // the one-channel meter has its own fast path: it must agree with the general one
    PcmClip mono = Tones.speechLike(new PcmFormat(22_050, 1), Duration.ofSeconds(15), 21);
    PcmClip stereo = mono.convertTo(new PcmFormat(22_050, 2));
    assertEquals(Loudness.integratedLufs(mono) + 10 * Math.log10(2), Loudness.integratedLufs(stereo), 1e-9);
  }

  @Test
  void aLevellingMeasuredAheadGivesAtAirTimeExactlyWhatLevellingThenWouldHave() {
    PcmFormat f = PcmFormat.STATION;
    // a quiet talk (gain alone) and a peaky recording (gain, then the limiter, then make-up rounds)
    PcmClip quiet = Tones.sine(f, 300, dbfs(-40), Duration.ofSeconds(3));
    PcmClip peaky = PcmClip.concat(f, List.of(Tones.sine(f, 440, dbfs(-30), Duration.ofSeconds(3)),
        Tones.sine(f, 440, dbfs(-2), Duration.ofMillis(50)), Tones.sine(f, 440, dbfs(-30), Duration.ofSeconds(3))));
    for (PcmClip clip : List.of(quiet, peaky)) {
      Loudness.Levelling ahead = Loudness.levelling(clip, Loudness.STATION_TARGET_LUFS);
      assertTrue(ahead.applies());
      float[] now = Loudness.normalise(clip, Loudness.STATION_TARGET_LUFS).samples();
      float[] later = ahead.apply(new PcmClip(f, clip.samples())).samples();
      assertEquals(now.length, later.length);
      for (int i = 0; i < now.length; i++) {
        assertEquals(now[i], later[i], 0f, "sample " + i);
      }
    }
    PcmClip blip = Tones.sine(f, 440, 0.5, Duration.ofMillis(200));
    assertEquals(Loudness.Levelling.NONE, Loudness.levelling(blip, Loudness.STATION_TARGET_LUFS),
        "too short to measure: left as it is");
  }
}
