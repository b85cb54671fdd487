package io.loaxa.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another process or thread brings about (a broker delivering, a daemon
 * connecting), checking every 20 ms: never for a schedule, which tests drive by their own clock.
 */
public final class Eventually {
  private Eventually() {}

  /** Returns once {@code done} holds; fails naming {@code what} if it does not within {@code within}. */
  public static void within(Duration within, BooleanSupplier done, String what) {
    within(within, done, () -> what);
  }

  /** As {@link #within(Duration, BooleanSupplier, String)}, with the failure's words made only when it fails. */
  public static void within(Duration within, BooleanSupplier done, Supplier<String> what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what.get());
      }
      LockSupport.parkNanos(20_000_000L);
    }
  }
}
