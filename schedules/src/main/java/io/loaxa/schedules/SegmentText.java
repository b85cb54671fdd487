package io.loaxa.schedules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line text form of a segment ({@code chime: default}, {@code file: x.wav}, {@code gap: PT2S},
 * {@code text: …}, {@code speech: a.txt}, {@code rebroadcast: PT30M http://…}, {@code lineIn: PT10M}),
 * as stored with a programme and shown in a run's content snapshot. Inline text keeps its line breaks
 * as {@code \n}, so every segment stays on one line.
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
        return new Segment.Gap(length(value, number));
      case "text":
        return new Segment.Text(unescape(value, number));
      case "speech":
        return new Segment.Speech(value);
      case "lineIn":
        return new Segment.LineIn(length(value, number));
      case "rebroadcast": {
        int space = value.indexOf(' ');
        if (space < 0) {
          throw new IllegalArgumentException("segment line " + number + ": rebroadcast needs 'LENGTH URL'");
        }
        return new Segment.Rebroadcast(value.substring(space + 1).strip(), length(value.substring(0, space), number));
      }
      default:
        throw new IllegalArgumentException("segment line " + number + ": unknown kind '" + kind + "'");
    }
  }

  private static Duration length(String value, int number) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("segment line " + number + ": bad length '" + value + "'", e);
    }
  }

  private static String unescape(String value, int number) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == value.length()) {
        throw new IllegalArgumentException("segment line " + number + ": text ends in a lone '\\'");
      }
      char next = value.charAt(i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case '\\' -> out.append('\\');
        default -> throw new IllegalArgumentException("segment line " + number + ": unknown escape '\\" + next + "'");
      }
    }
    return out.toString();
  }
}
