package io.loaxa.schedules.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.yaml.YamlDocuments;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spellings every YAML file of the station accepts, and the words it refuses the others with. */
class FieldsTest {
  private final List<Problem> problems = new ArrayList<>();
  private final Fields fields = new Fields(problems);

  /** The mapping of a one-line file {@code f.yaml}. */
  private static Node.Mapping line(String yaml) throws SourceException {
    return (Node.Mapping) YamlDocuments.parse(yaml, "f.yaml");
  }

  private static Node value(String yaml) throws SourceException {
    return line(yaml).get("v").orElseThrow();
  }

  private List<String> refusals() {
    return problems.stream().map(Problem::toString).toList();
  }

  @ParameterizedTest(name = "a technician may write {0}")
  @CsvSource({"true, true", "True, true", "yes, true", "YES, true", "on, true", "On, true",
      "false, false", "FALSE, false", "no, false", "No, false", "off, false", "OFF, false", "' yes ', true"})
  void aSwitchMayBeWrittenTrueYesOrOn(String written, boolean meant) throws SourceException {
    assertEquals(Optional.of(meant), fields.bool(value("v: " + written), "inverted"));
    assertEquals(List.of(), refusals());
  }

  @Test
  void aSwitchWrittenMaybeIsRefusedWhereItIsWritten() throws SourceException {
    assertEquals(Optional.empty(), fields.bool(line("zone: { inverted: maybe }").get("zone").map(n -> (Node.Mapping) n).orElseThrow(),
        "inverted"));
    assertEquals(List.of("f.yaml:1:19: trường 'inverted' là true hoặc false, không phải 'maybe' (inverted is true or false, not 'maybe')"), refusals());
  }

  @ParameterizedTest(name = "{0} lasts {1} seconds")
  @CsvSource({"PT30M, 1800", "pt30m, 1800", "PT1H30M, 5400", "PT45S, 45", "PT0.5S, 0.5", "1h30m, 5400", "45s, 45",
      "90m, 5400", "2h, 7200", "90min, 5400", "'1h 30m', 5400", "1H30M, 5400"})
  void aLengthMayBeWrittenInIsoOrTheShortForm(String written, double seconds) throws SourceException {
    assertEquals(Optional.of(Duration.ofMillis((long) (seconds * 1000))),
        fields.duration(value("v: " + written), "maxDuration", Fields.Zero.REFUSED));
    assertEquals(List.of(), refusals());
  }

  @Test
  void aLengthThatIsNeitherFormIsRefusedWithBothFormsShown() throws SourceException {
    assertEquals(Optional.empty(), fields.duration(value("v: half an hour"), "maxDuration", Fields.Zero.REFUSED));
    assertEquals(Optional.empty(), fields.duration(value("v: 30"), "warmUp", Fields.Zero.ALLOWED));
    assertEquals(List.of(
        "f.yaml:1:4: thời lượng 'half an hour' của trường 'maxDuration' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad maxDuration 'half an hour'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "f.yaml:1:4: thời lượng '30' của trường 'warmUp' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad warmUp '30'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s)"),
        refusals());
  }

