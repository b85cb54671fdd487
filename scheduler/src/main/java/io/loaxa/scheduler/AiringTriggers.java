package io.loaxa.scheduler;

import io.loaxa.scheduler.airing.AiringRunner;

import io.loaxa.schedules.PlannedAiringKey;
import java.time.Duration;
import java.time.Instant;

/** Decides when planned airings fire; what airs is the {@link AiringRunner}'s business. */
public interface AiringTriggers extends AutoCloseable {
  /**
   * Starts firing; {@code refresh} runs every {@code refreshEvery} to plan what came into the horizon.
   */
  void start(Runnable refresh, Duration refreshEvery);

  /** Fires the airing at {@code fireAt} (at once when past). Planning the same key twice does nothing. */
  void plan(PlannedAiringKey key, Instant fireAt, Trigger trigger);

  /**
   * True while the firing thread is alive: started, not stopped, and its heartbeat recent. The
   * service manager's watchdog is fed only while this holds.
   */
  boolean healthy();

  /** Drops the trigger of an airing the schedule no longer has; a key without a trigger is left alone. */
  void cancel(PlannedAiringKey key);

  /** Holds every planned airing's trigger (the clock cannot be trusted); housekeeping goes on. */
  void hold();

  /** Lets held triggers fire again; those whose time passed fire at once and meet the late-tolerance rule. */
  void release();

  /** Keys that will still fire. */
  java.util.Set<String> pending();

  /** Stops firing; waits up to {@code grace} for running airings. Idempotent. */
  void stop(Duration grace);

  @Override
  default void close() {
    stop(Duration.ZERO);
  }
}
