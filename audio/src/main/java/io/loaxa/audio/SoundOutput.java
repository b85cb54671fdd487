package io.loaxa.audio;

/** The sound card output that feeds the amplifier. */
public interface SoundOutput {
  /** The device name as configured ({@code default} or a Java Sound mixer name), for messages. */
  String name();

  /**
   * Opens and starts the device ahead of air time so device start-up does not delay the first sample.
   *
   * @throws AudioException when there is no usable sound device; the message says so plainly
   */
  OpenLine open(PcmFormat format) throws AudioException;

  /** An opened output; one airing at a time. Not thread-safe except {@link StopToken}. */
  interface OpenLine extends AutoCloseable {
    /**
     * Plays {@code clip} now, blocking until it has been heard or {@code stop} was requested.
     *
     * @throws AudioException when the device fails mid-play
     */
    Playback play(PcmClip clip, StopToken stop) throws AudioException;

    /** Idempotent, never throws. */
    @Override
    void close();
  }
}
