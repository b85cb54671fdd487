package io.loaxa.scheduler.config;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.Driver;
import io.loaxa.devices.RelayBoards;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.TextFiles;
import io.loaxa.schedules.source.UnreadableFileException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a station config file (DESIGN §5) and reports every problem at once with its file, line and
 * column. Keys it does not know are problems too: a misspelt key must not be silently ignored.
 * Values are read by the field reader every YAML file of the station shares.
 */
public final class StationConfigReader {
  private static final Set<String> TOP = Set.of("station", "boards", "amplifier", "zones", "audio", "content",
      "switching", "speech", "web", "monitor", "alerts", "approval", "hub");
  private static final Set<String> BOARD_CORE = Set.of("key", "driver", "port", "channels");

  private final List<Problem> problems = new ArrayList<>();
  private final Fields fields = new Fields(problems);

  private StationConfigReader() {}

  /**
   * Reads and checks the station config at {@code file}.
   *
   * @throws UnreadableFileException when the file cannot be opened; its message names the path and why
   * @throws SourceException with every problem, including a file that is not UTF-8 or too large
   */
  public static StationConfig read(Path file) throws SourceException, UnreadableFileException {
    return parse(TextFiles.read(file, file.toString()), file.toString());
  }

  public static StationConfig parse(String text, String fileName) throws SourceException {
    Node root = YamlDocuments.parse(text, fileName);
    StationConfigReader reader = new StationConfigReader();
    Optional<StationConfig> config = reader.fields.mapping(root, "the station config", "station, boards, zones, …")
        .map(reader::station);
    if (!reader.problems.isEmpty() || config.isEmpty()) {
      throw new SourceException(reader.problems);
    }
    return config.get();
  }

  private StationConfig station(Node.Mapping top) {
    fields.unknownKeys(top, TOP, "the station config");
    String name = "";
    ZoneId timeZone = ZoneId.of("Asia/Ho_Chi_Minh");
    Optional<Node.Mapping> station = fields.required(top, "station", "the station config (name and timeZone)")
        .flatMap(n -> fields.mapping(n, "station", "name, timeZone"));
    if (station.isPresent()) {
      fields.unknownKeys(station.get(), Set.of("name", "timeZone"), "station");
      name = fields.required(station.get(), "name", "station").flatMap(n -> fields.text(n, "name")).orElse("");
      Optional<Node> tz = station.get().get("timeZone");
      Optional<String> zone = tz.flatMap(n -> fields.text(n, "timeZone"));
      if (zone.isPresent()) {
        try {
          timeZone = ZoneId.of(zone.get());
        } catch (DateTimeException e) {
          fields.problem(tz.get().at(), Bilingual.of("không biết múi giờ '" + zone.get() + "' (ví dụ Asia/Ho_Chi_Minh)",
              "unknown time zone '" + zone.get() + "' (e.g. Asia/Ho_Chi_Minh)"));
        }
      }
    }
    Map<String, BoardSpec> boards = boards(top);
    LineWiring wiring = LineWiring.on(boards, fields);
    Optional<StationConfig.Amplifier> amplifier = wiring.amplifier(top, "");
    List<StationConfig.Zone> zones = zones(top, wiring);
    String output = "default";
    double emergencyLoudness = StationConfig.DEFAULT_EMERGENCY_LUFS;
    Optional<Node.Mapping> audio = top.get("audio").flatMap(n -> fields.mapping(n, "audio", "output, emergencyLoudness"));
    if (audio.isPresent()) {
      fields.unknownKeys(audio.get(), Set.of("output", "emergencyLoudness"), "audio");
      output = fields.text(audio.get(), "output").orElse("default");
      Optional<Node> loud = audio.get().get("emergencyLoudness");
      Optional<String> t = loud.flatMap(n -> fields.text(n, "emergencyLoudness"));
      if (t.isPresent()) {
        try {
          double v = Double.parseDouble(t.get().strip());
          if (v < -40 || v > -6) {
            fields.problem(loud.get().at(), Bilingual.of("audio.emergencyLoudness: " + t.get()
                + " LUFS nằm ngoài khoảng -40..-6; mức thường của đài là " + io.loaxa.audio.Loudness.STATION_TARGET_LUFS,
                "audio.emergencyLoudness: " + t.get()
                + " LUFS is outside -40..-6 (the station's normal target is " + io.loaxa.audio.Loudness.STATION_TARGET_LUFS + ")"));
          } else {
            emergencyLoudness = v;
          }
        } catch (NumberFormatException e) {
          fields.problem(loud.get().at(), Bilingual.of("audio.emergencyLoudness: '" + t.get()
              + "' không phải độ to tính bằng LUFS, ví dụ -14",
              "audio.emergencyLoudness: '" + t.get() + "' is not a loudness in LUFS such as -14"));
        }
      }
    }
    String content = "content";
    long maxUpload = StationConfig.DEFAULT_MAX_UPLOAD_MB * 1024L * 1024;
    Optional<Node> contentNode = top.get("content");
    if (contentNode.isPresent() && contentNode.get() instanceof Node.Mapping m) {
      fields.unknownKeys(m, Set.of("folder", "maxUploadMb"), "content");
      content = fields.text(m, "folder").orElse("content");
      maxUpload = fields.integer(m, "maxUploadMb", StationConfig.LEAST_UPLOAD_MB, StationConfig.MOST_UPLOAD_MB)
          .orElse(StationConfig.DEFAULT_MAX_UPLOAD_MB) * 1024L * 1024;
    } else if (contentNode.isPresent()) {
      content = fields.text(contentNode.get(), "content").orElse("content");
    }
    boolean[] approval = approval(top);
    SwitchPolicy switching = switching(top);
    SpeechConfig speech = SpeechConfigSection.read(top.get("speech"), fields);
    Optional<MonitorConfig> monitor = MonitorConfigSection.read(top.get("monitor"), zones, fields);
    return new StationConfig(name, timeZone, new ArrayList<>(boards.values()), amplifier, zones, output, content, false,
        switching, speech, emergencyLoudness, web(top), monitor, AlertsConfigSection.read(top.get("alerts"), fields),
        approval[0], approval[1], maxUpload, HubConfigSection.read(top.get("hub"), fields));
  }

