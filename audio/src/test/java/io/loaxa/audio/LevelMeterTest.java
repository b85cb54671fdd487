package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LevelMeterTest {
  private static final PcmFormat FORMAT = PcmFormat.STATION;
  private static final double MINUS_6_DB = Math.pow(10, -6 / 20.0);

  @Test
  void aSineSixDecibelsBelowFullScalePeaksAtMinusSixAndItsRmsIsThreeLower() {
    LevelMeter meter = new LevelMeter();
    meter.start(FORMAT.sampleRate());
    PcmClip sine = Tones.sine(FORMAT, 1000, MINUS_6_DB, Duration.ofMillis(250));
    meter.measure(sine.samples(), sine.frames(), FORMAT.channels());

    OutputLevel level = meter.level().orElseThrow();
    assertEquals(-6.0, level.peakDbfs(), 0.1);
    assertEquals(-9.03, level.rmsDbfs(), 0.1);
  }

  @Test
  void sixteenBitFramesReadAsTheSameLevelAsTheirSamples() {
    LevelMeter meter = new LevelMeter();
    meter.start(FORMAT.sampleRate());
    PcmClip sine = Tones.sine(FORMAT, 440, MINUS_6_DB, Duration.ofMillis(100));
    byte[] pcm = new byte[sine.samples().length * 2];
    for (int i = 0; i < sine.samples().length; i++) {
      int s = Math.round(sine.samples()[i] * 32767);
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    meter.measure16(pcm, 0, sine.frames(), FORMAT.channels());

    assertEquals(-6.0, meter.level().orElseThrow().peakDbfs(), 0.1);
  }

  @Test
  void digitalSilenceReadsAtTheFloor() {
    LevelMeter meter = new LevelMeter();
    meter.start(FORMAT.sampleRate());
    int frames = FORMAT.sampleRate() / 5;
    meter.measure(new float[frames * FORMAT.channels()], frames, FORMAT.channels());

    assertEquals(new OutputLevel(OutputLevel.FLOOR_DBFS, OutputLevel.FLOOR_DBFS), meter.level().orElseThrow());
  }

  @Test
  void readsNothingBeforeAWholeWindowAndAfterThePlayEnds() {
    LevelMeter meter = new LevelMeter();
    meter.start(FORMAT.sampleRate());
    PcmClip sine = Tones.sine(FORMAT, 1000, 0.5, Duration.ofMillis(60));
    meter.measure(sine.samples(), sine.frames(), FORMAT.channels());
    assertTrue(meter.level().isEmpty(), "60 ms is not a window yet");

    meter.measure(sine.samples(), sine.frames(), FORMAT.channels());
    assertTrue(meter.level().isPresent());
    meter.idle();
    assertTrue(meter.level().isEmpty());
  }
}
