package io.loaxa.devices;

import java.time.Duration;
import java.util.Objects;

/**
 * How carefully the switchboard switches.
 *
 * @param attempts tries per zone before it is failed for this airing (1 = no retry)
 * @param retryPause wait before each retry, letting a busy board or a noisy bus settle
 * @param stagger wait between zones switching on, to limit the inrush of many speaker transformers
 *     at once; zero switches all of a board's zones in one go where the board allows
 * @param maxOn longest a line may stay on when the caller names no limit; the watchdog switches a line
 *     off past it
 * @param reassertEvery how often lines on boards that cannot read back are told their state again
 */
public record SwitchPolicy(int attempts, Duration retryPause, Duration stagger, Duration maxOn, Duration reassertEvery) {
  /** Three tries 200 ms apart, no stagger, four hours at most, re-assert every minute. */
  public static final SwitchPolicy DEFAULT =
      new SwitchPolicy(3, Duration.ofMillis(200), Duration.ZERO, Duration.ofHours(4), Duration.ofMinutes(1));

  public SwitchPolicy {
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("attempts out of range 1..10: " + attempts);
    }
    for (Duration d : new Duration[] {retryPause, stagger, maxOn, reassertEvery}) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration in switch policy: " + d);
      }
    }
    if (maxOn.isZero() || reassertEvery.isZero()) {
      throw new IllegalArgumentException("maxOn and reassertEvery must be longer than zero");
    }
  }

  public SwitchPolicy withAttempts(int n) {
    return new SwitchPolicy(n, retryPause, stagger, maxOn, reassertEvery);
  }

  public SwitchPolicy withRetryPause(Duration d) {
    return new SwitchPolicy(attempts, d, stagger, maxOn, reassertEvery);
  }

  public SwitchPolicy withStagger(Duration d) {
    return new SwitchPolicy(attempts, retryPause, d, maxOn, reassertEvery);
  }

  public SwitchPolicy withMaxOn(Duration d) {
    return new SwitchPolicy(attempts, retryPause, stagger, d, reassertEvery);
  }

  public SwitchPolicy withReassertEvery(Duration d) {
    return new SwitchPolicy(attempts, retryPause, stagger, maxOn, d);
  }
}
