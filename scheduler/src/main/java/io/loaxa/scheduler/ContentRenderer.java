package io.loaxa.scheduler;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Chimes;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.ProgrammeAudio;
import io.loaxa.audio.LineInput;
import io.loaxa.audio.Rebroadcasts;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.javasound.JavaSoundFiles;
import io.loaxa.audio.javasound.JavaSoundLineIn;
import io.loaxa.audio.stream.HttpRebroadcast;
import io.loaxa.audio.stream.HttpRebroadcasts;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Segment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Turns a programme's segments into the audio that airs, in the station's output format: decoded
 * (a corrupt file fails here, before air time), resampled and levelled to one loudness.
 */
public final class ContentRenderer {
  private final Path contentDir;
  private final PcmFormat format;
  private final Rebroadcasts rebroadcasts;
  private final LineInput lineInput;

  public ContentRenderer(Path contentDir, PcmFormat format) {
    this(contentDir, format, new HttpRebroadcasts(new JavaSoundDecoder(), format, HttpRebroadcast.Settings.DEFAULT),
        new JavaSoundLineIn(JavaSoundLineIn.DEFAULT));
  }

  /** With where rebroadcast streams and the line input come from. */
  public ContentRenderer(Path contentDir, PcmFormat format, Rebroadcasts rebroadcasts, LineInput lineInput) {
    this.contentDir = contentDir;
    this.format = format;
    this.rebroadcasts = rebroadcasts;
    this.lineInput = lineInput;
  }

  /** Where a file segment's path points: relative paths are inside the content folder. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : contentDir.resolve(p).normalize();
  }

  /**
   * Renders every segment, end to end: the check that a programme can air, made when it is planned
   * and again when it airs. Live segments are checked for their address only and render as silence
   * of their length.
   *
   * @throws AudioException naming the segment that cannot be rendered
   */
  public PcmClip render(Programme programme) throws AudioException {
    ProgrammeAudio.Builder audio = ProgrammeAudio.in(format);
    for (Segment segment : programme.segments()) {
      add(audio, segment, false);
    }
    return audio.clip();
  }

  /**
   * The programme as the runner plays it, read as it airs: recorded parts rendered now, a
   * rebroadcast connected now (it fills its buffer during the amplifier's warm-up), the line input
   * opened now.
   *
   * @throws AudioException naming the segment that cannot be prepared: a corrupt file, a stream
   *     that cannot be had, a missing line input
   */
  public PcmSource prepare(Programme programme) throws AudioException {
    ProgrammeAudio.Builder audio = ProgrammeAudio.in(format);
    try {
      for (Segment segment : programme.segments()) {
        add(audio, segment, true);
      }
    } catch (AudioException | RuntimeException e) {
      audio.discard(); // let go of streams already connected
      throw e;
    }
    return audio.source();
  }

  /** Chimes and files are levelled to the station's loudness target; gaps stay silent. */
  private void add(ProgrammeAudio.Builder audio, Segment segment, boolean live) throws AudioException {
    if (segment instanceof Segment.Chime chime) {
      audio.add(Chimes.named(chime.name(), format)
          .orElseThrow(() -> new AudioException("unknown chime '" + chime.name() + "'")));
    } else if (segment instanceof Segment.File file) {
      audio.add(JavaSoundFiles.decode(resolve(file.path())));
    } else if (segment instanceof Segment.Gap gap) {
      audio.gap(gap.length());
    } else if (segment instanceof Segment.Rebroadcast relay) {
      URI url = address(relay.url());
      if (live) {
        audio.addLive(rebroadcasts.connect(url, relay.length()), 0);
      } else {
        audio.gap(relay.length());
      }
    } else if (segment instanceof Segment.LineIn in) {
      if (live) {
        audio.addLive(lineInput.open(format, in.length()), 0);
      } else {
        audio.gap(in.length());
      }
    } else {
      throw new AudioException("segment kind not supported by this station: " + segment.describe());
    }
  }

  private static URI address(String url) throws AudioException {
    try {
      URI uri = new URI(url);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new AudioException("rebroadcast address must be http or https: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new AudioException("rebroadcast address is not a URL: " + url, e);
    }
  }
}