  @Test
  void aToleranceMayBeZeroButALengthMayNotAndNeitherMayBeNegative() throws SourceException {
    assertEquals(Optional.of(Duration.ZERO), fields.duration(value("v: PT0S"), "lateTolerance", Fields.Zero.ALLOWED));
    assertEquals(Optional.empty(), fields.duration(value("v: 0s"), "maxDuration", Fields.Zero.REFUSED));
    assertEquals(Optional.empty(), fields.duration(value("v: -PT5M"), "lateTolerance", Fields.Zero.ALLOWED));
    assertEquals(List.of("f.yaml:1:4: trường 'maxDuration' phải lớn hơn 0, không phải 0s (maxDuration must be more than zero, not 0s)", "f.yaml:1:4: trường 'lateTolerance' phải từ 0 trở lên, không phải -PT5M (lateTolerance must be zero or more, not -PT5M)"),
        refusals());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"'\"05:30\"', 05:30", "05:30, 05:30", "'\"5:45\"', 05:45", "'\"17:30:15\"', 17:30:15", "'\"00:00\"', 00:00",
      "'\"23:59\"', 23:59"})
  void aTimeOfDayIsHoursAndMinutesWithOptionalSeconds(String written, LocalTime meant) throws SourceException {
    assertEquals(Optional.of(meant), fields.localTime(value("v: " + written), "at"));
    assertEquals(List.of(), refusals());
  }

  @Test
  void aTimeOfDayThatIsNoTimeIsRefusedWithTheFormToWrite() throws SourceException {
    assertEquals(Optional.empty(), fields.localTime(value("v: \"25:00\""), "at"));
    assertEquals(Optional.empty(), fields.localTime(value("v: 530"), "at"));
    assertEquals(List.of("f.yaml:1:4: giờ '25:00' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time '25:00'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "f.yaml:1:4: giờ '530' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time '530'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")"), refusals());
  }

  @Test
  void aDayIsWrittenIsoOrTheVietnameseWay() throws SourceException {
    assertEquals(Optional.of(LocalDate.of(2026, 2, 17)), fields.localDate(value("v: \"2026-02-17\""), "on"));
    assertEquals(Optional.of(LocalDate.of(2026, 2, 17)), fields.localDate(value("v: 17/2/2026"), "on"));
    assertEquals(Optional.empty(), fields.localDate(value("v: \"2026-02-30\""), "except"));
    assertEquals(List.of("f.yaml:1:4: ngày '2026-02-30' trong trường 'except' không hợp lệ; hãy viết YYYY-MM-DD, ví dụ \"2026-02-17\" (bad date '2026-02-30' in except; write YYYY-MM-DD, e.g. \"2026-02-17\")"), refusals());
  }

  @Test
  void aCountIsAWholeNumberInItsRange() throws SourceException {
    Node.Mapping m = line("switching: { attempts: 3, retries: 0, tries: ten }").get("switching").map(n -> (Node.Mapping) n).orElseThrow();
    assertEquals(Optional.of(3), fields.integer(m, "attempts", 1, 10));
    assertEquals(Optional.empty(), fields.integer(m, "retries", 1, 10));
    assertEquals(Optional.empty(), fields.integer(m, "tries", 1, 10));
    assertEquals(List.of("f.yaml:1:36: trường 'retries' là một số nguyên từ 1 đến 10, không phải '0' (retries is a whole number from 1 to 10, not '0')",
        "f.yaml:1:46: trường 'tries' là một số nguyên từ 1 đến 10, không phải 'ten' (tries is a whole number from 1 to 10, not 'ten')"), refusals());
  }

  @Test
  void aChoiceIsOneOfTheWordsTheStationKnows() throws SourceException {
    assertEquals(Optional.of("freetts"), fields.oneOf(value("v: freetts"), "engine", List.of("espeak-ng", "freetts", "command")));
    assertEquals(Optional.empty(), fields.oneOf(value("v: mary"), "engine", List.of("espeak-ng", "freetts", "command")));
    assertEquals(List.of("f.yaml:1:4: giá trị 'mary' của trường 'engine' không hợp lệ; hãy viết espeak-ng, freetts hoặc command (bad engine 'mary'; write espeak-ng, freetts or command)"), refusals());
  }

  @Test
  void aListLeftEmptyIsNoItemsAndAValueWhereAListBelongsIsRefused() throws SourceException {
    assertEquals(List.of(), fields.items(value("v:"), "except"));
    assertEquals(2, fields.items(value("v: [a, b]"), "except").size());
    assertEquals(List.of(), fields.items(value("v: ap-1"), "zones"));
    assertEquals(List.of("f.yaml:1:4: trường 'zones' phải là một danh sách, không phải một giá trị (zones must be a list, not a value)"), refusals());
  }

  @Test
  void aListWhereAMappingBelongsIsRefusedWithTheKeysItTakes() throws SourceException {
    assertEquals(Optional.empty(), fields.mapping(value("v: [tu-chinh, 8]"), "amplifier", "board, channel, warmUp"));
    assertEquals(Optional.empty(), fields.mapping(value("v: x"), "audio"));
    assertEquals(List.of("f.yaml:1:4: trường 'amplifier' phải là một bảng (board, channel, warmUp), không phải một danh sách (amplifier is a mapping [board, channel, warmUp], not a list)",
        "f.yaml:1:4: trường 'audio' phải là một bảng (key: value), không phải một giá trị (audio is a mapping [key: value], not a value)"), refusals());
  }

  @Test
  void aValueLeftEmptyOrWrittenAsAListIsRefused() throws SourceException {
    assertEquals(Optional.empty(), fields.text(value("v: ~"), "title"));
    assertEquals(Optional.empty(), fields.text(value("v: [a]"), "title"));
    assertEquals(List.of("f.yaml:1:4: trường 'title' chưa có giá trị (title has no value)", "f.yaml:1:4: trường 'title' phải là một giá trị đơn, không phải một danh sách (title must be a single value, not a list)"), refusals());
  }

  @Test
  void aKeyNotWrittenIsNoValueAndNoProblemUnlessRequired() throws SourceException {
    Node.Mapping m = line("zone: { key: ap-1, colour: red }").get("zone").map(n -> (Node.Mapping) n).orElseThrow();
    assertEquals(Optional.empty(), fields.bool(m, "inverted"));
    assertEquals(Optional.empty(), fields.duration(m, "warmUp", Fields.Zero.ALLOWED));
    assertEquals(List.of(), refusals());
    assertTrue(fields.required(m, "board", "a zone").isEmpty());
    fields.unknownKeys(m, Set.of("key", "name", "board", "channel"), "a zone");
    assertEquals(List.of("f.yaml:1:7: thiếu 'board' trong thôn (missing 'board' in a zone)",
        "f.yaml:1:20: khóa lạ 'colour' trong thôn; các khóa dùng được: board, channel, key, name (unknown key 'colour' in a zone; expected board, channel, key, name)"), refusals());
  }

  @Test
  void aKeyWrittenWithoutAValueCountsAsNotWrittenWhereItIsOptional() throws SourceException {
    Node.Mapping m = line("p: { priority: , title: x }").get("p").map(n -> (Node.Mapping) n).orElseThrow();
    assertEquals(Optional.empty(), Fields.optional(m, "priority"));
    assertTrue(Fields.optional(m, "title").isPresent());
  }

  @Test
  void aShortDurationWithMoreDigitsThanAnyLengthIsRefusedNotACrash() throws SourceException {
    assertEquals(Optional.empty(), fields.duration(value("v: 99999999999999999999h"), "maxDuration", Fields.Zero.REFUSED));
    assertEquals(Optional.empty(), fields.duration(value("v: 9999999999999999h"), "maxDuration", Fields.Zero.REFUSED));
    assertEquals(List.of(
        "f.yaml:1:4: thời lượng '99999999999999999999h' của trường 'maxDuration' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad maxDuration '99999999999999999999h'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "f.yaml:1:4: thời lượng '9999999999999999h' của trường 'maxDuration' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad maxDuration '9999999999999999h'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s)"),
        refusals());
  }
}
