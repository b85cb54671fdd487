package io.loaxa.audio;

import java.time.Duration;

/** The sound card's line input: an FM tuner or a mixer wired in, passed through to the amplifier. */
public interface LineInput {
  /**
   * Opens the input ahead of air time; reading the source captures live for exactly {@code length}.
   * What arrived before the first read is dropped, so the airing carries live sound.
   *
   * @throws AudioException when there is no such capture device; the message lists those there are
   */
  PcmSource open(PcmFormat format, Duration length) throws AudioException;
}
