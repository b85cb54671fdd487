package io.loaxa.scheduler.config;

import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.CommandEngine;
import io.loaxa.audio.speech.Region;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  private static final List<String> ENGINES = List.of(SpeechConfig.ESPEAK, SpeechConfig.FREETTS, SpeechConfig.COMMAND);
  private static final int NORMAL_PERCENT = 100;

  private final Fields fields;

  private SpeechConfigSection(Fields fields) {
    this.fields = fields;
  }

  /** The speech settings, or the defaults without a block; problems go to {@code fields}. */
  static SpeechConfig read(Optional<Node> block, Fields fields) {
    if (block.isEmpty()) {
      return SpeechConfig.DEFAULT;
    }
    return new SpeechConfigSection(fields).speech(block.get());
  }

  private SpeechConfig speech(Node node) {
    Optional<Node.Mapping> mapping = fields.mapping(node, "speech", "engine, voice, …");
    if (mapping.isEmpty()) {
      return SpeechConfig.DEFAULT;
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, KEYS, "speech");
    String engine = fields.oneOf(m, "engine", ENGINES).orElse(SpeechConfig.ESPEAK);
    Optional<CommandEngine> command = m.get("command").flatMap(this::command);
    if (engine.equals(SpeechConfig.COMMAND) && command.isEmpty()) {
      if (m.get("command").isEmpty()) {
        fields.problem(m.at(), Bilingual.of("speech engine 'command' cần một mục 'command' (name, run, language, voices)",
            "speech engine 'command' needs a 'command' block (name, run, language, voices)"));
      }
      engine = SpeechConfig.ESPEAK;
    }
    int rate = fields.percent(m, "rate", 30, 300).orElse(NORMAL_PERCENT);
    int pitch = fields.percent(m, "pitch", 0, 200).orElse(NORMAL_PERCENT);
    int volume = fields.percent(m, "volume", 0, 200).orElse(NORMAL_PERCENT);
    Region region = fields.oneOf(m, "region", SpeechConfigSection::region, "north or south").orElse(Region.NORTH);
    boolean english = fields.bool(m, "englishFallback").orElse(false);
    return new SpeechConfig(engine, word(m, "voice"), new SpeechSettings(rate, pitch, volume), region,
        word(m, "dictionary"), english, command);
  }

  private Optional<CommandEngine> command(Node node) {
    Optional<Node.Mapping> mapping = fields.mapping(node, "the speech command", "name, run, language, voices");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, COMMAND_KEYS, "the speech command");
    int before = fields.count();
    Optional<String> name = word(m, "name");
    if (name.isEmpty()) {
      fields.problem(m.at(), Bilingual.of("thiếu 'name' trong " + Bilingual.subject("the speech command"),
          "missing 'name' in the speech command"));
    }
    List<String> run = fields.required(m, "run", "the speech command (the program and its arguments as a list)")
        .map(n -> list(n, "run")).orElse(List.of());
    List<String> voices = fields.required(m, "voices", "the speech command (at least one voice key)")
        .map(n -> list(n, "voices")).orElse(List.of());
    String language = word(m, "language").orElse("vi");
    Duration timeout = fields.duration(m, "timeout", Fields.Zero.REFUSED).orElse(Duration.ofSeconds(120));
    boolean perSentence = fields.bool(m, "sentenceBySentence").orElse(false);
    if (fields.count() > before || name.isEmpty() || run.isEmpty() || voices.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CommandEngine(name.get(), run, language, voices, timeout, perSentence));
  }

  /** A list of single values that names at least one. */
  private List<String> list(Node node, String key) {
    List<Node> items = fields.items(node, key);
    if (items.isEmpty() && !(node instanceof Node.Mapping) && !(node instanceof Node.Scalar s && !s.isNull())) {
      fields.problem(node.at(), Bilingual.of(Bilingual.subject(key) + " chưa có mục nào; hãy viết ít nhất một mục",
          key + " lists nothing; write at least one item"));
    }
    List<String> out = new ArrayList<>();
    for (Node item : items) {
      fields.text(item, "an item of " + key).ifPresent(out::add);
    }
    return out;
  }

  /** The value stripped of spaces; a value left empty counts as not written. */
  private Optional<String> word(Node.Mapping m, String key) {
    return fields.text(m, key).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<Region> region(String text) {
    try {
      return Optional.of(Region.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
