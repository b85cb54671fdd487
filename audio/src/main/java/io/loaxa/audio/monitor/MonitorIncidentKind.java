package io.loaxa.audio.monitor;

/** What the monitor caught. */
public enum MonitorIncidentKind {
  /** The monitor is silent while the programme plays: the amplifier or the lines carry nothing. */
  DEAD_AIR,
  /** The monitor carries something, but its loudness does not follow the programme's. */
  MISMATCH,
  /** The monitor carries audio while nothing airs: a stuck relay, a foreign signal. */
  AUDIO_OUTSIDE_SCHEDULE
}
