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

  private static final String LUNAR = """
      version: 1
      holidays:
        nghi-tet: ["2027-02-04..2027-02-10"]
      programmes:
        - { key: ram, title: "Rằm", segments: [ { text: "Hôm nay là rằm" } ] }
        - { key: chuc-tet, title: "Chúc Tết", segments: [ { text: "Chúc mừng năm mới" } ] }
        - { key: tin, title: "Bản tin", segments: [ { text: "Bản tin sáng" } ] }
      airings:
        - key: ram
          programme: ram
          zones: all
          at: ["05:45", "18:40"]
          lunar: "15"
          except: [nghi-tet]
          overrides:
            - { on: "2027-09-15", at: "19:00" }
        - { key: gio-to, programme: ram, zones: [ap-1], at: "07:00", lunar: "10/3", until: "2029-12-31" }
        - { key: cuoi-nam, programme: chuc-tet, zones: all, at: "19:10", lunar: "last/12" }
        - { key: nhuan, programme: ram, zones: all, at: "19:20", lunar: "1/5 nhuận" }
        - { key: tet, programme: chuc-tet, zones: all, at: "06:10", on: tet }
        - { key: quoc-khanh, programme: chuc-tet, zones: all, at: "06:20", on: quoc-khanh }
        - { key: tin, programme: tin, zones: all, at: "06:00", days: [MO, TU, WE, TH, FR, SA], except: [tet, nghi-tet, "2027-03-01"] }
      """;

  @Test
  void lunarRulesExportAsListedDaysForFiveYearsThatACalendarProgramExpandsToOurAirings() throws Exception {
    PythonIcalendar.require();
    StationFacts station = StationFacts.demo();
    LocalDate first = LocalDate.of(2027, 1, 1);
    Schedule s = ScheduleFile.read(LUNAR, "lich.yaml", station, CheckOptions.from(first));
    String ics = IcsWriter.write(s, station, first, STAMP);
    assertTrue(ics.contains("X-LOAXA-LUNAR:1/5 nhuận\r\n"), ics);
    assertTrue(!ics.contains("RRULE:FREQ=YEARLY"), "no RRULE pretends to say a lunar date");
    Path file = dir.resolve("am-lich.ics");
    Files.writeString(file, ics);
    LocalDate end = first.plusYears(IcsWriter.LISTED_YEARS);
    assertEquals(ours(s, station, first, end), PythonIcalendar.expand(file, first.toString(), end.toString()));
  }

  @Test
  void theExportedCalendarReadsBackToTheSameLunarRulesAndTheirListedDays() throws Exception {
    StationFacts station = StationFacts.demo();
    LocalDate first = LocalDate.of(2027, 1, 1);
    Schedule s = ScheduleFile.read(LUNAR, "lich.yaml", station, CheckOptions.from(first));
    List<IcsReader.ListedRule> back = IcsReader.listedRules(IcsWriter.write(s, station, first, STAMP));
    assertEquals(List.of("ram", "gio-to", "cuoi-nam", "nhuan", "tet", "quoc-khanh"), back.stream().map(IcsReader.ListedRule::ruleKey).toList());
    for (IcsReader.ListedRule r : back) {
      io.loaxa.schedules.AiringRule rule = s.rule(r.ruleKey()).orElseThrow();
      assertEquals(rule.recurrence(), r.recurrence(), r.ruleKey());
      List<LocalDateTime> planned = Expansion.plan(s, station, rule, first, first.plusYears(IcsWriter.LISTED_YEARS)).stream()
          .filter(a -> a.note().isEmpty())
          .map(a -> LocalDateTime.ofInstant(a.startsAt(), station.timeZone())).sorted().toList();
      assertEquals(planned, r.starts(), r.ruleKey());
    }
    assertEquals(List.of(LocalDateTime.of(2028, 6, 23, 19, 20)), back.get(3).starts(),
        "Mậu Thân 2028 has a leap fifth month, from Tết 2028-01-26 after months of 30, 30, 30, 29 and 30 days (the published table)");
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
