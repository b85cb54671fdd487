package io.loaxa.schedules.source;

import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.TimeWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a person writes in the station's YAML files (station config, schedule file), read with
 * one set of spellings and one wording: each refusal is added as a {@link Problem} at the node it
 * concerns, and the caller goes on reading so the operator sees every problem at once. No method
 * returns null: a value is {@link Optional}, a list is empty when absent. Not thread-safe; one per
 * file read.
 */
public final class Fields {
  private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m(?:in)?)?\\s*(?:(\\d+)s)?");
  private static final Pattern VIETNAMESE_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  /** Whether a duration of zero makes sense for the field (a tolerance) or not (a length). */
  public enum Zero { ALLOWED, REFUSED }

  private final List<Problem> problems;

  /** Adds problems to {@code problems}, which the caller owns and reports. */
  public Fields(List<Problem> problems) {
    this.problems = problems;
  }

  /** Records a problem the caller found itself, beside the ones the fields found. */
  public void problem(Position at, String message) {
    problems.add(new Problem(at, message));
  }

  /** How many problems there are so far: compare before and after reading a part to tell whether it read clean. */
  public int count() {
    return problems.size();
  }

  // ---- keys of a mapping

  /** Each key of {@code m} that is not in {@code known}, refused at the key. */
  public void unknownKeys(Node.Mapping m, Set<String> known, String what) {
    for (Node.Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        problem(e.keyAt(), Bilingual.of("khóa lạ '" + e.key() + "' trong " + Bilingual.section(what) + "; các khóa dùng được: " + sorted(known),
            "unknown key '" + e.key() + "' in " + what + "; expected " + sorted(known)));
      }
    }
  }

  /** The value of {@code key}; refused at the mapping when the key is not written. */
  public Optional<Node> required(Node.Mapping m, String key, String what) {
    Optional<Node> n = m.get(key);
    if (n.isEmpty()) {
      problem(m.at(), Bilingual.of("thiếu '" + key + "' trong " + Bilingual.section(what), "missing '" + key + "' in " + what));
    }
    return n;
  }

  /** The value of {@code key} when it is written with a value; {@code key:} alone counts as not written. */
  public static Optional<Node> optional(Node.Mapping m, String key) {
    return m.get(key).filter(n -> !(n instanceof Node.Scalar s && s.isNull()));
  }

  // ---- shapes

  /** {@code n} as a mapping; otherwise refused as "WHAT is a mapping (key: value), not a list". */
  public Optional<Node.Mapping> mapping(Node n, String what) {
    return mapping(n, what, "key: value");
  }

  /** {@code n} as a mapping; otherwise refused as "WHAT is a mapping (KEYS), not a list". */
  public Optional<Node.Mapping> mapping(Node n, String what, String keys) {
    if (n instanceof Node.Mapping m) {
      return Optional.of(m);
    }
    problem(n.at(), Bilingual.of(Bilingual.subject(what) + " phải là một bảng (" + keys + "), không phải " + kind(n),
        what + " is a mapping (" + keys + "), not " + n.kind()));
    return Optional.empty();
  }

  /** The items of a list; empty for {@code key:} alone, and refused (also empty) for anything but a list. */
  public List<Node> items(Node n, String what) {
    if (n instanceof Node.Sequence seq) {
      return seq.items();
    }
    if (n instanceof Node.Scalar s && s.isNull()) {
      return List.of();
    }
    problem(n.at(), Bilingual.of(Bilingual.subject(what) + " phải là một danh sách, không phải " + kind(n),
        what + " must be a list, not " + n.kind()));
    return List.of();
  }

  // ---- single values

  /** The text of a single value exactly as written; refused when it is empty or a list or mapping. */
  public Optional<String> text(Node n, String what) {
    if (n instanceof Node.Scalar s) {
      if (s.isNull()) {
        problem(n.at(), Bilingual.of(Bilingual.subject(what) + " chưa có giá trị", what + " has no value"));
        return Optional.empty();
      }
      return Optional.of(s.text());
    }
    problem(n.at(), Bilingual.of(Bilingual.subject(what) + " phải là một giá trị đơn, không phải " + kind(n),
        what + " must be a single value, not " + n.kind()));
    return Optional.empty();
  }

  /** {@code true/false/yes/no/on/off}, in any case. */
  public Optional<Boolean> bool(Node n, String what) {
    return text(n, what).flatMap(t -> {
      Optional<Boolean> b = parseBoolean(t);
      if (b.isEmpty()) {
        problem(n.at(), Bilingual.of(Bilingual.subject(what) + " là true hoặc false, không phải '" + t + "'",
            what + " is true or false, not '" + t + "'"));
      }
      return b;
    });
  }

  /**
   * An ISO-8601 duration ({@code PT30M}) or the short form ({@code 1h30m}, {@code 90m}, {@code 45s});
   * never negative, and more than zero unless {@code zero} allows it.
   */
  public Optional<Duration> duration(Node n, String what, Zero zero) {
    return text(n, what).flatMap(t -> {
      Optional<Duration> d = parseDuration(t);
      if (d.isEmpty()) {
        problem(n.at(), Bilingual.of("thời lượng '" + t + "' của " + Bilingual.subject(what) + " không hợp lệ; hãy viết thời lượng ISO-8601"
            + " như PT30M, PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s",
            "bad " + what + " '" + t + "'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s"));
        return Optional.empty();
      }
      boolean zeroAllowed = zero == Zero.ALLOWED;
      if (d.get().isNegative() || (!zeroAllowed && d.get().isZero())) {
        problem(n.at(), Bilingual.of(Bilingual.subject(what) + " phải " + (zeroAllowed ? "từ 0 trở lên" : "lớn hơn 0") + ", không phải " + t,
            what + " must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", not " + t));
        return Optional.empty();
      }
      return d;
    });
  }

  /** A time of day {@code "HH:MM"} or {@code "HH:MM:SS"}, station local time. */
  public Optional<LocalTime> localTime(Node n, String what) {
    return text(n, what).flatMap(t -> {
      Optional<LocalTime> time = TimeWindow.parseTime(t);
      if (time.isEmpty()) {
        problem(n.at(), Bilingual.of("giờ '" + t + "' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\"",
            "bad time '" + t + "'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\""));
      }
      return time;
    });
  }

  /** A day {@code YYYY-MM-DD}, or {@code D/M/YYYY} as Vietnamese papers write it. */
  public Optional<LocalDate> localDate(Node n, String what) {
    return text(n, what).flatMap(t -> {
      Optional<LocalDate> d = parseDate(t);
      if (d.isEmpty()) {
        problem(n.at(), Bilingual.of("ngày '" + t + "' trong " + Bilingual.subject(what) + " không hợp lệ; hãy viết YYYY-MM-DD, ví dụ \"2026-02-17\"",
            "bad date '" + t + "' in " + what + "; write YYYY-MM-DD, e.g. \"2026-02-17\""));
      }
      return d;
    });
  }

  /** A whole number from {@code min} to {@code max}. */
  public Optional<Integer> integer(Node n, String what, int min, int max) {
    return text(n, what).flatMap(t -> {
      try {
        int value = Integer.parseInt(t.strip());
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // refused below with the range, the same as a number outside it
      }
      problem(n.at(), Bilingual.of(Bilingual.subject(what) + " là một số nguyên từ " + min + " đến " + max + ", không phải '" + t + "'",
          what + " is a whole number from " + min + " to " + max + ", not '" + t + "'"));
      return Optional.empty();
    });
  }

  /** A percentage of normal from {@code min} to {@code max}, written {@code 90} or {@code 90%}. */
  public Optional<Integer> percent(Node n, String what, int min, int max) {
    return text(n, what).flatMap(t -> {
      String digits = t.strip();
      digits = digits.endsWith("%") ? digits.substring(0, digits.length() - 1).strip() : digits;
      try {
        int value = Integer.parseInt(digits);
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // refused below with the range, the same as a number outside it
      }
      problem(n.at(), Bilingual.of(Bilingual.subject(what) + " là một tỉ lệ phần trăm từ " + min + " đến " + max + ", không phải '" + t + "'",
          what + " is a percentage from " + min + " to " + max + ", not '" + t + "'"));
      return Optional.empty();
    });
  }

  /** One of {@code choices}, written exactly so (surrounding spaces aside). */
  public Optional<String> oneOf(Node n, String what, List<String> choices) {
    return oneOf(n, what, t -> choices.contains(t.strip()) ? Optional.of(t.strip()) : Optional.empty(), or(choices));
  }

  /** What {@code parse} makes of the value; refused as "bad WHAT 'x'; write CHOICES" when it makes nothing. */
  public <T> Optional<T> oneOf(Node n, String what, Function<String, Optional<T>> parse, String choices) {
    return text(n, what).flatMap(t -> {
      Optional<T> v = parse.apply(t);
      if (v.isEmpty()) {
        problem(n.at(), Bilingual.of("giá trị '" + t + "' của " + Bilingual.subject(what) + " không hợp lệ; hãy viết " + Bilingual.choices(choices),
            "bad " + what + " '" + t + "'; write " + choices));
      }
      return v;
    });
  }

  // ---- the same, by key of a mapping: empty and no problem when the key is not written

  public Optional<String> text(Node.Mapping m, String key) {
    return m.get(key).flatMap(n -> text(n, key));
  }

  public Optional<Boolean> bool(Node.Mapping m, String key) {
    return m.get(key).flatMap(n -> bool(n, key));
  }

  public Optional<Duration> duration(Node.Mapping m, String key, Zero zero) {
    return m.get(key).flatMap(n -> duration(n, key, zero));
  }

  public Optional<Integer> integer(Node.Mapping m, String key, int min, int max) {
    return m.get(key).flatMap(n -> integer(n, key, min, max));
  }

  public Optional<Integer> percent(Node.Mapping m, String key, int min, int max) {
    return m.get(key).flatMap(n -> percent(n, key, min, max));
  }

  public Optional<String> oneOf(Node.Mapping m, String key, List<String> choices) {
    return m.get(key).flatMap(n -> oneOf(n, key, choices));
  }

  public <T> Optional<T> oneOf(Node.Mapping m, String key, Function<String, Optional<T>> parse, String choices) {
    return m.get(key).flatMap(n -> oneOf(n, key, parse, choices));
  }

  // ---- spellings, for values read outside a tree

  /** {@code true/false/yes/no/on/off}, in any case, spaces around ignored. */
  public static Optional<Boolean> parseBoolean(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> Optional.of(true);
      case "false", "no", "off" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** ISO-8601 ({@code PT30M}, in any case) or the short form {@code 1h30m}, {@code 90m}, {@code 2h}, {@code 45s}. */
  public static Optional<Duration> parseDuration(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
      if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
        return Optional.empty();
      }
      try {
        long seconds = 0;
        seconds = Math.addExact(seconds, m.group(1) == null ? 0 : Math.multiplyExact(Long.parseLong(m.group(1)), 3600));
        seconds = Math.addExact(seconds, m.group(2) == null ? 0 : Math.multiplyExact(Long.parseLong(m.group(2)), 60));
        seconds = Math.addExact(seconds, m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        return Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException | ArithmeticException tooLong) {
        return Optional.empty(); // more digits than any length: refused as a bad duration
      }
    }
  }

  /** {@code YYYY-MM-DD} or {@code D/M/YYYY}. */
  public static Optional<LocalDate> parseDate(String text) {
    String s = text.strip();
    try {
      Matcher vn = VIETNAMESE_DATE.matcher(s);
      if (vn.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)), Integer.parseInt(vn.group(1))));
      }
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  // ---- message parts

  /** "; known WHAT: a, b, c" for an unknown name, at most twelve names shown; empty when none are known. */
  public static String known(String what, List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    return "; known " + (what.isEmpty() ? "" : what + ": ") + shown(names);
  }

  /** The Vietnamese of {@link #known}: "; đã có WHAT: a, b, c". */
  public static String knownVi(String what, List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    return "; đã có " + (what.isEmpty() ? "" : what + ": ") + shown(names);
  }

  private static String shown(List<String> names) {
    List<String> shown = names.size() > 12 ? names.subList(0, 12) : names;
    return String.join(", ", shown) + (names.size() > 12 ? ", …" : "");
  }

  /** What a node is, as the Vietnamese half says it. */
  static String kind(Node n) {
    if (n instanceof Node.Mapping) {
      return "một bảng";
    }
    return n instanceof Node.Sequence ? "một danh sách" : "một giá trị";
  }

  /** "a, b or c". */
  public static String or(List<String> choices) {
    if (choices.size() <= 1) {
      return String.join("", choices);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
