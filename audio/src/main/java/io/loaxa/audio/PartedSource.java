package io.loaxa.audio;

/**
 * A programme's audio read part after part (one part per segment, in order) that can be told to end
 * at the end of the part being read: a higher-priority airing waiting for the running segment to
 * end. Says where the reading is, so a cut programme can be resumed at the segment it was cut in.
 * The control methods may be called from any thread.
 */
public interface PartedSource extends PcmSource {
  /** The source ends when the part being read ends (at once if it is between parts). */
  void endAfterCurrentPart();

  /** True once {@link #endAfterCurrentPart()} ended the source before its last part. */
  boolean endedEarly();

  /** The index of the part being read (0-based); the part count once every part was read. */
  int partIndex();

  /** Frames read from the part being read so far. */
  long framesIntoPart();
}
