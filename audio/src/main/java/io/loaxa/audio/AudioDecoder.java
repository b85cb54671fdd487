package io.loaxa.audio;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Turns recorded audio into PCM: files from the content library (WAV, MP3, Ogg Vorbis, FLAC) and
 * the bytes of a rebroadcast stream. Decoding a file reads it end to end, so calling {@link #decode} when content
 * is rendered ahead of air time is also the check that it is whole: a corrupt or truncated file
 * fails then, never at air time.
 */
public interface AudioDecoder {
  /**
   * The whole file as a clip in its own format.
   *
   * @throws AudioException naming the file and what is wrong with it: missing, not audio, an
   *     unsupported encoding, truncated, or corrupt (with the byte offset where it goes wrong)
   */
  PcmClip decode(Path file) throws AudioException;

  /**
   * A live MP3 stream decoded as its bytes arrive; reads block on {@code in}. {@code name} is
   * used in messages (the stream's address).
   *
   * @throws AudioException when the start of the stream is not MP3
   */
  PcmSource stream(InputStream in, String name) throws AudioException;
}
