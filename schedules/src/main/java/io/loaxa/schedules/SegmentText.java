package io.loaxa.schedules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line text form of a segment ({@code chime: default}, {@code file: x.wav}, {@code gap: PT2S}),
 * as stored with a programme and shown in a run's content snapshot.
 */
public final class SegmentText {
  private SegmentText() {}

  public static String format(List<Segment> segments) {
    return String.join("\n", segments.stream().map(Segment::describe).toList());
  }

  /** Reads lines written by {@link #format}; throws {@link IllegalArgumentException} naming the line. */
  public static List<Segment> parse(String text) {
    List<Segment> segments = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      segments.add(parseLine(line, i + 1));
    }
    return segments;
  }

  private static Segment parseLine(String line, int number) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("segment line " + number + " has no 'kind:' prefix: " + line);
    }
    String kind = line.substring(0, colon).strip();
    String value = line.substring(colon + 1).strip();
    switch (kind) {
      case "file":
        return new Segment.File(value);
      case "chime":
        return new Segment.Chime(value);
      case "gap":
        try {
          return new Segment.Gap(Duration.parse(value));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("segment line " + number + ": bad gap length '" + value + "'", e);
        }
      default:
        throw new IllegalArgumentException("segment line " + number + ": unknown kind '" + kind + "'");
    }
  }
}
