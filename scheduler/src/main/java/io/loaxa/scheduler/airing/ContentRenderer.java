package io.loaxa.scheduler.airing;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.Chimes;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.ProgrammeAudio;
import io.loaxa.audio.LineInput;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.Rebroadcasts;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Segment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a programme's segments into the audio that airs, in the station's output format: decoded
 * (a corrupt file fails here, before air time), resampled and levelled to one loudness. A recorded
 * file is measured when it is first rendered (the render ahead, half an hour before air) and the
 * gain found is kept, by the file's path, size and modification time: at pre-roll the file is
 * decoded and that gain applied, without measuring again. Thread-safe.
 */
public final class ContentRenderer {
  /** Gains kept for this many files; the oldest used is forgotten first. */
  private static final int LEVELLINGS_KEPT = 512;
  private final Path contentDir;
  private final PcmFormat format;
  private final AudioDecoder decoder;
  private final Rebroadcasts rebroadcasts;
  private final LineInput lineInput;
  private final Speaker speaker;
  private volatile double emergencyLufs = Loudness.STATION_TARGET_LUFS + 4;
  private final Map<FileIdentity, Loudness.Levelling> levellings = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FileIdentity, Loudness.Levelling> eldest) {
      return size() > LEVELLINGS_KEPT;
    }
  };

  /** A file as it was measured for a loudness target: an edit or a replacement changes its size or time. */
  private record FileIdentity(Path path, long size, FileTime modified, double targetLufs) {}

  /** Reads a text aloud in the station's output format (the station's speech, rendered ahead and cached). */
  @FunctionalInterface
  public interface Speaker {
    PcmClip speak(String text) throws AudioException;
  }

  /** A station that cannot read texts aloud: text segments fail with a clear reason. */
  public static final Speaker NO_SPEECH = text -> {
    throw new AudioException("this station has no speech engine for text segments");
  };

  /**
   * @param decoder reads recorded files end to end
   * @param rebroadcasts where rebroadcast streams come from
   * @param lineInput the sound card's line input
   * @param speaker reads text segments aloud ({@link #NO_SPEECH} for a station without speech)
   */
  public ContentRenderer(Path contentDir, PcmFormat format, AudioDecoder decoder, Rebroadcasts rebroadcasts,
      LineInput lineInput, Speaker speaker) {
    this.contentDir = contentDir;
    this.format = format;
    this.decoder = decoder;
    this.rebroadcasts = rebroadcasts;
    this.lineInput = lineInput;
    this.speaker = speaker;
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
    double target = targetOf(programme);
    audio.target(target);
    for (Segment segment : programme.segments()) {
      add(audio, segment, target, false);
    }
    return audio.clip();
  }

  /** How loud emergency programmes air (integrated loudness, LUFS); the others air at the station target. */
  public ContentRenderer emergencyLoudness(double lufs) {
    this.emergencyLufs = lufs;
    return this;
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
    double target = targetOf(programme);
    audio.target(target);
    try {
      for (Segment segment : programme.segments()) {
        add(audio, segment, target, true);
      }
    } catch (AudioException | RuntimeException e) {
      audio.discard(); // let go of streams already connected
      throw e;
    }
    return audio.source();
  }

  /** khẩn cấp: emergencies air louder than the day's programmes. */
  private double targetOf(Programme programme) {
    return programme.priority() == io.loaxa.schedules.Priority.EMERGENCY ? emergencyLufs : Loudness.STATION_TARGET_LUFS;
  }

  /** Chimes, speech and files are levelled to the programme's loudness target; gaps stay silent. */
  private void add(ProgrammeAudio.Builder audio, Segment segment, double target, boolean live) throws AudioException {
    if (segment instanceof Segment.Chime chime) {
      audio.add(Chimes.named(chime.name(), format)
          .orElseThrow(() -> new AudioException("unknown chime '" + chime.name() + "'")));
    } else if (segment instanceof Segment.File file) {
      audio.add(levelled(resolve(file.path()), target));
    } else if (segment instanceof Segment.Gap gap) {
      audio.gap(gap.length());
    } else if (segment instanceof Segment.Text text) {
      audio.add(speaker.speak(text.text()));
    } else if (segment instanceof Segment.Speech speech) {
      audio.add(speaker.speak(readText(resolve(speech.path()))));
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

  /** The file decoded, converted and levelled, measured only if it was not measured before. */
  private ProgrammeAudio.Part levelled(Path file, double target) throws AudioException {
    PcmClip clip = decoder.decode(file).convertTo(format);
    Optional<FileIdentity> identity = identify(file, target);
    Loudness.Levelling levelling;
    synchronized (levellings) {
      levelling = identity.map(levellings::get).orElse(null);
    }
    if (levelling == null) {
      levelling = Loudness.levelling(clip, target);
      if (identity.isPresent()) {
        synchronized (levellings) {
          levellings.put(identity.get(), levelling);
        }
      }
    }
    return ProgrammeAudio.Part.of(levelling.apply(clip)).asRecorded();
  }

  /**
   * Whether {@code path} was measured as it is now for the station target (by a render ahead), so
   * airing it only applies the gain.
   */
  public boolean measuredAhead(String path) {
    Optional<FileIdentity> identity = identify(resolve(path), Loudness.STATION_TARGET_LUFS);
    synchronized (levellings) {
      return identity.isPresent() && levellings.containsKey(identity.get());
    }
  }

  private static Optional<FileIdentity> identify(Path file, double targetLufs) {
    try {
      BasicFileAttributes a = java.nio.file.Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new FileIdentity(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime(), targetLufs));
    } catch (java.io.IOException e) {
      return Optional.empty(); // decoding it has already said what is wrong, or will
    }
  }

  private static String readText(Path file) throws AudioException {
    try {
      String text = io.loaxa.schedules.source.TextFiles.read(file, file.toString());
      if (text.isBlank()) {
        throw new AudioException("tệp văn bản " + file + " trống — text file " + file + " is empty");
      }
      return text;
    } catch (io.loaxa.schedules.source.SourceException e) {
      throw new AudioException(e.getMessage(), e);
    } catch (io.loaxa.schedules.source.UnreadableFileException e) {
      throw new AudioException(e.getMessage(), e);
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
