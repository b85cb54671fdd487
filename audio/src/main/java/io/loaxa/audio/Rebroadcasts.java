package io.loaxa.audio;

import java.net.URI;
import java.time.Duration;

/** Where rebroadcast (tiếp âm) sound comes from: another station's live stream, by address. */
public interface Rebroadcasts {
  /**
   * Connects ahead of air time and returns once audio arrives; it goes on buffering until the
   * first read, so the airing can start on the planned second.
   * The source lasts exactly {@code length}; a stream lost while airing is filled with silence
   * and reported in {@link PcmSource#dropouts()}.
   *
   * @throws AudioException when the stream cannot be had before air time, saying why
   */
  PcmSource connect(URI url, Duration length) throws AudioException;
}
