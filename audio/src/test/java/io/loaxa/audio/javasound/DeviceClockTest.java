package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The device clock fed as PulseAudio's ALSA plugin feeds it: a position that moves in 20 ms steps,
 * read every few milliseconds by a writer that is sometimes late.
 */
class DeviceClockTest {
  private static final int RATE = 44_100;
  private static final long MS = 1_000_000L;
  private static final int STEP = RATE / 50;
  private final Random random = new Random(7);

  /** A sound card that has played {@code (t - startNanos) * rate} frames, reported in whole steps. */
  private static long position(long nanos, long startNanos, double rate) {
    long played = (long) ((nanos - startNanos) / 1e9 * rate);
    return played / STEP * STEP;
  }

  @Test
  void aSteadyLineTellsWhenEachWrittenFrameIsHeard() {
    DeviceClock clock = new DeviceClock(RATE);
    long start = 5_000 * MS;
    for (long t = start; t < start + 2_000 * MS; t += (3 + random.nextInt(5)) * MS) {
      clock.observe(t, position(t, start, RATE));
    }
    long frame = 3 * RATE;
    long heard = clock.heardAt(frame);
    assertEquals(start + 3_000 * MS, heard, 1.5 * MS, "frame 3 s in is heard 3 s after the start");
    assertEquals(frame, clock.frameAt(heard), 1);
    assertEquals(0, clock.gaps());
  }

  @Test
  void positionsThatArriveLateAreNotMistakenForAGap() {
    DeviceClock clock = new DeviceClock(RATE);
    long start = 0;
    long t = start;
    for (; t < 2_000 * MS; t += 5 * MS) {
      clock.observe(t, position(t, start, RATE));
    }
    // the sound server is kept off the processor for 400 ms: the position it reports stands still,
    // then catches up; the sound card itself played on
    long stuck = position(t, start, RATE);
    for (long until = t + 400 * MS; t < until; t += 5 * MS) {
      clock.observe(t, stuck);
    }
    for (long until = t + 3_000 * MS; t < until; t += (2 + random.nextInt(20)) * MS) {
      clock.observe(t, position(t, start, RATE));
    }
    assertEquals(0, clock.gaps());
  }

  @Test
  void aLineThatRanDryAndResumedLaterIsCountedOnceWithItsLength() {
    DeviceClock clock = new DeviceClock(RATE);
    long t = 0;
    for (; t < 2_000 * MS; t += 5 * MS) {
      clock.observe(t, position(t, 0, RATE));
    }
    // nothing played for 120 ms (the position stands still), then everything is heard 120 ms later
    long stopped = position(t, 0, RATE);
    for (long until = t + 120 * MS; t < until; t += 5 * MS) {
      clock.observe(t, stopped);
    }
    for (long until = t + 3_000 * MS; t < until; t += 5 * MS) {
      clock.observe(t, stopped + position(t, until - 3_000 * MS, RATE));
    }
    assertEquals(1, clock.gaps());
    assertEquals(0.120, clock.lostSeconds(), 0.025, "the length, to within one step of the line");
  }

  @Test
  void aSoundCardWhoseCrystalRunsSlowIsNotHeardAsGaps() {
    DeviceClock clock = new DeviceClock(RATE);
    double slow = RATE * (1 - 100e-6);
    for (long t = 0; t < 600_000 * MS; t += 5 * MS) {
      clock.observe(t, position(t, 0, slow));
    }
    assertEquals(0, clock.gaps(), "ten minutes at 100 ppm slow fall 60 ms behind, smoothly");
  }

  @Test
  void aResetForgetsTheTimingButKeepsTheGapsCounted() {
    DeviceClock clock = new DeviceClock(RATE);
    long t = 0;
    for (; t < 2_000 * MS; t += 5 * MS) {
      clock.observe(t, position(t, 0, RATE));
    }
    long stopped = position(t, 0, RATE);
    long resumed = t + 200 * MS;
    for (long until = t + 3_000 * MS; t < until; t += 5 * MS) {
      clock.observe(t, t < resumed ? stopped : stopped + position(t, resumed, RATE));
    }
    clock.reset();
    assertTrue(!clock.ready());
    clock.observe(t, 0);
    assertTrue(clock.ready());
    assertEquals(1, clock.gaps());
  }
}
