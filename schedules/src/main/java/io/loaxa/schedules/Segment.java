package io.loaxa.schedules;

import java.time.Duration;
import java.util.Objects;

/** One part of a programme as it airs: a chime, a recorded file, a pause, … in the order written. */
public sealed interface Segment {

  /** The segment as the schedule file writes it, for logs and the content snapshot of a run. */
  String describe();

  /** A recorded audio file, path relative to the station's content folder or absolute. */
  record File(String path) implements Segment {
    public File {
      Objects.requireNonNull(path, "path");
      if (path.isBlank()) {
        throw new IllegalArgumentException("file segment needs a path");
      }
    }

    @Override
    public String describe() {
      return "file: " + path;
    }
  }

  /** A station chime (nhạc hiệu) by name; {@code default} is built in. */
  record Chime(String name) implements Segment {
    public Chime {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "chime: " + name;
    }
  }

  /** Silence between two segments. */
  record Gap(Duration length) implements Segment {
    public Gap {
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("gap must be positive: " + length);
      }
    }

    @Override
    public String describe() {
      return "gap: " + length;
    }
  }
}
