package io.loaxa.scheduler.setup;

import io.loaxa.audio.AudioException;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Driver;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayBoards;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.scheduler.report.Language;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code loaxa setup}: walks the installer through naming the station, choosing and hearing the sound
 * output, finding the relay boards (reading only), naming the hamlets and the amplifier, testing each
 * line, and writing the station config. Interactive at a terminal, or unattended from answers.
 */
public final class SetupWizard {
  /** How long a line stays on in a line test when there is no tone to play. */
  public static final Duration LINE_TEST_MOMENT = Duration.ofSeconds(2);

  private final Console console;
  private final Language language;
  private final Parts parts;
  private final Path target;

  /**
   * What the wizard works with on this machine.
   *
   * @param probing the context probes open ports with (the real serial ports in the field)
   */
  public record Parts(SoundOutputs sound, SerialPortList ports, DeviceContext probing, BoardOpener boards, Clock clock) {}

  public SetupWizard(Console console, Language language, Parts parts, Path target) {
    this.console = console;
    this.language = language;
    this.parts = parts;
    this.target = target;
  }

  // ---------------------------------------------------------------- unattended

  /**
   * Applies answers read from a file: plays the tone, asks each board (reading only), tests the lines
   * if asked, writes the config.
   *
   * @throws UserError when the config the answers make is refused, or cannot be written
   */
  public StationConfigFile.Written unattended(SetupAnswers answers) {
    say("Cài đặt đài theo tệp trả lời — setting up from an answers file", "Setting up from an answers file");
    if (answers.testTone()) {
      tone(answers.soundOutput());
    }
    for (BoardSpec board : answers.boards()) {
      ProbeReport report = RelayBoards.probe(board, parts.probing());
      boolean silentByDesign = Driver.named(board.driver()).map(d -> !d.replies()).orElse(false);
      say("Bo " + board.key() + " (" + board.driver() + board.port().map(p -> ", " + p).orElse("") + "): "
              + (report.answered() ? "trả lời — " + report.detail() : silentByDesign ? "loại bo không bao giờ trả lời" : "KHÔNG trả lời — " + report.detail()),
          "Board " + board.key() + " (" + board.driver() + board.port().map(p -> ", " + p).orElse("") + "): "
              + (report.answered() ? "answers — " + report.detail() : silentByDesign ? "this kind never answers" : "NO answer — " + report.detail()));
    }
    StationConfig config = check(answers);
    if (answers.lineTest()) {
      lineTests(config, answers, answers.hamlets());
    }
    return write(answers);
  }

  // ---------------------------------------------------------------- interactive