  /**
   * {@code approval: on|off|required}, or {@code approval: { required: yes, emergencyBypass: yes }}:
   * whether content needs an approver, and whether an operator's emergency text may air without one
   * (yes unless the station writes {@code emergencyBypass: no}: a storm warning never waits by default).
   */
  private boolean[] approval(Node.Mapping top) {
    Optional<Node> node = top.get("approval");
    if (node.isEmpty()) {
      return new boolean[] {false, false};
    }
    if (node.get() instanceof Node.Mapping m) {
      fields.unknownKeys(m, Set.of("required", "emergencyBypass"), "approval");
      boolean required = m.get("required").flatMap(this::approvalSwitch).orElse(false);
      Optional<Boolean> bypass = fields.bool(m, "emergencyBypass");
      if (bypass.orElse(false) && !required) {
        fields.problem(m.get("emergencyBypass").orElseThrow().at(), Bilingual.of("approval.emergencyBypass: yes cần required: yes; "
            + "khi không cần duyệt, mọi tin khẩn cấp vẫn phát ngay", "approval.emergencyBypass: yes needs required: yes; "
            + "without approval every emergency airs at once anyway"));
      }
      if (bypass.isPresent() && !bypass.get() && !required) {
        fields.problem(m.get("emergencyBypass").orElseThrow().at(), Bilingual.of("approval.emergencyBypass: no cần required: yes; "
            + "khi không cần duyệt, mọi tin khẩn cấp phát ngay", "approval.emergencyBypass: no needs required: yes; "
            + "without approval every emergency airs at once"));
      }
      return new boolean[] {required, bypass.orElse(true)};
    }
    return new boolean[] {approvalSwitch(node.get()).orElse(false), true};
  }

  /** {@code on/off/yes/no/true/false}, and {@code required} as the issue of the station spells it. */
  private Optional<Boolean> approvalSwitch(Node n) {
    if (n instanceof Node.Scalar s && !s.isNull() && s.text().strip().equalsIgnoreCase("required")) {
      return Optional.of(true);
    }
    if (n instanceof Node.Scalar s && !s.isNull() && Fields.parseBoolean(s.text()).isEmpty()) {
      fields.problem(n.at(), Bilingual.of("approval là on, off hoặc required, hoặc một bảng { required: yes, emergencyBypass: yes };"
          + " không phải '" + s.text() + "'", "approval is on, off or required, or a mapping { required: yes, emergencyBypass: yes };"
          + " not '" + s.text() + "'"));
      return Optional.empty();
    }
    return fields.bool(n, "approval");
  }

