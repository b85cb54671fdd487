package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameRingTest {
  /** Stereo frames whose left sample is {@code n / 1000.0} and right its negative. */
  private static float[] frames(int from, int count) {
    float[] s = new float[count * 2];
    for (int i = 0; i < count; i++) {
      s[2 * i] = ((from + i) % 1000) / 1000f;
      s[2 * i + 1] = -s[2 * i];
    }
    return s;
  }

  private static short left(byte[] data, int offset) {
    return (short) ((data[offset] & 0xFF) | (data[offset + 1] << 8));
  }

  @Test
  void framesComeOutAsSixteenBitsInTheOrderTheyWentInAcrossTheWrap() {
    FrameRing ring = new FrameRing(2, 100, 30);
    int next = 0;
    int checked = 0;
    for (int round = 0; round < 50; round++) {
      int n = Math.min(ring.space(), 17);
      ring.put(frames(next, n), n);
      next += n;
      int ready = ring.ready();
      long from = ring.taken();
      for (int i = 0; i < ready; i++) {
        int at = ring.offsetOf(from + i);
        float v = (checked % 1000) / 1000f;
        assertEquals(Math.round(v * 32767f), left(ring.data(), at), "frame " + checked);
        assertEquals(Math.round(-v * 32767f), left(ring.data(), at + 2), "frame " + checked);
        checked++;
      }
      ring.take(ready);
    }
    assertTrue(checked > 200, "the ring wrapped several times: " + checked);
  }

  @Test
  void theReaderStaysWithinItsReadAheadOfTheDevice() {
    FrameRing ring = new FrameRing(2, 1000, 50);
    assertEquals(50, ring.space());
    ring.put(frames(0, 50), 50);
    assertEquals(0, ring.space());
    assertThrows(IllegalStateException.class, () -> ring.put(frames(50, 1), 1));
    ring.take(20);
    assertEquals(20, ring.space());
  }

  @Test
  void whatTheDeviceMayStillHaveQueuedIsKeptForAStopFade() {
    FrameRing ring = new FrameRing(2, 100, 40);
    for (int i = 0; i < 10; i++) {
      ring.put(frames(i * 40, 40), 40);
      ring.take(40);
    }
    assertEquals(300, ring.kept(), "the last 100 frames handed on are kept");
    byte[] fade = new byte[10 * 4];
    ring.copy(350, 10, fade);
    byte[] expected = new byte[10 * 4];
    long from = 350;
    for (int i = 0; i < 10; i++) {
      System.arraycopy(ring.data(), ring.offsetOf(from + i), expected, i * 4, 4);
    }
    assertArrayEquals(expected, fade);
    assertEquals(Math.round(0.35f * 32767f), left(fade, 0));
    assertThrows(IllegalArgumentException.class, () -> ring.copy(299, 10, fade));
  }

  @Test
  void samplesBeyondFullScaleAreClipped() {
    FrameRing ring = new FrameRing(1, 10, 10);
    ring.put(new float[] {1.5f, -2f, 0.5f}, 3);
    assertEquals(32767, left(ring.data(), 0));
    assertEquals(-32767, left(ring.data(), 2));
    assertEquals(16384, left(ring.data(), 4));
  }
}
