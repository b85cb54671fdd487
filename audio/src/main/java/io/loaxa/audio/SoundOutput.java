package io.loaxa.audio;

/** The sound card output that feeds the amplifier. */
public interface SoundOutput {
  /** The device name as configured ({@code default} or a Java Sound mixer name), for messages. */
  String name();

  /**
   * Opens and starts the device ahead of air time so device start-up does not delay the first sample.
   *
   * @throws AudioException when there is no usable sound device (none, or none by the configured
   *     name); the message says so plainly and lists what there is. The runner may retry.
   */
  OpenLine open(PcmFormat format) throws AudioException;

  /** The level of what this output plays now; {@link OutputMeter#NONE} for an output that does not measure. */
  default OutputMeter meter() {
    return OutputMeter.NONE;
  }

  /** An opened output; one airing at a time. Not thread-safe except {@link StopToken}. */
  interface OpenLine extends AutoCloseable {
    /**
     * Plays {@code source} to its end, blocking until it has been heard or {@code stop} was
     * requested; a stop takes effect within 200 ms with a short fade-out. With
     * {@link Cue#startAt()} set and the call made ahead of it (half a second or more), the device
     * is primed with silence so the first sample is heard at that instant; called late, the play
     * starts at once. The source is not closed.
     *
     * @throws AudioException when the device or the source fails mid-play
     */
    Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException;

    /** Plays {@code clip} now. */
    default Playback play(PcmClip clip, StopToken stop) throws AudioException {
      return play(PcmSource.of(clip), stop, Cue.now());
    }

    /** Plays {@code clip} as {@code cue} says. */
    default Playback play(PcmClip clip, StopToken stop, Cue cue) throws AudioException {
      return play(PcmSource.of(clip), stop, cue);
    }

    /** Idempotent, never throws. */
    @Override
    void close();
  }
}
