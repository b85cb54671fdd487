package io.loaxa.audio;

import java.util.List;

/**
 * Audio that is read as it airs rather than held whole: a programme joined from its parts, a
 * rebroadcast stream, the line input. Reads hand out interleaved float samples in [-1, 1] in
 * {@link #format()}. Not thread-safe: one playback reads it; {@link #close()} may come from any thread.
 */
public interface PcmSource extends AutoCloseable {
  PcmFormat format();

  /**
   * Fills up to {@code frames} frames into {@code target} from index 0.
   *
   * @return frames filled (at least 1 while audio remains), or -1 at the end. Live sources block
   *     for about as long as the audio they return lasts, never longer.
   * @throws AudioException when the audio cannot be had any more (a device lost); a rebroadcast
   *     that loses its stream fills silence and reports a dropout instead
   */
  int read(float[] target, int frames) throws AudioException;

  /** Stretches the source filled with silence because its far end was lost, so far. */
  default List<Gap> dropouts() {
    return List.of();
  }

  /** Idempotent, never throws. */
  @Override
  default void close() {}

  /** A clip read from its start. */
  static PcmSource of(PcmClip clip) {
    return new ClipSource(clip);
  }

  /** Sources read one after another, each converted to {@code format}. */
  static PcmSource sequence(PcmFormat format, List<PcmSource> parts) {
    return new SequenceSource(format, parts);
  }

  /**
   * This source ending after {@code length} at most, faded out over its last 200 ms when it is cut:
   * a programme's maximum duration, so nothing holds the air forever.
   */
  default PcmSource cappedAt(java.time.Duration length) {
    return new CappedSource(this, length);
  }

  /** This source in another format, channels mapped and rate converted as it is read. */
  default PcmSource convertedTo(PcmFormat target) {
    if (target.equals(format())) {
      return this;
    }
    return new ConvertedSource(this, target);
  }
}