  /** {@code web: { listen: "HOST:PORT", tls: { keystore: PATH, password: TEXT } }}; listen is required in the block. */
  private WebConfig web(Node.Mapping top) {
    Optional<Node.Mapping> node = top.get("web").flatMap(n -> fields.mapping(n, "web", "listen, tls"));
    if (node.isEmpty()) {
      return WebConfig.LOCAL_ONLY;
    }
    Node.Mapping m = node.get();
    fields.unknownKeys(m, Set.of("listen", "tls"), "web");
    String host = WebConfig.LOCAL_ONLY.host();
    int port = WebConfig.LOCAL_ONLY.port();
    Optional<Node> listen = fields.required(m, "listen", "web (e.g. listen: \"0.0.0.0:8080\")");
    Optional<String> text = listen.flatMap(n -> fields.text(n, "listen"));
    if (text.isPresent()) {
      String t = text.get().strip();
      int colon = t.lastIndexOf(':');
      boolean ok = false;
      if (colon > 0) {
        String h = t.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) {
          h = h.substring(1, h.length() - 1);
        }
        try {
          int p = Integer.parseInt(t.substring(colon + 1));
          if (p >= 1 && p <= 65535 && !h.isBlank()) {
            host = h;
            port = p;
            ok = true;
          }
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        fields.problem(listen.get().at(), Bilingual.of("web.listen: '" + t + "' không phải HOST:PORT, ví dụ 0.0.0.0:8080 hoặc 127.0.0.1:8080",
            "web.listen: '" + t + "' is not HOST:PORT such as 0.0.0.0:8080 or 127.0.0.1:8080"));
      }
    }
    Optional<WebConfig.Tls> tls = Optional.empty();
    Optional<Node.Mapping> tlsNode = m.get("tls").flatMap(n -> fields.mapping(n, "web.tls", "keystore, password"));
    if (tlsNode.isPresent()) {
      fields.unknownKeys(tlsNode.get(), Set.of("keystore", "password"), "web.tls");
      Optional<String> keystore = fields.required(tlsNode.get(), "keystore", "web.tls").flatMap(n -> fields.text(n, "keystore"));
      Optional<String> password = fields.required(tlsNode.get(), "password", "web.tls").flatMap(n -> fields.text(n, "password"));
      if (keystore.isPresent() && password.isPresent()) {
        tls = Optional.of(new WebConfig.Tls(keystore.get(), password.get()));
      }
    }
    return new WebConfig(host, port, tls);
  }

  /** {@code switching: {attempts, retryPause, stagger, maxOn, reassertEvery}}; each optional. */
  private SwitchPolicy switching(Node.Mapping top) {
    SwitchPolicy policy = SwitchPolicy.DEFAULT;
    Optional<Node.Mapping> node = top.get("switching")
        .flatMap(n -> fields.mapping(n, "switching", "attempts, retryPause, stagger, maxOn, reassertEvery"));
    if (node.isEmpty()) {
      return policy;
    }
    Node.Mapping m = node.get();
    fields.unknownKeys(m, Set.of("attempts", "retryPause", "stagger", "maxOn", "reassertEvery"), "switching");
    return policy.withAttempts(fields.integer(m, "attempts", 1, 10).orElse(policy.attempts()))
        .withRetryPause(fields.duration(m, "retryPause", Fields.Zero.ALLOWED).orElse(policy.retryPause()))
        .withStagger(fields.duration(m, "stagger", Fields.Zero.ALLOWED).orElse(policy.stagger()))
        .withMaxOn(fields.duration(m, "maxOn", Fields.Zero.REFUSED).orElse(policy.maxOn()))
        .withReassertEvery(fields.duration(m, "reassertEvery", Fields.Zero.REFUSED).orElse(policy.reassertEvery()));
  }

