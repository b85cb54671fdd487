package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.LocalDate;
import java.util.List;

/**
 * Whatever an operator types for {@code lunar:}, {@code on:}, {@code except:} and a holiday, the
 * check answers with problems at places in the file, never with an exception; what it accepts
 * exports to a file that reads back to the same schedule.
 */
class LunarValueFuzzTest {
  private static final StationFacts STATION = StationFacts.demo();

  @FuzzTest(maxDuration = "20s")
  void anyLunarOnExceptOrHolidayValueIsAnsweredWithProblemsOrASchedule(FuzzedDataProvider data) throws SourceException {
    String lunar = data.consumeString(20);
    String on = data.consumeString(20);
    String except = data.consumeString(20);
    String holiday = data.consumeRemainingAsString();
    String text = """
        version: 1
        holidays:
          nghi-tet: [%s]
        programmes:
          - { key: ram, title: "Rằm", segments: [ { gap: PT1S } ] }
        airings:
          - { key: a, programme: ram, zones: all, at: "18:30", lunar: %s, except: [%s] }
          - { key: b, programme: ram, zones: all, at: "18:40", on: %s }
        """.formatted(YamlQuote.of(holiday), YamlQuote.of(lunar), YamlQuote.of(except), YamlQuote.of(on));
    List<Problem> problems = ScheduleFile.check(text, "lich.yaml", STATION, CheckOptions.from(LocalDate.of(2027, 1, 1)));
    for (Problem p : problems) {
      assertFalse(p.message().isBlank());
    }
    if (problems.stream().noneMatch(p -> !p.warning())) {
      Schedule s = ScheduleFile.read(text, "lich.yaml", STATION, CheckOptions.from(LocalDate.of(2027, 1, 1)));
      assertEquals(s, ScheduleFile.parse(ScheduleFile.write(s), "exported.yaml", STATION));
    }
  }

  /** The value as a YAML double-quoted scalar, so the fuzzer varies the value and not the file's shape. */
  private static final class YamlQuote {
    static String of(String s) {
      return ScheduleWriter.quote(s);
    }
  }
}
