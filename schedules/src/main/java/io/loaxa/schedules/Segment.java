package io.loaxa.schedules;

import java.time.Duration;
import java.util.Objects;

/**
 * One part of a programme as it airs, in the order written: a chime, a recorded file, speech (inline
 * text or a text file), a rebroadcast stream, the line input, a pause. Paths may hold {@code {topic}},
 * replaced by the topic of the month for the rotating CCHC programme (see {@link #withTopic}).
 */
public sealed interface Segment {

  /** The segment as the schedule file writes it, for logs and the content snapshot of a run. */
  String describe();

  /** How long it airs when the schedule says so (stream, line-in, gap); empty when the content decides. */
  default java.util.Optional<Duration> statedLength() {
    return java.util.Optional.empty();
  }

  /** The same segment with {@code {topic}} in its path or text replaced by {@code topic}. */
  default Segment withTopic(String topic) {
    return this;
  }

  /** The placeholder a path or text names the month's CCHC topic by. */
  String TOPIC = "{topic}";

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

    @Override
    public Segment withTopic(String topic) {
      return new File(path.replace(TOPIC, topic));
    }
  }

  /** Text the station speaks (giọng đọc), written inline in the schedule. */
  record Text(String text) implements Segment {
    public Text {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("text segment needs words to speak");
      }
      text = text.strip();
    }

    @Override
    public String describe() {
      return "text: " + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public Segment withTopic(String topic) {
      return new Text(text.replace(TOPIC, topic));
    }
  }

  /** A text file the station speaks, path relative to the station's content folder or absolute. */
  record Speech(String path) implements Segment {
    public Speech {
      Objects.requireNonNull(path, "path");
      if (path.isBlank()) {
        throw new IllegalArgumentException("speech segment needs a path");
      }
    }

    @Override
    public String describe() {
      return "speech: " + path;
    }

    @Override
    public Segment withTopic(String topic) {
      return new Speech(path.replace(TOPIC, topic));
    }
  }

  /** A relay (tiếp âm) of a radio stream, e.g. VOV1, for a fixed length. */
  record Rebroadcast(String url, Duration length) implements Segment {
    public Rebroadcast {
      Objects.requireNonNull(url, "url");
      if (url.isBlank() || url.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("rebroadcast needs a stream address without spaces: '" + url + "'");
      }
      positive(length, "rebroadcast length");
    }

    @Override
    public String describe() {
      return "rebroadcast: " + length + " " + url;
    }

    @Override
    public java.util.Optional<Duration> statedLength() {
      return java.util.Optional.of(length);
    }
  }

  /** The sound card's line input passed through (a receiver, a mixer), for a fixed length. */
  record LineIn(Duration length) implements Segment {
    public LineIn {
      positive(length, "line-in length");
    }

    @Override
    public String describe() {
      return "lineIn: " + length;
    }

    @Override
    public java.util.Optional<Duration> statedLength() {
      return java.util.Optional.of(length);
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

    @Override
    public java.util.Optional<Duration> statedLength() {
      return java.util.Optional.of(length);
    }
  }

  private static void positive(Duration length, String what) {
    Objects.requireNonNull(length, what);
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + length);
    }
  }
}