  /** Asks everything at the console, then tests and writes as the installer agrees. */
  public StationConfigFile.Written interactive() {
    say("Cài đặt đài truyền thanh — loaxa setup. Nhấn Enter để nhận giá trị trong [ngoặc vuông].",
        "Station setup — loaxa setup. Press Enter to take the value in [brackets].");
    Optional<StationConfig> before = current();
    before.ifPresent(c -> say("Cấu hình hiện có (" + target + ") cho giá trị mặc định.", "The current config (" + target + ") gives the defaults."));
    String oldName = before.map(StationConfig::name).orElse("");
    String name = "";
    while (name.isBlank()) {
      String hint = oldName.isEmpty() ? language.pick(" (ví dụ: Đài truyền thanh xã Tân Hưng)", " (e.g. Đài truyền thanh xã Tân Hưng)") : " [" + oldName + "]";
      name = ask("1. Tên đài" + hint + ":", "1. Station name" + hint + ":", oldName);
    }
    ZoneId zone = askZone(before.map(StationConfig::timeZone).orElse(SetupAnswers.VIETNAM));
    String output = askOutput(before.map(StationConfig::audioOutput).orElse("default"));
    boolean tone = true;
    List<SerialPortList.Port> ports = parts.ports().ports();
    Map<String, List<BoardFinder.Found>> found = findBoards(ports);
    List<BoardSpec> boards = askBoards(ports, found);
    Optional<StationConfig.Amplifier> amplifier = askAmplifier(boards);
    List<StationConfig.Zone> hamlets = askHamlets(boards, amplifier);
    SetupAnswers answers = new SetupAnswers(name, zone, output, tone, boards, amplifier, hamlets, false);
    StationConfig config = check(answers);
    if (yes("7. Thử đường dây từng thôn (bật một lúc rồi tắt)?", "7. Test each hamlet's line (on for a moment, then off)?", true)) {
      List<StationConfig.Zone> chosen = new ArrayList<>();
      for (StationConfig.Zone h : hamlets) {
        if (yes("   Thử " + h.name() + " (" + h.board() + " kênh " + h.channel() + ")?",
            "   Test " + h.name() + " (" + h.board() + " channel " + h.channel() + ")?", true)) {
          chosen.add(h);
        }
      }
      lineTests(config, answers, chosen);
    }
    say("8. Cấu hình sẽ ghi vào " + target.toAbsolutePath() + ":", "8. The config to be written to " + target.toAbsolutePath() + ":");
    for (String line : StationConfigText.of(answers, parts.clock().instant()).split("\n")) {
      say("   " + line);
    }
    if (!yes("   Ghi cấu hình này?", "   Write this config?", true)) {
      throw new UserError(language.pick("không ghi gì: cấu hình cũ giữ nguyên", "nothing written: the old config stays as it was"));
    }
    return write(answers);
  }

