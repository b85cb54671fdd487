package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.DemoSchedule;
import io.loaxa.schedules.RandomSchedules;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleFileTest {
  private static final StationFacts STATION = StationFacts.demo();
  private static final CheckOptions MARCH_2026 =
      CheckOptions.from(LocalDate.of(2026, 3, 1)).withContent(path -> !path.startsWith("thieu/"));

  private static List<String> problems(String text) {
    return ScheduleFile.check(text, "lich.yaml", STATION, MARCH_2026).stream().map(Problem::toString).toList();
  }

  @Test
  void everyProblemOfABadScheduleIsReportedAtOnceAtItsLineAndColumn() {
    String text = """
        version: 1
        zoneGroups:
          bac: [ap-1, ap-9]
        programmes:
          - key: tin-sang
            title: "Tin sáng"
            segments:
              - { speech: "thieu/tin.txt" }
            maxDuration: PT20M
          - key: vov
            title: "VOV"
            segments:
              - { rebroadcast: "http://x/vov1.mp3" }
              - { lineIn: soon }
          - key: cchc
            title: "CCHC"
            category: cchc
            segments: [ { speech: "cchc/{topic}.txt" } ]
            maxDuration: PT10M
          - key: tin-sang
            title: "again"
            segments: [ { gap: PT1S } ]
            colour: red
        airings:
          - { programme: tin-sang, zones: all, at: 05:30 }
          - { programme: tin-sang, zones: [ap-1, ap-2], at: "5:40", key: tin-sang-2 }
          - { programme: tin-chieu, zones: all, at: "17:00" }
          - { programme: tin-sang, zones: nam, at: "25:00" }
          - { programme: tin-sang, zones: all, at: "18:00", days: [MO, XX] }
          - { programme: tin-sang, zones: all, at: "19:00", monthly: "second-last FR" }
          - { programme: tin-sang, zones: all, at: "20:00", days: [SA], from: "2026-03-02", until: "2026-03-06" }
          - { programme: tin-sang, zones: all, at: "22:00" }
          - { programme: cchc, zones: ap-1, at: "12:00", monthly: "31", rotateTopics: true, topics: [mot] }
          - { programme: tin-sang, zones: all, at: "06:00", every: 3 }
          - { programme: tin-sang, zones: all, at: 530, on: "2026-02-30" }
        """;
    assertEquals(List.of(
        "lich.yaml:3:15: unknown zone 'ap-9'; known zones: ap-1, ap-2, ap-3, ap-4",
        "lich.yaml:8:19: missing content file 'thieu/tin.txt' (not in the content folder)",
        "lich.yaml:13:9: rebroadcast needs a length, e.g. { rebroadcast: \"http://x/vov1.mp3\", length: PT30M }",
        "lich.yaml:14:19: lineIn needs a length, e.g. { lineIn: PT15M } or { lineIn: yes, length: PT15M }",
        "lich.yaml:20:10: programme 'tin-sang' is defined twice (first at line 5)",
        "lich.yaml:23:5: unknown key 'colour' in a programme; expected afterPreemption, category, chimeAfter, chimeBefore, key, lateTolerance, "
            + "maxDuration, priority, segments, title",
        "lich.yaml:26:53: overlaps airing 'tin-sang-0530' (line 25) on ap-1, ap-2 at the same priority NORMAL: "
            + "first 2026-03-01 05:30 and 2026-03-01 05:40 (366 times in the 366 days checked)",
        "lich.yaml:27:18: unknown programme 'tin-chieu'; known programmes: cchc, tin-sang, vov",
        "lich.yaml:28:35: unknown zone or zone group 'nam'; write all, a zone group or a list of zones; known bac, ap-1, ap-2, "
            + "ap-3, ap-4",
        "lich.yaml:28:44: bad time '25:00'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"",
        "lich.yaml:29:64: bad weekday 'XX'; write MO, TU, WE, TH, FR, SA, SU (or T2 … T7, CN)",
        "lich.yaml:30:62: monthly 'second-last FR' is not a monthly rule; write \"first MO\" … \"fifth SU\", \"last FR\", "
            + "a day 1..31 or \"last\"",
        "lich.yaml:31:59: this airing never fires: no day from 2026-03-02 to 2026-03-06 matches days [SA]",
        "lich.yaml:32:44: policy: airs 2026-03-01 22:00-22:20 inside quiet hours 21:30-05:00 (station policy; only EMERGENCY "
            + "airings may)",
        "lich.yaml:33:5: the monthly CCHC airing rotates topics so consecutive months differ; it needs two or more, it has 1 "
            + "(list them in topics: or in the content library)",
        "lich.yaml:33:31: the monthly CCHC airing must reach every zone; write zones: all",
        "lich.yaml:33:41: the monthly CCHC airing at 12:00 does not fit in a peak window (05:30-06:30, 17:30-19:00)",
        "lich.yaml:33:59: the monthly CCHC airing does not air in 2026-04, 2026-06, 2026-09, 2026-11, 2027-02; every calendar "
            + "month needs one (check its days and except dates)",
        "lich.yaml:34:60: every: 3 counts days from a first day; add from: YYYY-MM-DD",
        "lich.yaml:35:44: bad time '530'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"",
        "lich.yaml:35:53: bad date '2026-02-30' in on; write YYYY-MM-DD, e.g. \"2026-02-17\""),
        problems(text));
  }

  @Test
  void aBareMorningTimeAirsAtTheTimeItLooksLikeNeverAsASexagesimalNumber() throws SourceException {
    String text = """
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - { key: a, programme: tin, zones: all, at: 05:30 }
          - { key: b, programme: tin, zones: all, at: "5:45" }
          - { key: c, programme: tin, zones: all, at: [ 17:00, "17:30:15" ] }
        """;
    Schedule s = ScheduleFile.read(text, "lich.yaml", STATION, MARCH_2026);
    assertEquals(List.of(LocalTime.of(5, 30)), s.rule("a").orElseThrow().times());
    assertEquals(List.of(LocalTime.of(5, 45)), s.rule("b").orElseThrow().times());
    assertEquals(List.of(LocalTime.of(17, 0), LocalTime.of(17, 30, 15)), s.rule("c").orElseThrow().times());
  }

  @Test
  void timesThatCouldBeMisreadAreRejectedWithWhereTheyAre() {
    String text = """
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - { key: a, programme: tin, zones: all, at: 19800 }
          - { key: b, programme: tin, zones: all, at: "5.30" }
          - { key: c, programme: tin, zones: all, at: "24:00" }
          - { key: d, programme: tin, zones: all, at: "05:60" }
        """;
    assertEquals(List.of(
        "lich.yaml:4:47: bad time '19800'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"",
        "lich.yaml:5:47: bad time '5.30'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"",
        "lich.yaml:6:47: bad time '24:00'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"",
        "lich.yaml:7:47: bad time '05:60'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\""), problems(text));
  }

  @Test
  void aBrokenFileIsReportedWhereTheYamlBreaksAndMissingSectionsAtTheTop() {
    assertEquals(List.of("lich.yaml:3:1: YAML: expected ',' or ']', but got <stream end>"),
        problems("version: 1\nairings: [a, b\n").stream().map(p -> p.replaceAll("\\s+", " ")).toList());
    assertEquals(List.of("lich.yaml:1:1: missing 'programmes:'", "lich.yaml:1:1: missing 'airings:'"), problems("version: 1\n"));
    assertEquals(List.of("lich.yaml:1:10: version '2' is not supported; this station reads version 1"),
        problems("version: 2\nprogrammes: []\nairings: []\n"));
  }

  @Test
  void overridesExceptDatesAndOneOffsAreCheckedForContradictions() {
    String text = """
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - key: a
            programme: tin
            zones: all
            at: "07:00"
            days: [MO]
            on: "2026-03-02"
          - key: b
            programme: tin
            zones: all
            at: "08:00"
            except: ["2026-03-03"]
            overrides:
              - { on: "2026-03-03", at: "09:00" }
              - { on: "2026-03-04" }
              - { on: "2026-03-05", programme: khac, zones: [ap-5] }
          - { key: c, programme: tin, zones: all, at: "10:00", on: "2026-03-07", from: "2026-03-01" }
          - { key: d, programme: tin, zones: all, at: "11:00", from: "2026-04-01", until: "2026-03-01" }
        """;
    assertEquals(List.of(
        "lich.yaml:9:5: use one of days, every, monthly, lunar or on; this airing has both 'days' and 'on'",
        "lich.yaml:16:15: 2026-03-03 is both in except and overridden; keep one",
        "lich.yaml:17:9: an override changes at, programme or zones; for a day off put the date in except",
        "lich.yaml:18:40: unknown programme 'khac'; known programmes: tin",
        "lich.yaml:18:54: unknown zone 'ap-5'; known zones: ap-1, ap-2, ap-3, ap-4",
        "lich.yaml:19:74: 'from' does not go with 'on' (a one-off airs on its one day)",
        "lich.yaml:20:83: until 2026-03-01 is before from 2026-04-01"), problems(text));
  }

  @Test
  void theDemoScheduleExportsToAFileThatImportsToTheSameSchedule() throws SourceException {
    Schedule imported = ScheduleFile.read(DemoSchedule.text(), DemoSchedule.FILE, STATION, CheckOptions.from(LocalDate.of(2026, 1, 1)));
    String exported = ScheduleFile.write(imported);
    Schedule again = ScheduleFile.read(exported, "export.yaml", STATION, CheckOptions.from(LocalDate.of(2026, 1, 1)));
    assertEquals(imported, again);
    assertEquals(exported, ScheduleFile.write(again));
    assertTrue(exported.contains("at: \"05:30\""), "times are quoted in the export");
  }

  @Test
  void randomSchedulesWithEverySegmentKindSurviveExportAndImport() throws SourceException {
    List<ZoneKey> zones = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"), new ZoneKey("ap-3"), new ZoneKey("ap-4"));
    for (long seed = 1; seed <= 200; seed++) {
      Schedule schedule = new RandomSchedules(seed, zones).schedule(5, 12);
      String text = ScheduleFile.write(schedule);
      assertEquals(schedule, ScheduleFile.parse(text, "random.yaml", STATION), "seed " + seed + ":\n" + text);
    }
  }

  @Test
  void aScheduleWithProblemsIsRefusedWhole() {
    SourceException e = assertThrows(SourceException.class, () -> ScheduleFile.read("""
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - { key: a, programme: tin, zones: all, at: "07:00" }
          - { key: b, programme: tin, zones: [ap-9], at: "08:00" }
        """, "lich.yaml", STATION, MARCH_2026));
    assertEquals(1, e.problems().size());
    assertEquals("lich.yaml:5:39: unknown zone 'ap-9'; known zones: ap-1, ap-2, ap-3, ap-4", e.getMessage());
  }
}