  private Map<String, BoardSpec> boards(Node.Mapping top) {
    Map<String, BoardSpec> boards = new LinkedHashMap<>();
    List<Node> items = fields.required(top, "boards", "the station config (at least one relay board; driver: simulated for a test bench)")
        .map(n -> fields.items(n, "boards")).orElse(List.of());
    for (Node item : items) {
      Optional<Node.Mapping> mapping = fields.mapping(item, "a board", "key, driver, port, channels, …");
      if (mapping.isEmpty()) {
        continue;
      }
      Node.Mapping board = mapping.get();
      Optional<String> key = key(board, "a board");
      Optional<String> driver = fields.required(board, "driver", "a board").flatMap(n -> fields.text(n, "driver"));
      driver.ifPresent(d -> {
        if (Driver.named(d).isEmpty()) {
          fields.problem(board.get("driver").orElseThrow().at(), Bilingual.of("không biết trình điều khiển '" + d + "'; đã có: "
              + String.join(", ", Driver.names()), "unknown driver '" + d + "'; known: " + String.join(", ", Driver.names())));
        }
      });
      Optional<String> port = fields.text(board, "port");
      int channels = fields.integer(board, "channels", 1, 256).orElse(8);
      Map<String, String> options = new HashMap<>();
      for (Node.Entry e : board.entries().values()) {
        if (!BOARD_CORE.contains(e.key())) {
          fields.text(e.value(), "board option " + e.key()).ifPresent(v -> options.put(e.key(), v));
        }
      }
      if (key.isPresent() && driver.isPresent()) {
        if (boards.containsKey(key.get())) {
          fields.problem(board.at(), Bilingual.of("khóa bo rơ-le '" + key.get() + "' dùng hai lần", "board key '" + key.get() + "' used twice"));
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
        fields.problem(e.keyAt(), Bilingual.of("trình điều khiển " + spec.driver() + " không có tùy chọn '" + e.key()
            + "'; các tùy chọn: " + new java.util.TreeSet<>(known), "driver " + spec.driver() + " has no option '" + e.key()
            + "'; it knows " + new java.util.TreeSet<>(known)));
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
      fields.problem(at, e.getMessage());
    }
  }

  private List<StationConfig.Zone> zones(Node.Mapping top, LineWiring wiring) {
    List<StationConfig.Zone> zones = new ArrayList<>();
    Optional<Node> node = fields.required(top, "zones", "the station config (the hamlet lines: key, name, board, channel)");
    if (node.isEmpty()) {
      return zones;
    }
    for (Node item : fields.items(node.get(), "zones")) {
      Optional<Node.Mapping> mapping = fields.mapping(item, "a zone", "key, name, board, channel");
      if (mapping.isEmpty()) {
        continue;
      }
      Node.Mapping zone = mapping.get();
      fields.unknownKeys(zone, Set.of("key", "name", "board", "channel", "inverted"), "a zone");
      Optional<String> key = key(zone, "a zone");
      String name = fields.text(zone, "name").orElse(key.orElse(""));
      Optional<String> board = fields.required(zone, "board", "a zone").flatMap(n -> fields.text(n, "board"));
      Optional<Integer> channel = fields.required(zone, "channel", "a zone").flatMap(n -> fields.integer(n, "channel", 1, 256));
      if (key.isEmpty() || board.isEmpty() || channel.isEmpty()) {
        continue;
      }
      if (!ZoneKey.isValid(key.get())) {
        fields.problem(zone.get("key").orElseThrow().at(), Bilingual.of("khóa thôn '" + key.get()
            + "': hãy dùng chữ thường, chữ số, '-' hoặc '_'", "zone key '" + key.get() + "': use lower-case letters, digits, '-' or '_'"));
        continue;
      }
      if (!wiring.firstUseOf(key.get(), zone.at(), Bilingual.of("khóa thôn '" + key.get() + "' dùng hai lần",
          "zone key '" + key.get() + "' used twice"))) {
        continue;
      }
      wiring.wire(board.get(), channel.get(), zone.at(), "zone " + key.get(), "zone " + key.get());
      zones.add(new StationConfig.Zone(new ZoneKey(key.get()), name, board.get(), channel.get(),
          fields.bool(zone, "inverted").orElse(false)));
    }
    if (zones.isEmpty() && fields.count() == 0) {
      fields.problem(node.get().at(), Bilingual.of("zones: cần ít nhất một đường dây thôn", "zones: at least one hamlet line is needed"));
    }
    return zones;
  }

  private Optional<String> key(Node.Mapping m, String what) {
    return fields.required(m, "key", what).flatMap(n -> fields.text(n, "key"));
  }
}
