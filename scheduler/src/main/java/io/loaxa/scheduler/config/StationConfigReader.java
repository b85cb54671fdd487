package io.loaxa.scheduler.config;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.Driver;
import io.loaxa.devices.RelayBoards;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a station config file (DESIGN §5) and reports every problem at once with its file, line and
 * column. Keys it does not know are problems too: a misspelt key must not be silently ignored.
 */
public final class StationConfigReader {
  private static final Set<String> TOP = Set.of("station", "boards", "amplifier", "zones", "audio", "content",
      "switching", "speech");
  private static final Set<String> BOARD_CORE = Set.of("key", "driver", "port", "channels");

  private final List<Problem> problems = new ArrayList<>();

  private StationConfigReader() {}

  public static StationConfig read(Path file) throws SourceException, IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(text, file.toString());
  }

  public static StationConfig parse(String text, String fileName) throws SourceException {
    Node root = YamlDocuments.parse(text, fileName);
    StationConfigReader reader = new StationConfigReader();
    StationConfig config = reader.station(root);
    if (!reader.problems.isEmpty()) {
      throw new SourceException(reader.problems);
    }
    return config;
  }

  private StationConfig station(Node root) {
    Node.Mapping top = mapping(root, "the station config");
    if (top == null) {
      return null;
    }
    unknownKeys(top, TOP);
    String name = "";
    ZoneId timeZone = ZoneId.of("Asia/Ho_Chi_Minh");
    Optional<Node> stationNode = top.get("station");
    if (stationNode.isEmpty()) {
      problems.add(new Problem(top.at(), "missing 'station' (name and timeZone)"));
    } else {
      Node.Mapping station = mapping(stationNode.get(), "station");
      if (station != null) {
        unknownKeys(station, Set.of("name", "timeZone"));
        name = text(station, "name", true).orElse("");
        Optional<Node.Scalar> tz = scalar(station, "timeZone", false);
        if (tz.isPresent()) {
          try {
            timeZone = ZoneId.of(tz.get().text());
          } catch (DateTimeException e) {
            problems.add(new Problem(tz.get().at(), "unknown time zone '" + tz.get().text() + "' (e.g. Asia/Ho_Chi_Minh)"));
          }
        }
      }
    }
    Map<String, BoardSpec> boards = boards(top);
    Optional<StationConfig.Amplifier> amplifier = amplifier(top, boards);
    List<StationConfig.Zone> zones = zones(top, boards, amplifier);
    String output = "default";
    double emergencyLoudness = StationConfig.DEFAULT_EMERGENCY_LUFS;
    Optional<Node> audio = top.get("audio");
    if (audio.isPresent()) {
      Node.Mapping a = mapping(audio.get(), "audio");
      if (a != null) {
        unknownKeys(a, Set.of("output", "emergencyLoudness"));
        output = text(a, "output", false).orElse("default");
        Optional<Node> loud = a.get("emergencyLoudness");
        if (loud.isPresent()) {
          Optional<String> t = text(a, "emergencyLoudness", false);
          try {
            double v = Double.parseDouble(t.orElse("").strip());
            if (v < -40 || v > -6) {
              problems.add(new Problem(loud.get().at(), "audio.emergencyLoudness: " + t.get()
                  + " LUFS is outside -40..-6 (the station's normal target is " + io.loaxa.audio.Loudness.STATION_TARGET_LUFS + ")"));
            } else {
              emergencyLoudness = v;
            }
          } catch (NumberFormatException e) {
            problems.add(new Problem(loud.get().at(), "audio.emergencyLoudness: '" + t.orElse("")
                + "' is not a loudness in LUFS such as -14"));
          }
        }
      }
    }
    String content = "content";
    Optional<Node> contentNode = top.get("content");
    if (contentNode.isPresent() && contentNode.get() instanceof Node.Scalar s) {
      content = s.text();
    } else if (contentNode.isPresent()) {
      problems.add(new Problem(contentNode.get().at(), "content: expected a folder path"));
    }
    SwitchPolicy switching = switching(top);
    SpeechConfig speech = SpeechConfigSection.read(top.get("speech"), problems);
    return new StationConfig(name, timeZone, new ArrayList<>(boards.values()), amplifier, zones, output, content, false,
        switching, speech, emergencyLoudness);
  }

  /** {@code switching: {attempts, retryPause, stagger, maxOn, reassertEvery}}; each optional. */
  private SwitchPolicy switching(Node.Mapping top) {
    SwitchPolicy policy = SwitchPolicy.DEFAULT;
    Optional<Node> node = top.get("switching");
    if (node.isEmpty()) {
      return policy;
    }
    Node.Mapping m = mapping(node.get(), "switching");
    if (m == null) {
      return policy;
    }
    unknownKeys(m, Set.of("attempts", "retryPause", "stagger", "maxOn", "reassertEvery"));
    policy = policy.withAttempts(integer(m, "attempts", 1, 10).orElse(policy.attempts()))
        .withRetryPause(duration(m, "retryPause").orElse(policy.retryPause()))
        .withStagger(duration(m, "stagger").orElse(policy.stagger()));
    Optional<Duration> maxOn = duration(m, "maxOn");
    Optional<Duration> reassert = duration(m, "reassertEvery");
    for (Map.Entry<String, Optional<Duration>> e : Map.of("maxOn", maxOn, "reassertEvery", reassert).entrySet()) {
      if (e.getValue().isPresent() && e.getValue().get().isZero()) {
        problems.add(new Problem(m.get(e.getKey()).orElseThrow().at(), e.getKey() + ": must be longer than zero"));
        return policy;
      }
    }
    return policy.withMaxOn(maxOn.orElse(policy.maxOn())).withReassertEvery(reassert.orElse(policy.reassertEvery()));
  }

  private Map<String, BoardSpec> boards(Node.Mapping top) {
    Map<String, BoardSpec> boards = new LinkedHashMap<>();
    Optional<Node> node = top.get("boards");
    if (node.isEmpty()) {
      problems.add(new Problem(top.at(), "missing 'boards': at least one relay board (driver: simulated for a test bench)"));
      return boards;
    }
    Node.Sequence list = sequence(node.get(), "boards");
    if (list == null) {
      return boards;
    }
    for (Node item : list.items()) {
      Node.Mapping board = mapping(item, "a board");
      if (board == null) {
        continue;
      }
      Optional<String> key = key(board);
      Optional<String> driver = text(board, "driver", true);
      driver.ifPresent(d -> {
        if (Driver.named(d).isEmpty()) {
          problems.add(new Problem(board.get("driver").orElseThrow().at(), "unknown driver '" + d + "'; known: " + String.join(", ", Driver.names())));
        }
      });
      Optional<String> port = text(board, "port", false);
      int channels = integer(board, "channels", 1, 256).orElse(8);
      Map<String, String> options = new HashMap<>();
      for (Node.Entry e : board.entries().values()) {
        if (BOARD_CORE.contains(e.key())) {
          continue;
        }
        if (e.value() instanceof Node.Scalar s) {
          options.put(e.key(), s.text());
        } else {
          problems.add(new Problem(e.value().at(), "board option '" + e.key() + "' must be a single value"));
        }
      }
      if (key.isPresent() && driver.isPresent()) {
        if (boards.containsKey(key.get())) {
          problems.add(new Problem(board.at(), "board key '" + key.get() + "' used twice"));
        } else {
          BoardSpec spec = new BoardSpec(key.get(), driver.get(), port, channels, options);
          checkDriverOptions(board, spec);
          // kept even when its options are wrong, so zones on it are not reported as wired to nothing
          boards.put(key.get(), spec);
        }
      }
    }
    return boards;
  }

  /** The driver's own check of its port and options, reported at the option it concerns. */
  private void checkDriverOptions(Node.Mapping board, BoardSpec spec) {
    Optional<Driver> driver = Driver.named(spec.driver());
    if (driver.isEmpty()) {
      return;
    }
    Set<String> known = driver.get().options();
    boolean ok = true;
    for (Node.Entry e : board.entries().values()) {
      if (!BOARD_CORE.contains(e.key()) && !known.contains(e.key())) {
        problems.add(new Problem(e.keyAt(), "driver " + spec.driver() + " has no option '" + e.key() + "'; it knows "
            + new java.util.TreeSet<>(known)));
        ok = false;
      }
    }
    if (!ok) {
      return;
    }
    try {
      RelayBoards.validate(spec);
    } catch (IllegalArgumentException e) {
      Position at = board.at();
      for (Node.Entry entry : board.entries().values()) {
        if (e.getMessage().contains("option " + entry.key() + ":") || e.getMessage().contains(": " + entry.key() + ":")
            || e.getMessage().contains("needs a " + entry.key())) {
          at = entry.value().at();
        }
      }
      problems.add(new Problem(at, e.getMessage()));
    }
  }

  private Optional<StationConfig.Amplifier> amplifier(Node.Mapping top, Map<String, BoardSpec> boards) {
    Optional<Node> node = top.get("amplifier");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping amp = mapping(node.get(), "amplifier");
    if (amp == null) {
      return Optional.empty();
    }
    unknownKeys(amp, Set.of("board", "channel", "warmUp"));
    Optional<String> board = text(amp, "board", true);
    Optional<Integer> channel = integer(amp, "channel", 1, 256);
    Duration warmUp = duration(amp, "warmUp").orElse(Duration.ofSeconds(2));
    if (board.isEmpty() || channel.isEmpty()) {
      if (channel.isEmpty() && amp.get("channel").isEmpty()) {
        problems.add(new Problem(amp.at(), "amplifier: missing 'channel'"));
      }
      return Optional.empty();
    }
    checkChannel(boards, board.get(), channel.get(), amp.at(), "amplifier");
    return Optional.of(new StationConfig.Amplifier(board.get(), channel.get(), warmUp));
  }

  private List<StationConfig.Zone> zones(Node.Mapping top, Map<String, BoardSpec> boards, Optional<StationConfig.Amplifier> amplifier) {
    List<StationConfig.Zone> zones = new ArrayList<>();
    Optional<Node> node = top.get("zones");
    if (node.isEmpty()) {
      problems.add(new Problem(top.at(), "missing 'zones': the hamlet lines (key, name, board, channel)"));
      return zones;
    }
    Node.Sequence list = sequence(node.get(), "zones");
    if (list == null) {
      return zones;
    }
    Set<String> keys = new HashSet<>();
    Map<String, String> wired = new HashMap<>();
    amplifier.ifPresent(a -> wired.put(a.board() + "/" + a.channel(), "the amplifier"));
    for (Node item : list.items()) {
      Node.Mapping zone = mapping(item, "a zone");
      if (zone == null) {
        continue;
      }
      unknownKeys(zone, Set.of("key", "name", "board", "channel", "inverted"));
      Optional<String> key = key(zone);
      String name = text(zone, "name", false).orElse(key.orElse(""));
      Optional<String> board = text(zone, "board", true);
      Optional<Integer> channel = integer(zone, "channel", 1, 256);
      if (channel.isEmpty() && zone.get("channel").isEmpty()) {
        problems.add(new Problem(zone.at(), "zone: missing 'channel'"));
      }
      if (key.isEmpty() || board.isEmpty() || channel.isEmpty()) {
        continue;
      }
      if (!ZoneKey.isValid(key.get())) {
        problems.add(new Problem(zone.get("key").orElseThrow().at(), "zone key '" + key.get() + "': use lower-case letters, digits, '-' or '_'"));
        continue;
      }
      if (!keys.add(key.get())) {
        problems.add(new Problem(zone.at(), "zone key '" + key.get() + "' used twice"));
        continue;
      }
      checkChannel(boards, board.get(), channel.get(), zone.at(), "zone " + key.get());
      String other = wired.put(board.get() + "/" + channel.get(), "zone " + key.get());
      if (other != null) {
        problems.add(new Problem(zone.at(), "zone " + key.get() + ": " + board.get() + " channel " + channel.get() + " already switches " + other));
      }
      zones.add(new StationConfig.Zone(new ZoneKey(key.get()), name, board.get(), channel.get(),
          bool(zone, "inverted").orElse(false)));
    }
    if (zones.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(list.at(), "zones: at least one hamlet line is needed"));
    }
    return zones;
  }

  private void checkChannel(Map<String, BoardSpec> boards, String board, int channel, Position at, String what) {
    BoardSpec spec = boards.get(board);
    if (spec == null) {
      problems.add(new Problem(at, what + ": no board with key '" + board + "'"));
    } else if (channel > spec.channels()) {
      problems.add(new Problem(at, what + ": channel " + channel + " beyond board " + board + " with " + spec.channels() + " channels"));
    }
  }

  private Optional<String> key(Node.Mapping m) {
    return text(m, "key", true);
  }

  private Node.Mapping mapping(Node node, String what) {
    if (node instanceof Node.Mapping m) {
      return m;
    }
    problems.add(new Problem(node.at(), what + ": expected a mapping (key: value), found " + node.kind()));
    return null;
  }

  private Node.Sequence sequence(Node node, String what) {
    if (node instanceof Node.Sequence s) {
      return s;
    }
    problems.add(new Problem(node.at(), what + ": expected a list, found " + node.kind()));
    return null;
  }

  private Optional<Node.Scalar> scalar(Node.Mapping m, String key, boolean required) {
    Optional<Node> node = m.get(key);
    if (node.isEmpty()) {
      if (required) {
        problems.add(new Problem(m.at(), "missing '" + key + "'"));
      }
      return Optional.empty();
    }
    if (node.get() instanceof Node.Scalar s && !s.isNull()) {
      return Optional.of(s);
    }
    problems.add(new Problem(node.get().at(), key + ": expected a value, found " + node.get().kind()));
    return Optional.empty();
  }

  private Optional<String> text(Node.Mapping m, String key, boolean required) {
    return scalar(m, key, required).map(Node.Scalar::text);
  }

  private Optional<Integer> integer(Node.Mapping m, String key, int min, int max) {
    Optional<Node.Scalar> s = scalar(m, key, false);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(s.get().text().trim());
      if (value < min || value > max) {
        problems.add(new Problem(s.get().at(), key + ": " + value + " is outside " + min + ".." + max));
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      problems.add(new Problem(s.get().at(), key + ": expected a whole number, found '" + s.get().text() + "'"));
      return Optional.empty();
    }
  }

  private Optional<Boolean> bool(Node.Mapping m, String key) {
    Optional<Node.Scalar> s = scalar(m, key, false);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    switch (s.get().text().trim()) {
      case "true":
        return Optional.of(true);
      case "false":
        return Optional.of(false);
      default:
        problems.add(new Problem(s.get().at(), key + ": expected true or false, found '" + s.get().text() + "'"));
        return Optional.empty();
    }
  }

  private Optional<Duration> duration(Node.Mapping m, String key) {
    Optional<Node.Scalar> s = scalar(m, key, false);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.parse(s.get().text().trim());
      if (d.isNegative()) {
        problems.add(new Problem(s.get().at(), key + ": must not be negative"));
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(s.get().at(), key + ": expected an ISO-8601 duration such as PT2S, found '" + s.get().text() + "'"));
      return Optional.empty();
    }
  }

  private void unknownKeys(Node.Mapping m, Set<String> known) {
    for (Node.Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        problems.add(new Problem(e.keyAt(), "unknown key '" + e.key() + "'; expected one of " + new java.util.TreeSet<>(known)));
      }
    }
  }
}
