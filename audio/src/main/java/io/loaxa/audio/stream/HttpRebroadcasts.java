package io.loaxa.audio.stream;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Rebroadcasts;
import java.net.URI;
import java.time.Duration;

/**
 * Rebroadcasts from HTTP/Icecast MP3 streams ({@link HttpRebroadcast}): connected when the airing
 * is prepared, which fails at once for a stream that cannot be had; the prebuffer fills during the
 * amplifier's warm-up.
 */
public final class HttpRebroadcasts implements Rebroadcasts {
  private final AudioDecoder decoder;
  private final PcmFormat format;
  private final HttpRebroadcast.Settings settings;

  public HttpRebroadcasts(AudioDecoder decoder, PcmFormat format, HttpRebroadcast.Settings settings) {
    this.decoder = decoder;
    this.format = format;
    this.settings = settings;
  }

  @Override
  public PcmSource connect(URI url, Duration length) throws AudioException {
    return HttpRebroadcast.start(url, length, decoder, format, settings);
  }
}
