package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.ScheduleFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedule file, the station config and its speech block take a switch and a length in the same
 * spellings, and refuse a wrong one in the same words at its file, line and column.
 */
class OneSpellingInEveryFileTest {
  private static final String BOARD = """
      station: { name: "Xã Thử" }
      boards:
        - { key: tu-chinh, driver: simulated, channels: 8 }
      """;

  /** A monthly CCHC airing whose rotateTopics is {@code yes}, with its topics when {@code withTopics}. */
  private static Schedule schedule(String yes, String length, boolean withTopics) throws SourceException {
    return ScheduleFile.parse("""
        version: 1
        programmes:
          - { key: cchc, title: "CCHC", segments: [ { speech: "cchc/{topic}.txt" } ], maxDuration: %s, lateTolerance: %s }
        airings:
          - { key: cchc-thang, programme: cchc, zones: all, at: "18:15", monthly: "first MO", rotateTopics: %s%s }
        """.formatted(length, length, yes, withTopics ? ", topics: [a, b]" : ""), "lich.yaml", StationFacts.demo());
  }

  private static StationConfig station(String yes, String length) throws SourceException {
    return StationConfigReader.parse(BOARD + """
        amplifier: { board: tu-chinh, channel: 8, warmUp: %s }
        zones:
          - { key: ap-1, board: tu-chinh, channel: 1, inverted: %s }
        switching: { maxOn: %s }
        speech:
          englishFallback: %s
          command: { name: piper-vi, run: [piper], voices: [vi], timeout: %s, sentenceBySentence: %s }
        """.formatted(length, yes, length, yes, length, yes), "station.yaml");
  }

  @ParameterizedTest(name = "a switch written {0} and a length written {1} mean the same in every file")
  @CsvSource({"on, 1h30m", "yes, PT1H30M", "true, 90m", "YES, pt1h30m", "On, 5400s"})
  void theScheduleTheStationConfigAndTheSpeechBlockReadASwitchAndALengthAlike(String yes, String length) throws SourceException {
    Duration ninetyMinutes = Duration.ofMinutes(90);

    Schedule schedule = schedule(yes, length, true);
    assertEquals(true, schedule.rule("cchc-thang").orElseThrow().rotateTopics());
    assertEquals(ninetyMinutes, schedule.programme(new ProgrammeKey("cchc")).orElseThrow().maxDuration().orElseThrow());
    assertEquals(ninetyMinutes, schedule.programme(new ProgrammeKey("cchc")).orElseThrow().lateTolerance());

    StationConfig config = station(yes, length);
    assertEquals(true, config.zones().get(0).inverted());
    assertEquals(ninetyMinutes, config.warmUp());
    assertEquals(ninetyMinutes, config.switching().maxOn());
    assertEquals(true, config.speech().englishVoiceAccepted());
    assertEquals(ninetyMinutes, config.speech().command().orElseThrow().timeout());
    assertEquals(true, config.speech().command().orElseThrow().sentenceBySentence());
  }

  @ParameterizedTest(name = "a switch written off means off")
  @CsvSource({"off", "no", "false"})
  void aSwitchWrittenOffIsOffInEveryFile(String no) throws SourceException {
    assertEquals(false, schedule(no, "PT5M", false).rule("cchc-thang").orElseThrow().rotateTopics());
    StationConfig config = station(no, "PT5M");
    assertEquals(false, config.zones().get(0).inverted());
    assertEquals(false, config.speech().englishVoiceAccepted());
  }

  @Test
  void aWrongSwitchOrLengthIsRefusedInTheSameWordsWhereverItIsWritten() {
    SourceException inSchedule = assertThrows(SourceException.class, () -> schedule("maybe", "an hour", false));
    assertEquals(List.of(
        "lich.yaml:3:92: thời lượng 'an hour' của trường 'maxDuration' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, "
            + "PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad maxDuration 'an hour'; write an ISO-8601 duration such as PT30M, "
            + "PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "lich.yaml:3:116: thời lượng 'an hour' của trường 'lateTolerance' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, "
            + "PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad lateTolerance 'an hour'; write an ISO-8601 duration such as "
            + "PT30M, PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "lich.yaml:5:101: trường 'rotateTopics' là true hoặc false, không phải 'maybe' (rotateTopics is true or false, not 'maybe')"), lines(inSchedule));

    SourceException inStation = assertThrows(SourceException.class, () -> station("maybe", "an hour"));
    assertEquals(List.of(
        "station.yaml:4:51: thời lượng 'an hour' của trường 'warmUp' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, "
            + "PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad warmUp 'an hour'; write an ISO-8601 duration such as PT30M, "
            + "PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "station.yaml:6:57: trường 'inverted' là true hoặc false, không phải 'maybe' (inverted is true or false, not 'maybe')",
        "station.yaml:7:21: thời lượng 'an hour' của trường 'maxOn' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, PT1H30M, "
            + "PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad maxOn 'an hour'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S "
            + "or the short form 30m, 1h30m, 45s)",
        "station.yaml:10:67: thời lượng 'an hour' của trường 'timeout' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, "
            + "PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad timeout 'an hour'; write an ISO-8601 duration such as PT30M, "
            + "PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "station.yaml:10:96: trường 'sentenceBySentence' là true hoặc false, không phải 'maybe' (sentenceBySentence is true or "
            + "false, not 'maybe')",
        "station.yaml:9:20: trường 'englishFallback' là true hoặc false, không phải 'maybe' (englishFallback is true or false, not "
            + "'maybe')"), lines(inStation));
  }

  private static List<String> lines(SourceException e) {
    return e.problems().stream().map(Problem::toString).toList();
  }
}
