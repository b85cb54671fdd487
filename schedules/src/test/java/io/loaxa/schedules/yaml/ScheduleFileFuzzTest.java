package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.source.Hostile;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The schedule file read from anything: {@code schedule check} answers a list of positioned problems
 * and nothing else; a file it finds no problem in imports, and its export reads back to the same schedule.
 */
class ScheduleFileFuzzTest {
  private static final String FILE = "lich.yaml";
  private static final StationFacts STATION = StationFacts.demo();
  private static final CheckOptions CHECKS = CheckOptions.from(LocalDate.of(2026, 1, 1));

  @FuzzTest(maxDuration = "2h")
  void anyScheduleFileIsCheckedToPositionedProblemsOrImportsAndExportsToTheSameSchedule(byte[] input) throws SourceException {
    String text = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    List<Problem> problems = ScheduleFile.check(text, FILE, STATION, CHECKS);
    if (!problems.isEmpty()) {
      Hostile.wellPlaced(new SourceException(problems), FILE, text);
      Hostile.inTime(start, "checking");
      return;
    }
    Schedule schedule = ScheduleFile.read(text, FILE, STATION, CHECKS);
    String exported = ScheduleFile.write(schedule);
    assertEquals(schedule, ScheduleFile.parse(exported, "export.yaml", STATION), "export reads back:\n" + exported);
    Hostile.inTime(start, "checking, importing and exporting");
  }
}
