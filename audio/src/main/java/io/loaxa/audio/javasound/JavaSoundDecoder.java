package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmSource;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The station's decoder ({@link JavaSoundFiles}): WAV and MP3 files through Java Sound, Ogg Vorbis
 * and FLAC files through their own pure-Java decoders, live MP3 streams through Java Sound.
 */
public final class JavaSoundDecoder implements AudioDecoder {
  @Override
  public PcmClip decode(Path file) throws AudioException {
    return JavaSoundFiles.decode(file);
  }

  @Override
  public PcmSource stream(InputStream in, String name) throws AudioException {
    return JavaSoundFiles.stream(in, name);
  }
}