  /** The config being replaced, as the station reads it; empty when there is none or it is refused. */
  private Optional<StationConfig> current() {
    if (!java.nio.file.Files.isRegularFile(target)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StationConfigReader.read(target));
    } catch (SourceException | io.loaxa.schedules.source.UnreadableFileException e) {
      say("Cấu hình hiện có (" + target + ") không đọc được; bắt đầu từ đầu, bản cũ sẽ được sao lưu.",
          "The current config (" + target + ") cannot be read; starting afresh, the old file will be backed up.");
      return Optional.empty();
    }
  }

  private ZoneId askZone(ZoneId fallback) {
    while (true) {
      String text = ask("2. Múi giờ [" + fallback + "]:", "2. Time zone [" + fallback + "]:", fallback.getId());
      try {
        return ZoneId.of(text);
      } catch (DateTimeException e) {
        say("   Không biết múi giờ '" + text + "'; viết ví dụ Asia/Ho_Chi_Minh.", "   Unknown time zone '" + text + "'; write one such as Asia/Ho_Chi_Minh.");
      }
    }
  }

  private String askOutput(String before) {
    while (true) {
      List<String> names = new ArrayList<>();
      names.add("default");
      names.addAll(parts.sound().names());
      say("3. Đầu ra âm thanh:", "3. Sound outputs:");
      for (int i = 0; i < names.size(); i++) {
        say("   " + i + ") " + names.get(i) + (i == 0 ? language.pick(" (mặc định của hệ thống)", " (the system's default)") : ""));
      }
      String d = Integer.toString(Math.max(0, names.indexOf(before)));
      String chosen = pick(ask("   Chọn số [" + d + "]:", "   Choose a number [" + d + "]:", d), names);
      if (chosen.isEmpty()) {
        continue;
      }
      if (!yes("   Phát tiếng thử 1 kHz ra " + chosen + "?", "   Play a 1 kHz test tone to " + chosen + "?", true)) {
        return chosen;
      }
      if (tone(chosen) && yes("   Có nghe thấy tiếng thử không?", "   Did you hear the tone?", true)) {
        return chosen;
      }
      say("   Chọn lại đầu ra, hoặc kiểm tra dây loa và âm lượng.", "   Choose again, or check the cable and the volume.");
    }
  }

  private String pick(String answer, List<String> names) {
    try {
      int i = Integer.parseInt(answer);
      if (i >= 0 && i < names.size()) {
        return names.get(i);
      }
    } catch (NumberFormatException e) {
      if (names.contains(answer)) {
        return answer;
      }
    }
    say("   Chọn một số từ 0 đến " + (names.size() - 1) + ".", "   Choose a number from 0 to " + (names.size() - 1) + ".");
    return "";
  }

  private boolean tone(String output) {
    try {
      TestTone.play(parts.sound().named(output));
      say("   Đã phát tiếng thử " + TestTone.LENGTH.toMillis() / 1000.0 + " giây ra " + output + ".",
          "   Played the test tone for " + TestTone.LENGTH.toMillis() / 1000.0 + " s to " + output + ".");
      return true;
    } catch (AudioException e) {
      say("   Không phát được ra " + output + ": " + e.getMessage(), "   Could not play to " + output + ": " + e.getMessage());
      return false;
    }
  }

  private Map<String, List<BoardFinder.Found>> findBoards(List<SerialPortList.Port> ports) {
    Map<String, List<BoardFinder.Found>> found = new LinkedHashMap<>();
    say("4. Cổng nối tiếp (chỉ đọc, không bật rơ-le nào):", "4. Serial ports (reading only, no relay is switched):");
    if (ports.isEmpty()) {
      say("   Không thấy cổng nào. Cắm bộ chuyển USB-RS485 rồi chạy lại, hoặc viết đường dẫn cổng.",
          "   No port seen. Plug in the USB-RS485 adapter and run again, or type the port's path.");
    }
    BoardFinder finder = new BoardFinder(parts.probing());
    for (int i = 0; i < ports.size(); i++) {
      SerialPortList.Port port = ports.get(i);
      say("   " + (i + 1) + ") " + port);
      BoardFinder.Asked asked = finder.ask(port.path());
      List<BoardFinder.Found> answers = asked.found();
      found.put(port.path(), answers);
      if (asked.notOpened().isPresent()) {
        say("      không mở được cổng: " + asked.notOpened().get() + " (dừng dịch vụ trước: sudo systemctl stop loaxa)",
            "      cannot open the port: " + asked.notOpened().get() + " (stop the service first: sudo systemctl stop loaxa)");
      } else if (answers.isEmpty()) {
        say("      không có bo nào trả lời (" + String.join(", ", names(BoardFinder.ASKED)) + ")",
            "      no board answered (" + String.join(", ", names(BoardFinder.ASKED)) + ")");
      }
      for (BoardFinder.Found f : answers) {
        say("      trả lời: " + describe(f), "      answered: " + describe(f));
      }
    }
    return found;
  }

  private String describe(BoardFinder.Found f) {
    return f.driver() + f.unit().map(u -> language.pick(", địa chỉ ", ", unit ") + u).orElse("")
        + f.channels().map(c -> language.pick(", " + c + " kênh", ", " + c + " channels")).orElse("") + " — " + f.detail();
  }

  private static List<String> names(List<Driver> drivers) {
    return drivers.stream().map(Driver::configName).toList();
  }

  private List<BoardSpec> askBoards(List<SerialPortList.Port> ports, Map<String, List<BoardFinder.Found>> found) {
    List<BoardSpec> boards = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    do {
      int n = boards.size() + 1;
      say("5. Bo rơ-le thứ " + n + ":", "5. Relay board " + n + ":");
      String defaultPort = ports.stream().map(SerialPortList.Port::path).filter(p -> !found.getOrDefault(p, List.of()).isEmpty())
          .findFirst().orElse(ports.isEmpty() ? "s" : ports.get(0).path());
      int defaultIndex = indexOf(ports, defaultPort);
      String answer = ask("   Cổng: số trong danh sách, đường dẫn, hoặc s (bo mô phỏng) [" + (defaultIndex > 0 ? defaultIndex : defaultPort) + "]:",
          "   Port: a number from the list, a path, or s (simulated board) [" + (defaultIndex > 0 ? defaultIndex : defaultPort) + "]:", defaultPort);
      Optional<String> port = port(answer, ports);
      if (port.isEmpty() && !answer.equalsIgnoreCase("s")) {
        continue;
      }
      List<BoardFinder.Found> here = port.map(p -> found.getOrDefault(p, List.of())).orElse(List.of());
      String defaultDriver = port.isEmpty() ? Driver.SIMULATED.configName() : here.isEmpty() ? Driver.MODBUS_RTU.configName() : here.get(0).driver().configName();
      Driver driver;
      if (port.isEmpty()) {
        driver = Driver.SIMULATED;
      } else {
        Optional<Driver> d;
        do {
          String text = ask("   Loại bo (" + String.join(", ", Driver.names()) + ") [" + defaultDriver + "]:",
              "   Driver (" + String.join(", ", Driver.names()) + ") [" + defaultDriver + "]:", defaultDriver);
          d = Driver.named(text);
          if (d.isEmpty()) {
            say("   Không biết loại '" + text + "'.", "   Unknown driver '" + text + "'.");
          }
        } while (d.isEmpty());
        driver = d.get();
      }
      Map<String, String> options = new LinkedHashMap<>();
      if (driver == Driver.MODBUS_RTU || driver == Driver.MODBUS_REGISTER) {
        int unit = number("   Địa chỉ Modbus (unit) [" + BoardFinder.UNIT + "]:", "   Modbus unit [" + BoardFinder.UNIT + "]:", BoardFinder.UNIT, 1, 247);
        options.put("unit", Integer.toString(unit));
      }
      int defaultChannels = here.stream().filter(f -> f.driver() == driver).findFirst().flatMap(BoardFinder.Found::channels)
          .orElse(driver == Driver.DTR_RTS ? 2 : 8);
      int channels = number("   Số kênh [" + defaultChannels + "]:", "   Channels [" + defaultChannels + "]:", defaultChannels, 1, 256);
      String key;
      String defaultKey = "bo-" + n;
      while (true) {
        key = ask("   Tên gọi của bo trong cấu hình [" + defaultKey + "]:", "   The board's key in the config [" + defaultKey + "]:", defaultKey);
        if (ZoneKey.isValid(key) && !keys.contains(key)) {
          break;
        }
        say("   Dùng chữ thường không dấu, số, '-' hoặc '_', chưa dùng (ví dụ tu-chinh).",
            "   Use lower-case letters, digits, '-' or '_', not used yet (e.g. tu-chinh).");
      }
      keys.add(key);
      BoardSpec spec = new BoardSpec(key, driver.configName(), port, channels, options);
      try {
        RelayBoards.validate(spec);
      } catch (IllegalArgumentException e) {
        say("   Bo này không dùng được: " + e.getMessage(), "   This board cannot be used: " + e.getMessage());
        keys.remove(key);
        continue;
      }
      boards.add(spec);
    } while (boards.isEmpty() || yes("   Thêm một bo rơ-le nữa?", "   Add another relay board?", false));
    return boards;
  }

  private static int indexOf(List<SerialPortList.Port> ports, String path) {
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).path().equals(path)) {
        return i + 1;
      }
    }
    return 0;
  }

  private Optional<String> port(String answer, List<SerialPortList.Port> ports) {
    if (answer.equalsIgnoreCase("s")) {
      return Optional.empty();
    }
    try {
      int i = Integer.parseInt(answer);
      if (i >= 1 && i <= ports.size()) {
        return Optional.of(ports.get(i - 1).path());
      }
      say("   Chọn một số từ 1 đến " + ports.size() + ".", "   Choose a number from 1 to " + ports.size() + ".");
      return Optional.empty();
    } catch (NumberFormatException e) {
      if (answer.startsWith("/")) {
        return Optional.of(answer);
      }
      say("   Viết một số, một đường dẫn bắt đầu bằng /, hoặc s.", "   Write a number, a path starting with /, or s.");
      return Optional.empty();
    }
  }

  private Optional<StationConfig.Amplifier> askAmplifier(List<BoardSpec> boards) {
    BoardSpec first = boards.get(0);
    String suggested = first.key() + "/" + first.channels();
    while (true) {
      String text = ask("6. Tăng âm bật bằng kênh nào? BO/KÊNH, hoặc 'không' [" + suggested + "]:",
          "6. Which channel switches the amplifier? BOARD/CHANNEL, or 'none' [" + suggested + "]:", suggested);
      String t = text.toLowerCase(Locale.ROOT);
      if (t.equals("không") || t.equals("khong") || t.equals("none") || t.equals("k")) {
        return Optional.empty();
      }
      Optional<Map.Entry<String, Integer>> where = boardChannel(text, boards);
      if (where.isPresent()) {
        return Optional.of(new StationConfig.Amplifier(where.get().getKey(), where.get().getValue(), Duration.ofSeconds(2)));
      }
    }
  }

  /** "bo-1/8", or "8" on the first board; refused (empty, with a line said) when there is no such channel. */
  private Optional<Map.Entry<String, Integer>> boardChannel(String text, List<BoardSpec> boards) {
    int slash = text.lastIndexOf('/');
    String key = slash < 0 ? boards.get(0).key() : text.substring(0, slash).strip();
    String number = slash < 0 ? text : text.substring(slash + 1).strip();
    Optional<BoardSpec> board = boards.stream().filter(b -> b.key().equals(key)).findFirst();
    try {
      int channel = Integer.parseInt(number);
      if (board.isPresent() && channel >= 1 && channel <= board.get().channels()) {
        return Optional.of(Map.entry(key, channel));
      }
    } catch (NumberFormatException e) {
      // said below, with what to write
    }
    say("   Không có kênh '" + text + "'; viết BO/KÊNH, ví dụ " + boards.get(0).key() + "/1 (bo: "
            + String.join(", ", boards.stream().map(BoardSpec::key).toList()) + ").",
        "   No channel '" + text + "'; write BOARD/CHANNEL, e.g. " + boards.get(0).key() + "/1 (boards: "
            + String.join(", ", boards.stream().map(BoardSpec::key).toList()) + ").");
    return Optional.empty();
  }

  private List<StationConfig.Zone> askHamlets(List<BoardSpec> boards, Optional<StationConfig.Amplifier> amplifier) {
    List<StationConfig.Zone> hamlets = new ArrayList<>();
    Set<String> used = new HashSet<>();
    amplifier.ifPresent(a -> used.add(a.board() + "/" + a.channel()));
    say("   Các thôn / ấp (mỗi thôn một kênh rơ-le). Để trống tên khi đã đủ.",
        "   The hamlets (one relay channel each). Leave the name empty when done.");
    while (true) {
      int n = hamlets.size() + 1;
      String name = ask("   Tên thôn/ấp thứ " + n + ":", "   Hamlet " + n + " name:", "");
      if (name.isEmpty()) {
        if (!hamlets.isEmpty()) {
          return hamlets;
        }
        say("   Cần ít nhất một thôn.", "   At least one hamlet is needed.");
        continue;
      }
      String key = ZoneKeys.fromName(name);
      if (!ZoneKey.isValid(key) || hamlets.stream().anyMatch(h -> h.key().value().equals(key))) {
        say("   Tên này trùng hoặc không làm được khoá; đặt tên khác.", "   This name repeats another or makes no key; choose another name.");
        continue;
      }
      String next = nextFree(boards, used);
      Optional<Map.Entry<String, Integer>> where = Optional.empty();
      while (where.isEmpty()) {
        String text = ask("   " + name + ": bo/kênh [" + next + "]:", "   " + name + ": board/channel [" + next + "]:", next);
        where = boardChannel(text, boards);
        if (where.isPresent() && used.contains(where.get().getKey() + "/" + where.get().getValue())) {
          say("   Kênh này đã dùng.", "   That channel is taken.");
          where = Optional.empty();
        }
      }
      used.add(where.get().getKey() + "/" + where.get().getValue());
      hamlets.add(new StationConfig.Zone(new ZoneKey(key), name, where.get().getKey(), where.get().getValue()));
    }
  }

  private static String nextFree(List<BoardSpec> boards, Set<String> used) {
    for (BoardSpec b : boards) {
      for (int c = 1; c <= b.channels(); c++) {
        if (!used.contains(b.key() + "/" + c)) {
          return b.key() + "/" + c;
        }
      }
    }
    return boards.get(0).key() + "/1";
  }

  // ---------------------------------------------------------------- shared steps

  /** The config the answers make, as the station reads it; refused with what the reader said. */
  private StationConfig check(SetupAnswers answers) {
    try {
      return StationConfigReader.parse(StationConfigText.of(answers, parts.clock().instant()), target.toString());
    } catch (SourceException e) {
      throw new UserError(language.pick("cấu hình làm ra bị từ chối:\n", "the config made would be refused:\n") + problems(e));
    }
  }

  private void lineTests(StationConfig config, SetupAnswers answers, List<StationConfig.Zone> hamlets) {
    if (hamlets.isEmpty()) {
      return;
    }
    List<RelayBoard> opened = List.of();
    try {
      opened = parts.boards().open(config.boards());
      Map<String, RelayBoard> byKey = new LinkedHashMap<>();
      opened.forEach(b -> byKey.put(b.key(), b));
      LineTest test = new LineTest(byKey);
      for (StationConfig.Zone h : hamlets) {
        LineTest.Result r = test.test(h, config.amplifier(), () -> moment(answers));
        String problems = String.join("; ", r.problems());
        if (r.passed()) {
          say("   Thử " + h.name() + ": bật rồi tắt" + r.confirmed().map(c -> ", bo xác nhận đã bật").orElse(", bo không đọc lại được: nghe ở loa"),
              "   Test " + h.name() + ": on, then off" + r.confirmed().map(c -> ", the board confirmed on").orElse(", the board cannot read back: listen at the speaker"));
        } else {
          say("   Thử " + h.name() + ": LỖI — " + (r.switchedOn() ? "" : "không bật được; ") + r.confirmed().filter(c -> !c).map(c -> "bo báo chưa bật; ").orElse("")
                  + (r.switchedOff() ? "đã tắt" : "KHÔNG TẮT ĐƯỢC, tắt bằng tay") + (problems.isEmpty() ? "" : " (" + problems + ")"),
              "   Test " + h.name() + ": FAILED — " + (r.switchedOn() ? "" : "could not switch on; ") + r.confirmed().filter(c -> !c).map(c -> "the board reads it off; ").orElse("")
                  + (r.switchedOff() ? "switched off" : "COULD NOT SWITCH OFF, switch it off by hand") + (problems.isEmpty() ? "" : " (" + problems + ")"));
        }
      }
    } catch (DeviceException e) {
      say("   Không mở được bo rơ-le: " + e.getMessage(), "   Cannot open the relay boards: " + e.getMessage());
    } finally {
      opened.forEach(RelayBoard::close);
    }
  }

  /** The tone while the line is on, so someone at the hamlet's speaker hears it; a silent moment when it cannot play. */
  private void moment(SetupAnswers answers) {
    if (answers.testTone()) {
      try {
        TestTone.play(parts.sound().named(answers.soundOutput()));
        return;
      } catch (AudioException e) {
        say("   (không phát được tiếng thử: " + e.getMessage() + ")", "   (the test tone could not play: " + e.getMessage() + ")");
      }
    }
    parts.probing().pause().pause(LINE_TEST_MOMENT);
  }

  private StationConfigFile.Written write(SetupAnswers answers) {
    String made = StationConfigText.of(answers, parts.clock().instant());
    KeptBlocks kept = keptBlocks();
    StationConfigFile.Written written;
    try {
      if (kept.names().isEmpty()) {
        written = StationConfigFile.write(target, made, parts.clock());
      } else {
        try {
          written = StationConfigFile.write(target, made + "# kept from the config this one replaces\n" + kept.text(), parts.clock());
          say("Giữ nguyên từ cấu hình cũ: " + String.join(", ", kept.names()) + ".", "Kept from the old config: " + String.join(", ", kept.names()) + ".");
        } catch (SourceException e) {
          say("Các khối cũ " + String.join(", ", kept.names()) + " có lỗi nên không giữ (vẫn còn trong bản sao lưu):\n" + problems(e),
              "The old blocks " + String.join(", ", kept.names()) + " have problems and are not kept (they stay in the backup):\n" + problems(e));
          written = StationConfigFile.write(target, made, parts.clock());
        }
      }
    } catch (SourceException e) {
      throw new UserError(language.pick("cấu hình làm ra bị từ chối, không ghi gì:\n", "the config made would be refused, nothing written:\n") + problems(e));
    } catch (IOException e) {
      throw new UserError(language.pick("không ghi được " + target + ": " + e.getMessage() + " (chạy bằng sudo?)",
          "cannot write " + target + ": " + e.getMessage() + " (run with sudo?)"), e);
    }
    say("Đã ghi " + written.file() + " (" + written.config().zones().size() + " thôn, " + written.config().boards().size() + " bo rơ-le)"
            + written.backup().map(b -> "; bản cũ giữ ở " + b).orElse("") + ".",
        "Wrote " + written.file() + " (" + written.config().zones().size() + " hamlets, " + written.config().boards().size() + " relay boards)"
            + written.backup().map(b -> "; the old one is kept as " + b).orElse("") + ".");
    say("Khởi động lại dịch vụ để dùng cấu hình mới: sudo systemctl restart loaxa",
        "Restart the service to use it: sudo systemctl restart loaxa");
    return written;
  }

  private KeptBlocks keptBlocks() {
    if (!java.nio.file.Files.isRegularFile(target)) {
      return KeptBlocks.NONE;
    }
    try {
      return KeptBlocks.from(java.nio.file.Files.readString(target), target.toString());
    } catch (IOException e) {
      // an old file that cannot be read (not UTF-8, no permission) is still backed up; nothing is carried from it
      return KeptBlocks.NONE;
    }
  }

  private static String problems(SourceException e) {
    return String.join("\n", e.problems().stream().map(Problem::toString).toList());
  }

  // ---------------------------------------------------------------- console

  private void say(String vi, String en) {
    console.say(language.pick(vi, en));
  }

  private void say(String line) {
    console.say(line);
  }

  private String ask(String vi, String en, String fallback) {
    String answer = console.ask(language.pick(vi, en));
    return answer.isEmpty() ? fallback : answer;
  }

  private int number(String vi, String en, int fallback, int min, int max) {
    while (true) {
      String text = ask(vi, en, Integer.toString(fallback));
      try {
        int n = Integer.parseInt(text);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      say("   Viết một số từ " + min + " đến " + max + ".", "   Write a number from " + min + " to " + max + ".");
    }
  }

  private boolean yes(String vi, String en, boolean fallback) {
    String hint = language.pick(fallback ? " [C/k]" : " [c/K]", fallback ? " [Y/n]" : " [y/N]");
    while (true) {
      String t = console.ask(language.pick(vi, en) + hint).toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        return fallback;
      }
      if (Set.of("c", "có", "co", "y", "yes").contains(t)) {
        return true;
      }
      if (Set.of("k", "không", "khong", "n", "no").contains(t)) {
        return false;
      }
      say("   Trả lời c (có) hoặc k (không).", "   Answer y (yes) or n (no).");
    }
  }
}
