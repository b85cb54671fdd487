package io.loaxa.schedules.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.DemoSchedule;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.RandomSchedules;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.yaml.ScheduleFile;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iCalendar export read back by an independent implementation: Python's icalendar and dateutil. */
@Integration
class IcsWriterTest {
  private static final Instant STAMP = Instant.parse("2026-01-01T00:00:00Z");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @TempDir
  Path dir;

  private static List<String> ours(Schedule s, StationFacts station, LocalDate first, LocalDate end) {
    return Expansion.plan(s, station, first, end).stream()
        .map(a -> MINUTE.format(LocalDateTime.ofInstant(a.startsAt(), station.timeZone())) + "\t"
            + s.programme(a.programme()).map(Programme::title).orElseThrow())
        .sorted().toList();
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    b.forEach(out::remove);
    return out.size() > 10 ? out.subList(0, 10) : out;
  }

  @Test
  void aCalendarProgramSeesEveryAiringOfTheDemoYearIncludingTetAndOverrides() throws Exception {
    PythonIcalendar.require();
    StationFacts station = StationFacts.demo();
    Schedule s = ScheduleFile.read(DemoSchedule.text(), DemoSchedule.FILE, station, CheckOptions.from(LocalDate.of(2026, 1, 1)));
    String ics = IcsWriter.write(s, station, LocalDate.of(2026, 1, 1), STAMP);
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
    }
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assertTrue(ics.contains("RRULE:FREQ=MONTHLY;BYDAY=1MO\r\n"), "the CCHC rule is an RFC 5545 RRULE");
    Path file = dir.resolve("lich.ics");
    Files.writeString(file, ics);
    List<String> theirs = PythonIcalendar.expand(file, "2026-01-01", "2028-12-31");
    assertEquals(ours(s, station, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31)), theirs);
  }

  @Test
  void randomSchedulesExportToCalendarsThatExpandToTheSameAiringsInAZoneWithDaylightSaving() throws Exception {
    PythonIcalendar.require();
    List<ZoneKey> zones = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"));
    for (ZoneId zone : List.of(ZoneId.of("Asia/Ho_Chi_Minh"), ZoneId.of("Europe/Berlin"))) {
      for (long seed = 1; seed <= 8; seed++) {
        StationFacts station = StationFacts.of(zone, zones).withCchcTopics(List.of("a", "b"));
        Schedule s = new RandomSchedules(seed, zones).schedule(3, 8);
        Path file = dir.resolve("random-" + seed + ".ics");
        Files.writeString(file, IcsWriter.write(s, station, LocalDate.of(2025, 1, 1), STAMP));
        List<String> expected = ours(s, station, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1));
        List<String> actual = PythonIcalendar.expand(file, "2025-01-01", "2027-01-01");
        long n = seed;
        assertEquals(expected, actual, () -> zone + " seed " + n + ": only ours " + minus(expected, actual)
            + ", only in the calendar " + minus(actual, expected) + "\n" + s);
      }
    }
  }
}
