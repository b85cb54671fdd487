package io.loaxa.scheduler.setup;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.Driver;
import io.loaxa.scheduler.config.LineWiring;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.ZoneKey;
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
 * Reads the answers for an unattended {@code loaxa setup --answers FILE}, one file per station of a
 * fleet, through the field reader every station file uses: every problem at once, as FILE:LINE:COL.
 * <pre>
 * station: { name: "Đài truyền thanh xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
 * audio: { output: default, testTone: yes }
 * boards:
 *   - { key: tu-chinh, driver: modbus-rtu, port: /dev/serial/by-id/usb-…, unit: 1, channels: 8 }
 * amplifier: { board: tu-chinh, channel: 8, warmUp: PT2S }
 * hamlets:
 *   - { name: "Ấp 1", board: tu-chinh, channel: 1 }        # key from the name (ap-1) unless given
 * lineTest: yes
 * </pre>
 */
public final class AnswersFile {
  private static final Set<String> TOP = Set.of("station", "audio", "boards", "amplifier", "hamlets", "lineTest");
  private static final Set<String> BOARD_CORE = Set.of("key", "driver", "port", "channels");

  private final List<Problem> problems = new ArrayList<>();
  private final Fields fields = new Fields(problems);

  private AnswersFile() {}

  public static SetupAnswers read(Path file) throws SourceException, UnreadableFileException {
    return parse(TextFiles.read(file, file.toString()), file.toString());
  }

  public static SetupAnswers parse(String text, String fileName) throws SourceException {
    Node root = YamlDocuments.parse(text, fileName);
    AnswersFile reader = new AnswersFile();
    Optional<SetupAnswers> answers = reader.fields.mapping(root, "the answers file", "station, audio, boards, amplifier, hamlets, lineTest")
        .map(reader::answers);
    if (!reader.problems.isEmpty() || answers.isEmpty()) {
      throw new SourceException(reader.problems);
    }
    return answers.get();
  }

  private SetupAnswers answers(Node.Mapping top) {
    fields.unknownKeys(top, TOP, "the answers file");
    String name = "";
    ZoneId zone = SetupAnswers.VIETNAM;
    Optional<Node.Mapping> station = fields.required(top, "station", "the answers file (name and timeZone)")
        .flatMap(n -> fields.mapping(n, "station", "name, timeZone"));
    if (station.isPresent()) {
      fields.unknownKeys(station.get(), Set.of("name", "timeZone"), "station");
      name = fields.required(station.get(), "name", "station").flatMap(n -> fields.text(n, "station.name")).orElse("");
      Optional<Node> tz = Fields.optional(station.get(), "timeZone");
      Optional<String> id = tz.flatMap(n -> fields.text(n, "station.timeZone"));
      if (id.isPresent()) {
        try {
          zone = ZoneId.of(id.get());
        } catch (DateTimeException e) {
          fields.problem(tz.get().at(), Bilingual.of("station.timeZone: không biết múi giờ '" + id.get()
              + "'; hãy viết một múi giờ như Asia/Ho_Chi_Minh",
              "station.timeZone: unknown time zone '" + id.get() + "'; write one such as Asia/Ho_Chi_Minh"));
        }
      }
    }
    String output = "default";
    boolean tone = true;
    Optional<Node.Mapping> audio = top.get("audio").flatMap(n -> fields.mapping(n, "audio", "output, testTone"));
    if (audio.isPresent()) {
      fields.unknownKeys(audio.get(), Set.of("output", "testTone"), "audio");
      output = fields.text(audio.get(), "output").orElse("default");
      tone = fields.bool(audio.get(), "testTone").orElse(true);
    }
    Map<String, BoardSpec> boards = boards(top);
    LineWiring wiring = LineWiring.namingTheBoards(boards, fields);
    Optional<StationConfig.Amplifier> amplifier = wiring.amplifier(top, "amplifier.");
    List<StationConfig.Zone> hamlets = hamlets(top, wiring);
    boolean lineTest = fields.bool(top, "lineTest").orElse(false);
    return new SetupAnswers(name, zone, output, tone, new ArrayList<>(boards.values()), amplifier, hamlets, lineTest);
  }

  private Map<String, BoardSpec> boards(Node.Mapping top) {
    Map<String, BoardSpec> boards = new LinkedHashMap<>();
    Optional<Node> node = fields.required(top, "boards", "the answers file (the relay boards: key, driver, port, channels)");
    for (Node item : node.map(n -> fields.items(n, "boards")).orElse(List.of())) {
      Optional<Node.Mapping> m = fields.mapping(item, "a board", "key, driver, port, channels, …");
      if (m.isEmpty()) {
        continue;
      }
      Node.Mapping board = m.get();
      Optional<String> key = fields.required(board, "key", "a board").flatMap(n -> fields.text(n, "board key"));
      Optional<Node> driverNode = fields.required(board, "driver", "a board");
      Optional<String> driver = driverNode.flatMap(n -> fields.text(n, "board driver"));
      if (driver.isPresent() && Driver.named(driver.get()).isEmpty()) {
        fields.problem(driverNode.get().at(), Bilingual.of("không biết trình điều khiển '" + driver.get() + "'; đã có: "
            + String.join(", ", Driver.names()), "unknown driver '" + driver.get() + "'; known: " + String.join(", ", Driver.names())));
        driver = Optional.empty();
      }
      Optional<String> port = fields.text(board, "port");
      if (driver.isPresent() && Driver.named(driver.get()).orElseThrow().needsPort() && port.isEmpty() && board.get("port").isEmpty()) {
        fields.problem(board.at(), Bilingual.of("bo rơ-le " + key.orElse("?") + ": bo " + driver.get()
            + " cần một cổng, ví dụ /dev/serial/by-id/usb-…",
            "board " + key.orElse("?") + ": a " + driver.get() + " board needs a port, e.g. /dev/serial/by-id/usb-…"));
      }
      int channels = fields.integer(board, "channels", 1, 256).orElse(8);
      Map<String, String> options = new HashMap<>();
      for (Node.Entry e : board.entries().values()) {
        if (!BOARD_CORE.contains(e.key())) {
          if (driver.isPresent() && !Driver.named(driver.get()).orElseThrow().options().contains(e.key())) {
            Set<String> known = new java.util.TreeSet<>(Driver.named(driver.get()).orElseThrow().options());
            fields.problem(e.keyAt(), Bilingual.of("trình điều khiển " + driver.get() + " không có tùy chọn '" + e.key()
                + "'; các tùy chọn: " + known, "driver " + driver.get() + " has no option '" + e.key() + "'; it knows " + known));
            continue;
          }
          fields.text(e.value(), "board option " + e.key()).ifPresent(v -> options.put(e.key(), v));
        }
      }
      if (key.isPresent() && driver.isPresent()) {
        if (boards.containsKey(key.get())) {
          fields.problem(board.at(), Bilingual.of("khóa bo rơ-le '" + key.get() + "' dùng hai lần",
              "board key '" + key.get() + "' used twice"));
        } else {
          boards.put(key.get(), new BoardSpec(key.get(), driver.get(), port, channels, options));
        }
      }
    }
    if (node.isPresent() && boards.isEmpty() && fields.count() == 0) {
      fields.problem(node.get().at(), Bilingual.of("boards: cần ít nhất một bo rơ-le (driver: simulated cho bàn thử)",
          "boards: at least one relay board is needed (driver: simulated for a test bench)"));
    }
    return boards;
  }

  private List<StationConfig.Zone> hamlets(Node.Mapping top, LineWiring wiring) {
    List<StationConfig.Zone> hamlets = new ArrayList<>();
    Optional<Node> node = fields.required(top, "hamlets", "the answers file (name, board, channel of each hamlet line)");
    if (node.isEmpty()) {
      return hamlets;
    }
    for (Node item : fields.items(node.get(), "hamlets")) {
      Optional<Node.Mapping> m = fields.mapping(item, "a hamlet", "name, board, channel");
      if (m.isEmpty()) {
        continue;
      }
      Node.Mapping h = m.get();
      fields.unknownKeys(h, Set.of("key", "name", "board", "channel"), "a hamlet");
      Optional<String> name = fields.required(h, "name", "a hamlet").flatMap(n -> fields.text(n, "hamlet name"));
      Optional<Node> keyNode = Fields.optional(h, "key");
      Optional<String> key = keyNode.isPresent() ? keyNode.flatMap(n -> fields.text(n, "hamlet key")) : name.map(ZoneKeys::fromName);
      Optional<String> board = fields.required(h, "board", "a hamlet").flatMap(n -> fields.text(n, "hamlet board"));
      Optional<Integer> channel = fields.required(h, "channel", "a hamlet").flatMap(n -> fields.integer(n, "hamlet channel", 1, 256));
      if (name.isEmpty() || key.isEmpty() || board.isEmpty() || channel.isEmpty()) {
        continue;
      }
      Position at = keyNode.map(Node::at).orElse(h.at());
      if (!ZoneKey.isValid(key.get())) {
        fields.problem(at, Bilingual.of("khóa thôn '" + key.get() + "': hãy dùng chữ thường, chữ số, '-' hoặc '_', ví dụ ap-1",
            "hamlet key '" + key.get() + "': use lower-case letters, digits, '-' or '_', e.g. ap-1"));
        continue;
      }
      if (!wiring.firstUseOf(key.get(), at, Bilingual.of("khóa thôn '" + key.get() + "' dùng hai lần; hãy cho một thôn"
          + " một key: riêng", "hamlet key '" + key.get() + "' used twice; give one of them a key: of its own"))) {
        continue;
      }
      wiring.wire(board.get(), channel.get(), h.at(), "hamlet " + name.get(), "hamlet " + key.get());
      hamlets.add(new StationConfig.Zone(new ZoneKey(key.get()), name.get(), board.get(), channel.get()));
    }
    if (hamlets.isEmpty() && fields.count() == 0) {
      fields.problem(node.get().at(), Bilingual.of("hamlets: cần ít nhất một đường dây thôn", "hamlets: at least one hamlet line is needed"));
    }
    return hamlets;
  }
}
