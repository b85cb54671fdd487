package io.loaxa.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MonitorTapTest {
  /** A sound server 300 parts per million fast against the system clock: 60 ms in 200 s. */
  private static final double DRIFT = 3e-4;
  private static final int BLOCK = 441;

  /** The system's time as the tap's reader sees it: set by the recording just before each block arrives. */
  private static final class ArrivalClock extends Clock {
    volatile long nanos;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(0, nanos);
    }
  }

  /**
   * A recording of {@code blocks} blocks of 10 ms: sample {@code i} is captured at
   * {@code i / (RATE × (1 + DRIFT))} s and its block arrives 2 ms later, or 2–40 ms later now and
   * then, or 150 ms later once in a while (the reader kept off the processor).
   */
  private static final class DriftingRecording extends InputStream {
    private final ArrivalClock clock;
    private final int blocks;
    private final Random random = new Random(7);
    private int sent;

    DriftingRecording(ArrivalClock clock, int blocks) {
      this.clock = clock;
      this.blocks = blocks;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent == blocks) {
        return -1;
      }
      sent++;
      long samples = (long) sent * BLOCK;
      double captured = samples / (MonitorTap.RATE * (1 + DRIFT));
      int roll = random.nextInt(100);
      double late = roll < 60 ? 0.002 : roll < 98 ? 0.002 + random.nextDouble() * 0.038 : 0.150;
      clock.nanos = Math.round((captured + late) * 1e9);
      java.util.Arrays.fill(b, off, off + BLOCK * 2, (byte) 0);
      return BLOCK * 2;
    }
  }

  private static double heardSeconds(MonitorTap tap, long index) {
    Instant at = tap.heardAt(index);
    return at.getEpochSecond() + at.getNano() / 1e9;
  }

  @Test
  void aSampleLateInALongRecordingIsDatedByTheBlocksAroundItNotByTheFirstOnes() throws Exception {
    ArrivalClock clock = new ArrivalClock();
    MonitorTap tap = new MonitorTap(null, new DriftingRecording(clock, 20_000), clock); // 200 s
    tap.close();
    assertEquals(20_000 * BLOCK, tap.count());
    for (long index : new long[] {44_100L * 5, 44_100L * 100, 44_100L * 190}) {
      double truth = index / (MonitorTap.RATE * (1 + DRIFT));
      double error = heardSeconds(tap, index) - truth;
      // one bound for the whole recording would be 57 ms off at 190 s
      assertTrue(Math.abs(error) < 0.003, "sample " + index + " dated " + error * 1e3 + " ms off");
      long back = tap.indexAt(tap.heardAt(index));
      assertTrue(Math.abs(back - index) <= 1, "index " + index + " read back as " + back);
    }
  }
}
