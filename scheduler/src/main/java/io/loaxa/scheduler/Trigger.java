package io.loaxa.scheduler;

/** What started an airing run. */
public enum Trigger {
  /** A planned airing fired on schedule. */
  SCHEDULED,
  /** The operator aired something now ({@code loaxa air}). */
  MANUAL,
  /** A planned airing aired late after a restart, within its late tolerance. */
  CATCH_UP,
  /** The rest or a new start of an airing cut off by a higher priority, once the air was free. */
  AFTER_PREEMPTION
}
