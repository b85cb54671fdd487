package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.schedules.yaml.ScheduleFile;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScheduleTest {
  @Test
  void smoke() throws Exception {
    StationFacts facts = StationFacts.demo();
    var problems = ScheduleFile.check(DemoSchedule.text(), DemoSchedule.FILE, facts, CheckOptions.from(LocalDate.of(2026, 1, 1)));
    problems.forEach(System.out::println);
    assertEquals(List.of(), problems);
    Schedule s = ScheduleFile.read(DemoSchedule.text(), DemoSchedule.FILE, facts, CheckOptions.from(LocalDate.of(2026, 1, 1)));
    System.out.print(Preview.text(Expansion.plan(s, facts, LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 18)), facts.timeZone(), s));
    System.out.print(ScheduleFile.write(s));
  }
}
