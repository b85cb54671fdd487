package io.loaxa.scheduler;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Chimes;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.javasound.JavaSoundFiles;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a programme's segments into the audio that airs, in the station's output format. */
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
    List<PcmClip> parts = new ArrayList<>();
    for (Segment segment : programme.segments()) {
      parts.add(render(segment));
    }
    return PcmClip.concat(format, parts);
  }

  private PcmClip render(Segment segment) throws AudioException {
    if (segment instanceof Segment.Chime chime) {
      return Chimes.named(chime.name(), format)
          .orElseThrow(() -> new AudioException("unknown chime '" + chime.name() + "'"));
    }
    if (segment instanceof Segment.File file) {
      return JavaSoundFiles.decode(resolve(file.path())).convertTo(format);
    }
    if (segment instanceof Segment.Gap gap) {
      return PcmClip.silence(format, gap.length());
    }
    throw new AudioException("segment kind not supported by this station: " + segment.describe());
  }
}
