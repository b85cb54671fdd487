package io.loaxa.scheduler;

/** How an airing run ended, as the airing log records it. */
public enum Outcome {
  /** Aired in full to every zone requested. */
  COMPLETED,
  /** Aired, but some zones could not be switched on. */
  PARTIAL,
  /** Cut short by a higher-priority airing. */
  PREEMPTED,
  /** Did not air or broke off; the reason says why. */
  FAILED,
  /** Its time passed beyond the late tolerance while the station was down or busy. */
  MISSED,
  /** The process died mid-airing; written at the next start. */
  INTERRUPTED,
  /** The operator cancelled it. */
  SKIPPED
}
