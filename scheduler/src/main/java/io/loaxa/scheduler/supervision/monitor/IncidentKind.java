package io.loaxa.scheduler.supervision.monitor;

import io.loaxa.audio.monitor.MonitorIncidentKind;

/** The incidents (sự cố) the on-air monitor reports. */
public enum IncidentKind {
  /** Im lặng: the lines are silent while a programme plays. */
  DEAD_AIR,
  /** The lines carry something other than the programme. */
  MISMATCH,
  /** Phát ngoài lịch: audio on the lines while nothing airs. */
  AUDIO_OUTSIDE_SCHEDULE,
  /** A hamlet line the morning self-test did not hear. */
  LINE_FAILED_SELF_TEST;

  static IncidentKind of(MonitorIncidentKind kind) {
    return switch (kind) {
      case DEAD_AIR -> DEAD_AIR;
      case MISMATCH -> MISMATCH;
      case AUDIO_OUTSIDE_SCHEDULE -> AUDIO_OUTSIDE_SCHEDULE;
    };
  }
}
