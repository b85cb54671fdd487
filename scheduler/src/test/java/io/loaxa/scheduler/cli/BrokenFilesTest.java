package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.DemoSchedule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deliberately broken files (truncated, wrong type, wrong encoding, absurd values, huge, empty, a
 * folder, a missing path) handed to every command that reads or writes one: each costs the operator
 * one clear sentence naming the file, exit code 1, no Java words, and the station stays as it was.
 */
class BrokenFilesTest {
  private static final List<String> JAVA_WORDS = List.of("Exception", "java.", "\tat ", "internal error", "lỗi nội bộ",
      "Input length", "Error:");

  @TempDir
  Path dir;

  private Path demo;

  @BeforeEach
  void importTheDemoSchedule() throws Exception {
    demo = dir.resolve("lich.yaml");
    Files.writeString(demo, DemoSchedule.text());
    CliRun imported = loaxa("schedule", "import", demo.toString(), "--data", data());
    assertEquals(0, imported.code(), imported.err());
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private static Path broken(String name) throws URISyntaxException {
    return Path.of(BrokenFilesTest.class.getResource("broken/" + name).toURI());
  }

  private String exported() {
    CliRun r = loaxa("schedule", "export", "--data", data());
    assertEquals(0, r.code(), r.err());
    return r.out();
  }

  /** Exit 1, the file named, the expected words (each of them: the Vietnamese and the English half), nothing of Java's. */
  private static void refusedPlainly(CliRun r, String file, String... expected) {
    String said = r.out() + r.err();
    assertEquals(1, r.code(), said);
    assertTrue(said.contains(file), "names the file: " + said);
    for (String words : expected) {
      assertTrue(said.contains(words), "says '" + words + "': " + said);
    }
    for (String word : JAVA_WORDS) {
      assertFalse(said.contains(word), "Java's words '" + word + "' reach the operator: " + said);
    }
    assertTrue(said.lines().count() <= 12, "a few lines, not a dump: " + said);
  }

  @ParameterizedTest(name = "schedule {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "nested.yaml      | lồng quá sâu: quá 64 tầng                                             | (nested deeper than 64 levels",
      "latin1.yaml      | không phải UTF-8 ở dòng 3, byte 50 (0xF4): lưu tệp dưới dạng UTF-8  | (not UTF-8 at line 3, byte 50 of the file [0xF4]: save the file as UTF-8)",
      "utf16.yaml       | tệp được lưu dưới dạng UTF-16                                         | (the file is saved as UTF-16: save it as UTF-8)",
      "truncated.yaml   | lỗi cú pháp YAML:                                                      | (YAML:",
      "wrong-type.yaml  | trường 'programmes' phải là một danh sách                              | (programmes must be a list",
      "absurd.yaml      | giờ '99:99' không hợp lệ; hãy viết                                     | (bad time '99:99'; write",
      "empty.yaml       | thiếu 'version: 1'                                                     | (missing 'version: 1')",
      "laughs.yaml      | quá nhiều giá trị                                                      | values once aliases are expanded)",
      "long-value.yaml  | giá trị quá dài                                                        | characters; at most",
      "binary.yaml      | không phải UTF-8 ở dòng 2, byte 129 (0x80)                             | (not UTF-8 at line 2, byte 129 of the file [0x80]",
  })
  void aBrokenScheduleIsCheckedAndRefusedInTheOperatorsWordsAndChangesNothing(String name, String vietnamese, String english)
      throws Exception {
    Path file = broken("schedule/" + name);
    String before = exported();
    refusedPlainly(loaxa("schedule", "check", file.toString(), "--data", data()), file.toString(), vietnamese, english);
    refusedPlainly(loaxa("schedule", "import", file.toString(), "--data", data()), file.toString(), vietnamese, english);
    refusedPlainly(loaxa("schedule", "preview", file.toString(), "--from", "2026-03-02", "--data", data()), file.toString(),
        vietnamese, english);
    assertEquals(before, exported(), "the station's schedule is unchanged");
  }

  @ParameterizedTest(name = "station config {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "nested.yaml      | lồng quá sâu                                | (nested deeper than 64 levels",
      "latin1.yaml      | không phải UTF-8 ở dòng 1, byte 19 (0xD0)   | (not UTF-8 at line 1, byte 19 of the file [0xD0]",
      "empty.yaml       | thiếu 'station' trong cấu hình đài          | (missing 'station' in the station config",
      "wrong-type.yaml  | trường 'station' phải là một bảng           | (station is a mapping [",
      "truncated.yaml   | lỗi cú pháp YAML:                           | (YAML:",
      "absurd.yaml      | không biết múi giờ 'Mars/Olympus' (ví dụ Asia/Ho_Chi_Minh) | (unknown time zone 'Mars/Olympus' [e.g. Asia/Ho_Chi_Minh])",
  })
  void aBrokenStationConfigIsRefusedInTheOperatorsWords(String name, String vietnamese, String english) throws Exception {
    Path file = broken("station/" + name);
    refusedPlainly(loaxa("schedule", "check", demo.toString(), "--config", file.toString(), "--data", data()), file.toString(),
        vietnamese, english);
    refusedPlainly(loaxa("doctor", "--config", file.toString(), "--data", data()), file.toString(), vietnamese, english);
  }

  @Test
  void anUnknownTimeZoneIsToldAtItsPlaceInVietnameseThenEnglishByDoctorAndByScheduleCheck() throws Exception {
    Path file = dir.resolve("mui-gio.yaml");
    Files.writeString(file, """
        station: { name: "Xã Thử", timeZone: Asia/Hanoi_City }
        boards: [ { key: tu, driver: simulated, channels: 8 } ]
        zones: [ { key: ap-1, board: tu, channel: 1 } ]
        """);
    String line = file + ":1:38: không biết múi giờ 'Asia/Hanoi_City' (ví dụ Asia/Ho_Chi_Minh) (unknown time zone "
        + "'Asia/Hanoi_City' [e.g. Asia/Ho_Chi_Minh])";
    refusedPlainly(loaxa("doctor", "--config", file.toString(), "--data", data()), file.toString(), line);
    refusedPlainly(loaxa("schedule", "check", demo.toString(), "--config", file.toString(), "--data", data()),
        file.toString(), line);
  }

  @Test
  void aMissingFileAMissingFolderAFolderAndAHugeFileAreEachRefusedByName() throws Exception {
    Path huge = dir.resolve("huge.yaml");
    Files.write(huge, ("# " + "x".repeat(1021) + "\n").repeat(4 * 1024 + 1).getBytes());
    Path folder = Files.createDirectories(dir.resolve("a-folder.yaml"));
    String before = exported();
    for (List<String> c : List.of(
        List.of(dir.resolve("khong-co.yaml").toString(), "không có tệp", "(no such file: "),
        List.of(dir.resolve("khong-co/lich.yaml").toString(), "không có thư mục", "does not exist)"),
        List.of(folder.toString(), "là một thư mục, không phải tệp (", " is a folder, not a file)"),
        List.of(huge.toString(), "tệp quá lớn", "(the file is larger than"))) {
      String[] words = {c.get(1), c.get(2)};
      refusedPlainly(loaxa("schedule", "check", c.get(0), "--data", data()), c.get(0), words);
      refusedPlainly(loaxa("schedule", "import", c.get(0), "--data", data()), c.get(0), words);
      refusedPlainly(loaxa("schedule", "check", demo.toString(), "--config", c.get(0), "--data", data()), c.get(0), words);
    }
    assertEquals(before, exported(), "the station's schedule is unchanged");
  }

  @Test
  void anExportWhereNoFolderCanBeMadeIsRefusedByNameAndLeavesNothingBehind() throws Exception {
    Path inTheWay = Files.writeString(dir.resolve("bao-cao"), "a file, not a folder");
    Path missing = dir.resolve("khong-co-thu-muc");
    Path folder = Files.createDirectories(dir.resolve("thu-muc"));
    refusedPlainly(loaxa("log", "export", "--from", "2026-01-01", "--to", "2026-01-31", "--out",
        inTheWay.resolve("thang-1/log.csv").toString(), "--data", data()), inTheWay.toString(), "là một tệp");
    refusedPlainly(loaxa("report", "--period", "2026-01", "--out", inTheWay.resolve("q1.xlsx").toString(), "--data", data()),
        inTheWay.toString(), "là một tệp");
    refusedPlainly(loaxa("log", "export", "--from", "2026-01-01", "--to", "2026-01-31", "--out", folder.toString(), "--data",
        data()), folder.toString(), "là một thư mục");
    refusedPlainly(loaxa("schedule", "export", "--out", missing.resolve("lich.yaml").toString(), "--data", data()),
        missing.toString(), "không có thư mục");
    refusedPlainly(loaxa("schedule", "ics", "--out", inTheWay.resolve("lich.ics").toString(), "--data", data()),
        inTheWay.toString(), "là một tệp");
    assertEquals("a file, not a folder", Files.readString(inTheWay));
    assertFalse(Files.exists(missing));
    try (var left = Files.list(folder)) {
      assertEquals(0, left.count(), "no temporary file left in " + folder);
    }
  }

  /** The files the YAML reader refuses in any role, with the words it says, plus paths that are no file at all. */
  private List<List<String>> brokenYamlFiles() throws Exception {
    Path huge = dir.resolve("huge-answers.yaml");
    Files.write(huge, ("# " + "x".repeat(1021) + "\n").repeat(4 * 1024 + 1).getBytes());
    Path folder = Files.createDirectories(dir.resolve("folder-answers.yaml"));
    Path empty = Files.writeString(dir.resolve("empty-answers.yaml"), "");
    return List.of(
        List.of(broken("station/nested.yaml").toString(), "lồng quá sâu"),
        List.of(broken("station/latin1.yaml").toString(), "không phải UTF-8 ở dòng 1, byte 19 (0xD0)"),
        List.of(broken("schedule/utf16.yaml").toString(), "UTF-16"),
        List.of(broken("station/truncated.yaml").toString(), "YAML:"),
        List.of(broken("schedule/binary.yaml").toString(), "không phải UTF-8"),
        List.of(empty.toString(), ""),
        List.of(dir.resolve("khong-co.yaml").toString(), "không có tệp"),
        List.of(dir.resolve("khong-co/tra-loi.yaml").toString(), "không có thư mục"),
        List.of(folder.toString(), "là một thư mục, không phải tệp"),
        List.of(huge.toString(), "tệp quá lớn"));
  }

  @Test
  void aBrokenAnswersFileForTheWizardIsRefusedByNameAndWritesNoConfig() throws Exception {
    Path config = dir.resolve("etc/station.yaml");
    for (List<String> c : brokenYamlFiles()) {
      refusedPlainly(loaxa("setup", "--answers", c.get(0), "--config", config.toString()), c.get(0), c.get(1));
      assertFalse(Files.exists(config), "no station config written after " + c.get(0));
    }
  }

  @Test
  void aBrokenStationConfigForTheAlertTestIsRefusedByNameAndSendsNothing() throws Exception {
    for (List<String> c : brokenYamlFiles()) {
      refusedPlainly(loaxa("alert", "test", "--config", c.get(0), "--data", data()), c.get(0), c.get(1));
    }
  }

  @Test
  void aReportOntoAFolderIsRefusedByNameAndIntoAMissingFolderMakesIt() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("bao-cao.xlsx"));
    refusedPlainly(loaxa("report", "--period", "2026-01", "--out", folder.toString(), "--data", data()), folder.toString(),
        "là một thư mục");
    Path missing = dir.resolve("khong-co-thu-muc");
    CliRun toMissing = loaxa("report", "--period", "2026-01", "--format", "pdf", "--out", missing.resolve("q1.pdf").toString(),
        "--data", data());
    assertEquals(0, toMissing.code(), "a missing folder is made, as for every export: " + toMissing.err());
    assertTrue(Files.isRegularFile(missing.resolve("q1.pdf")));
    try (var left = Files.list(folder)) {
      assertEquals(0, left.count(), "no temporary file left in " + folder);
    }
  }
}
