package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Clips handed over in the front of a decoder's larger buffer. */
class PcmClipTest {
  private static final PcmFormat STEREO = new PcmFormat(8_000, 2);

  @Test
  void aClipInTheFrontOfALargerBufferIsOnlyWhatItHolds() {
    float[] buffer = {0.1f, -0.2f, 0.3f, -0.4f, 0.9f, 0.9f, 0.9f, 0.9f};
    PcmClip clip = PcmClip.front(STEREO, buffer, 4);

    assertEquals(2, clip.frames());
    assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, -0.4f}, clip.samples());
    assertEquals(0.4f, clip.peak());
    assertArrayEquals(new float[] {0.2f, -0.4f, 0.6f, -0.8f}, clip.amplified(20 * Math.log10(2)).samples(), 1e-6f);
    assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, -0.4f, 0.1f, -0.2f, 0.3f, -0.4f},
        PcmClip.concat(STEREO, List.of(clip, clip)).samples());
    assertThrows(IndexOutOfBoundsException.class, () -> clip.sample(2, 0));
  }

  @Test
  void theFrontMustBeWholeFramesWithinTheBuffer() {
    assertThrows(IllegalArgumentException.class, () -> PcmClip.front(STEREO, new float[8], 3));
    assertThrows(IllegalArgumentException.class, () -> PcmClip.front(STEREO, new float[8], 10));
  }

  @Test
  void theFrontIsMeasuredAndLevelledWithoutTheRestOfTheBuffer() {
    PcmClip tone = Tones.sine(STEREO, 1000, 0.1, java.time.Duration.ofSeconds(3));
    float[] buffer = java.util.Arrays.copyOf(tone.samples(), tone.samples().length + 8_000);
    java.util.Arrays.fill(buffer, tone.samples().length, buffer.length, 1.0f);
    PcmClip front = PcmClip.front(STEREO, buffer, tone.samples().length);

    assertEquals(Loudness.integratedLufs(tone), Loudness.integratedLufs(front), 1e-9);
    assertArrayEquals(Loudness.normalise(tone, -20).samples(), Loudness.normalise(front, -20).samples());
  }
}
