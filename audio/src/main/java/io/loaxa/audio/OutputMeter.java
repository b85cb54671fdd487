package io.loaxa.audio;

import java.util.Optional;

/**
 * The level meter on the sound card output: what the station is sending to the amplifier now.
 * Thread-safe; reading it allocates at most the returned value and never waits for the playing
 * thread.
 */
@FunctionalInterface
public interface OutputMeter {
  /** An output that does not measure what it plays. */
  OutputMeter NONE = Optional::empty;

  /**
   * The level of the last window handed to the device; empty when nothing plays (no play running,
   * or a play that has not yet written a full window).
   */
  Optional<OutputLevel> level();
}
