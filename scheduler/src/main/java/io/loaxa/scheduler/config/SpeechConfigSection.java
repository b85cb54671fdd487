package io.loaxa.scheduler.config;

import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.CommandEngine;
import io.loaxa.audio.speech.Region;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code speech:} block of a station config, adding every problem with its place:
 * <pre>
 * speech:
 *   engine: espeak-ng        # espeak-ng | freetts | command
 *   voice: vi                # vi | vi-vn-x-central | vi-vn-x-south
 *   rate: 100                # percent of normal; pitch and volume likewise
 *   region: north            # north | south (nghìn / ngàn, linh / lẻ)
 *   dictionary: tu-viet-tat.txt
 *   englishFallback: false   # consent to the English-only voice where espeak-ng is missing
 *   command: { name: piper-vi, run: [piper, --model, /opt/vi.onnx, --output_file, "{out}"], language: vi,
 *              voices: [vi], timeout: PT60S, sentenceBySentence: false }
 * </pre>
 */
final class SpeechConfigSection {
  private static final Set<String> KEYS = Set.of("engine", "voice", "rate", "pitch", "volume", "region", "dictionary",
      "englishFallback", "command");
  private static final Set<String> COMMAND_KEYS = Set.of("name", "run", "language", "voices", "timeout", "sentenceBySentence");

  private final List<Problem> problems;

  private SpeechConfigSection(List<Problem> problems) {
    this.problems = problems;
  }

  /** The speech settings, or the defaults without a block; problems are added to {@code problems}. */
  static SpeechConfig read(Optional<Node> block, List<Problem> problems) {
    if (block.isEmpty()) {
      return SpeechConfig.DEFAULT;
    }
    return new SpeechConfigSection(problems).speech(block.get());
  }

  private SpeechConfig speech(Node node) {
    if (!(node instanceof Node.Mapping m)) {
      problems.add(new Problem(node.at(), "speech: expected a mapping (engine, voice, …), found " + node.kind()));
      return SpeechConfig.DEFAULT;
    }
    unknown(m, KEYS, "speech");
    String engine = text(m, "engine").orElse(SpeechConfig.ESPEAK);
    Optional<CommandEngine> command = m.get("command").flatMap(this::command);
    if (!Set.of(SpeechConfig.ESPEAK, SpeechConfig.FREETTS, SpeechConfig.COMMAND).contains(engine)) {
      problems.add(new Problem(m.get("engine").orElseThrow().at(),
          "speech engine '" + engine + "' is unknown; use espeak-ng, freetts or command"));
      engine = SpeechConfig.ESPEAK;
    }
    if (engine.equals(SpeechConfig.COMMAND) && command.isEmpty()) {
      if (m.get("command").isEmpty()) {
        problems.add(new Problem(m.at(), "speech engine 'command' needs a 'command' block (name, run, language, voices)"));
      }
      engine = SpeechConfig.ESPEAK;
    }
    int rate = percent(m, "rate", 30, 300);
    int pitch = percent(m, "pitch", 0, 200);
    int volume = percent(m, "volume", 0, 200);
    Region region = Region.NORTH;
    Optional<Node.Scalar> regionNode = scalar(m, "region");
    if (regionNode.isPresent()) {
      try {
        region = Region.parse(regionNode.get().text());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(regionNode.get().at(), "speech " + e.getMessage()));
      }
    }
    boolean english = flag(m, "englishFallback");
    return new SpeechConfig(engine, text(m, "voice"), new SpeechSettings(rate, pitch, volume), region,
        text(m, "dictionary"), english, command);
  }

  private Optional<CommandEngine> command(Node node) {
    if (!(node instanceof Node.Mapping m)) {
      problems.add(new Problem(node.at(), "speech command: expected a mapping (name, run, language, voices), found " + node.kind()));
      return Optional.empty();
    }
    unknown(m, COMMAND_KEYS, "speech command");
    int before = problems.size();
    Optional<String> name = text(m, "name");
    if (name.isEmpty()) {
      problems.add(new Problem(m.at(), "speech command: missing 'name'"));
    }
    List<String> run = list(m, "run");
    if (run.isEmpty() && m.get("run").isEmpty()) {
      problems.add(new Problem(m.at(), "speech command: missing 'run' (the program and its arguments as a list)"));
    }
    List<String> voices = list(m, "voices");
    if (voices.isEmpty() && m.get("voices").isEmpty()) {
      problems.add(new Problem(m.at(), "speech command: missing 'voices' (at least one voice key)"));
    }
    String language = text(m, "language").orElse("vi");
    Duration timeout = Duration.ofSeconds(120);
    Optional<Node.Scalar> t = scalar(m, "timeout");
    if (t.isPresent()) {
      try {
        timeout = Duration.parse(t.get().text().strip());
        if (timeout.isNegative() || timeout.isZero()) {
          problems.add(new Problem(t.get().at(), "timeout: must be positive"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem(t.get().at(), "timeout: expected an ISO-8601 duration such as PT60S, found '" + t.get().text() + "'"));
      }
    }
    boolean perSentence = flag(m, "sentenceBySentence");
    if (problems.size() > before || name.isEmpty() || run.isEmpty() || voices.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CommandEngine(name.get(), run, language, voices, timeout, perSentence));
  }

  private int percent(Node.Mapping m, String key, int min, int max) {
    Optional<Node.Scalar> s = scalar(m, key);
    if (s.isEmpty()) {
      return 100;
    }
    try {
      int value = Integer.parseInt(s.get().text().strip().replace("%", ""));
      if (value < min || value > max) {
        problems.add(new Problem(s.get().at(), key + ": " + value + " % is outside " + min + ".." + max));
        return 100;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(new Problem(s.get().at(), key + ": expected a percentage such as 100, found '" + s.get().text() + "'"));
      return 100;
    }
  }

  private boolean flag(Node.Mapping m, String key) {
    Optional<Node.Scalar> s = scalar(m, key);
    if (s.isEmpty()) {
      return false;
    }
    return switch (s.get().text().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problems.add(new Problem(s.get().at(), key + ": expected true or false, found '" + s.get().text() + "'"));
        yield false;
      }
    };
  }

  private List<String> list(Node.Mapping m, String key) {
    Optional<Node> node = m.get(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof Node.Sequence seq) || seq.items().isEmpty()) {
      problems.add(new Problem(node.get().at(), key + ": expected a non-empty list, found " + node.get().kind()));
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (Node item : seq.items()) {
      if (item instanceof Node.Scalar s && !s.isNull()) {
        items.add(s.text());
      } else {
        problems.add(new Problem(item.at(), key + ": each item must be a single value"));
      }
    }
    return items;
  }

  private Optional<String> text(Node.Mapping m, String key) {
    return scalar(m, key).map(s -> s.text().strip()).filter(s -> !s.isEmpty());
  }

  private Optional<Node.Scalar> scalar(Node.Mapping m, String key) {
    Optional<Node> node = m.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Node.Scalar s && !s.isNull()) {
      return Optional.of(s);
    }
    problems.add(new Problem(node.get().at(), key + ": expected a value, found " + node.get().kind()));
    return Optional.empty();
  }

  private void unknown(Node.Mapping m, Set<String> known, String where) {
    for (Node.Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        problems.add(new Problem(e.keyAt(), where + ": unknown key '" + e.key() + "'; expected one of " + new TreeSet<>(known)));
      }
    }
  }
}
