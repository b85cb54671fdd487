package io.loaxa.testkit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * Listens to the test station's speakers for a whole test class: a {@link MonitorTap} on
 * {@code speakers.monitor} with the sink settled, so each test can ask what was heard between two
 * instants. Times come from the system clock, as the sound card keeps real time.
 */
public final class Speakers implements AutoCloseable {
  public static final Clock CLOCK = Clock.systemUTC();
  private final MonitorTap tap;

  private Speakers(MonitorTap tap) {
    this.tap = tap;
  }

  /** Starts the PulseAudio daemon if needed and listens; returns once the null sink has settled. */
  public static Speakers listen() throws IOException, InterruptedException {
    PulseAudioSink.ensureRunning();
    MonitorTap tap = MonitorTap.start("speakers.monitor", CLOCK);
    Speakers speakers = new Speakers(tap);
    speakers.await(CLOCK.instant().plusMillis(PulseAudioSink.SETTLE_MILLIS));
    return speakers;
  }

  /** Waits until what plays up to {@code until} (plus the monitor's own delay) has been recorded. */
  public void await(Instant until) throws IOException, InterruptedException {
    if (!tap.awaitHeard(until.plusMillis(50), Duration.between(CLOCK.instant(), until).plusSeconds(5))) {
      throw new IOException("the speakers' monitor stopped recording", tap.failure());
    }
  }

  /** What was heard from {@code from} to {@code to}, waiting for it; sample 0 is {@code from}. */
  public Signal heard(Instant from, Instant to) throws IOException, InterruptedException {
    await(to);
    float[] samples = tap.samples(tap.indexAt(from), tap.indexAt(to));
    return new Signal(samples, MonitorTap.RATE);
  }

  /**
   * Timing and length can only be judged when the machine let the sound card play without a
   * break; a starved card (the playback's count of underruns) aborts the test, saying so.
   */
  public static void requireUnbroken(long underruns) {
    Assumptions.assumeTrue(underruns == 0,
        "this machine starved the sound card (" + underruns + " underruns): timing cannot be judged");
  }

  /** The instant sample {@code index} of a signal taken from {@code from} was heard. */
  public Instant instantOf(Instant from, int index) {
    return tap.heardAt(tap.indexAt(from) + (long) index);
  }

  @Override
  public void close() {
    tap.close();
  }
}
