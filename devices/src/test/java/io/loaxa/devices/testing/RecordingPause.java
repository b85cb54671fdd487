package io.loaxa.devices.testing;

import io.loaxa.testkit.MutableClock;

import io.loaxa.devices.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pause that moves a mutable clock instead of sleeping, and remembers each wait. */
public final class RecordingPause implements Pause {
  private final MutableClock clock;
  private final List<Duration> pauses = new ArrayList<>();

  public RecordingPause(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void pause(Duration duration) {
    pauses.add(duration);
    clock.advance(duration);
  }

  public synchronized List<Duration> pauses() {
    return List.copyOf(pauses);
  }

  public synchronized Duration total() {
    return pauses.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
