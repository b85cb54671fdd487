package io.loaxa.scheduler;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Chimes;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.ProgrammeAudio;
import io.loaxa.audio.javasound.JavaSoundFiles;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Segment;
import java.nio.file.Path;

/**
 * Turns a programme's segments into the audio that airs, in the station's output format: decoded
 * (a corrupt file fails here, before air time), resampled and levelled to one loudness.
 */
public final class ContentRenderer {
  private final Path contentDir;
  private final PcmFormat format;

  public ContentRenderer(Path contentDir, PcmFormat format) {
    this.contentDir = contentDir;
    this.format = format;
  }

  /** Where a file segment's path points: relative paths are inside the content folder. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : contentDir.resolve(p).normalize();
  }

  /**
   * Renders every segment, end to end.
   *
   * @throws AudioException naming the segment that cannot be rendered
   */
  public PcmClip render(Programme programme) throws AudioException {
    ProgrammeAudio.Builder audio = ProgrammeAudio.in(format);
    for (Segment segment : programme.segments()) {
      add(audio, segment);
    }
    return audio.clip();
  }

  /**
   * The programme as the runner plays it, read as it airs. Everything is rendered ahead today;
   * live segments (rebroadcast, line input) will join here as live parts.
   *
   * @throws AudioException naming the segment that cannot be prepared
   */
  public PcmSource prepare(Programme programme) throws AudioException {
    return PcmSource.of(render(programme));
  }

  /** Chimes and files are levelled to the station's loudness target; gaps stay silent. */
  private void add(ProgrammeAudio.Builder audio, Segment segment) throws AudioException {
    if (segment instanceof Segment.Chime chime) {
      audio.add(Chimes.named(chime.name(), format)
          .orElseThrow(() -> new AudioException("unknown chime '" + chime.name() + "'")));
    } else if (segment instanceof Segment.File file) {
      audio.add(JavaSoundFiles.decode(resolve(file.path())));
    } else if (segment instanceof Segment.Gap gap) {
      audio.gap(gap.length());
    } else {
      throw new AudioException("segment kind not supported by this station: " + segment.describe());
    }
  }
}
