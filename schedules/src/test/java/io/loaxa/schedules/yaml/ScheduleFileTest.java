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
  void anAiringThatOverlapsItselfOrAnotherNamesThemBesideTheMessage() {
    String text = """
        version: 1
        programmes:
          - { key: dai, title: "Dài", segments: [ { gap: PT10M } ] }
        airings:
          - { key: sang, programme: dai, zones: all, at: ["06:00", "06:05"], days: [MO] }
          - { key: trua, programme: dai, zones: [ap-1], at: "11:00", days: [MO] }
          - { key: trua-2, programme: dai, zones: [ap-1], at: "11:05", days: [MO] }
        """;
    List<Problem> found = ScheduleFile.check(text, "lich.yaml", STATION, MARCH_2026);
    assertEquals(2, found.size(), found.toString());
    assertEquals(List.of("sang"), found.get(0).overlaps());
    assertTrue(found.get(0).message().startsWith("trùng giờ với một lần phát khác của chính nó trên ap-1, ap-2, ap-3, ap-4 cùng mức"
        + " ưu tiên NORMAL: lần đầu 2026-03-02 06:00 và 2026-03-02 06:05 ("), found.get(0).message());
    assertTrue(found.get(0).message().endsWith(" (overlaps its own airing on ap-1, ap-2, ap-3, ap-4 at the same priority NORMAL:"
        + " first 2026-03-02 06:00 and 2026-03-02 06:05 [53 times in the 366 days checked])"), found.get(0).message());
    assertEquals(List.of("trua"), found.get(1).overlaps());
    assertTrue(found.get(1).message().startsWith("trùng giờ với buổi phát 'trua' (dòng 6) trên ap-1"), found.get(1).message());
    assertTrue(found.get(1).message().contains("(overlaps airing 'trua' [line 6] on ap-1 at the same priority NORMAL"),
        found.get(1).message());
    assertEquals(List.of(), ScheduleFile.check(text.replace("06:05", "07:00").replace("11:05", "12:00"), "lich.yaml", STATION,
        MARCH_2026).stream().flatMap(p -> p.overlaps().stream()).toList());
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
        "lich.yaml:3:15: không có thôn 'ap-9'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-9'; known zones: ap-1, "
            + "ap-2, ap-3, ap-4)",
        "lich.yaml:8:19: thiếu tệp nội dung 'thieu/tin.txt' (không có trong thư mục nội dung) (missing content file "
            + "'thieu/tin.txt' [not in the content folder])",
        "lich.yaml:13:9: rebroadcast cần thời lượng (length), ví dụ { rebroadcast: \"http://x/vov1.mp3\", length: PT30M } "
            + "(rebroadcast needs a length, e.g. { rebroadcast: \"http://x/vov1.mp3\", length: PT30M })",
        "lich.yaml:14:19: lineIn cần thời lượng, ví dụ { lineIn: PT15M } hoặc { lineIn: yes, length: PT15M } (lineIn needs a "
            + "length, e.g. { lineIn: PT15M } or { lineIn: yes, length: PT15M })",
        "lich.yaml:20:10: chương trình 'tin-sang' được khai báo hai lần (lần đầu ở dòng 5) (programme 'tin-sang' is defined twice "
            + "[first at line 5])",
        "lich.yaml:23:5: khóa lạ 'colour' trong chương trình; các khóa dùng được: afterPreemption, category, chimeAfter, "
            + "chimeBefore, key, lateTolerance, maxDuration, priority, segments, title (unknown key 'colour' in a programme; "
            + "expected afterPreemption, category, chimeAfter, chimeBefore, key, lateTolerance, maxDuration, priority, segments, "
            + "title)",
        "lich.yaml:26:53: trùng giờ với buổi phát 'tin-sang-0530' (dòng 25) trên ap-1, ap-2 cùng mức ưu tiên NORMAL: lần đầu "
            + "2026-03-01 05:30 và 2026-03-01 05:40 (366 lần trong 366 ngày được kiểm tra) (overlaps airing 'tin-sang-0530' [line "
            + "25] on ap-1, ap-2 at the same priority NORMAL: first 2026-03-01 05:30 and 2026-03-01 05:40 [366 times in the 366 "
            + "days checked])",
        "lich.yaml:27:18: không có chương trình 'tin-chieu'; đã có các chương trình: cchc, tin-sang, vov (unknown programme "
            + "'tin-chieu'; known programmes: cchc, tin-sang, vov)",
        "lich.yaml:28:35: không có thôn hay nhóm thôn 'nam'; hãy viết all, một nhóm thôn hoặc danh sách thôn; đã có bac, ap-1, "
            + "ap-2, ap-3, ap-4 (unknown zone or zone group 'nam'; write all, a zone group or a list of zones; known bac, ap-1, "
            + "ap-2, ap-3, ap-4)",
        "lich.yaml:28:44: giờ '25:00' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time "
            + "'25:00'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "lich.yaml:29:64: thứ 'XX' không hợp lệ; hãy viết MO, TU, WE, TH, FR, SA, SU (hoặc T2 … T7, CN) (bad weekday 'XX'; write "
            + "MO, TU, WE, TH, FR, SA, SU [or T2 … T7, CN])",
        "lich.yaml:30:62: monthly 'second-last FR' không phải quy tắc hằng tháng; hãy viết \"first MO\" … \"fifth SU\", \"last "
            + "FR\", một ngày 1..31 hoặc \"last\" (monthly 'second-last FR' is not a monthly rule; write \"first MO\" … \"fifth "
            + "SU\", \"last FR\", a day 1..31 or \"last\")",
        "lich.yaml:31:59: buổi phát này không bao giờ diễn ra: không có ngày nào từ 2026-03-02 đến 2026-03-06 khớp với days [SA] "
            + "(this airing never fires: no day from 2026-03-02 to 2026-03-06 matches days [SA])",
        "lich.yaml:32:44: quy định phát sóng: phát 2026-03-01 22:00-22:20 trong giờ yên tĩnh 21:30-05:00 (quy định của đài; chỉ "
            + "buổi phát EMERGENCY mới được phát) (policy: airs 2026-03-01 22:00-22:20 inside quiet hours 21:30-05:00 [station "
            + "policy; only EMERGENCY airings may])",
        "lich.yaml:33:5: buổi phát CCHC hằng tháng luân phiên chủ đề để hai tháng liền nhau khác nhau; cần từ hai chủ đề trở lên, "
            + "hiện có 1 (ghi chúng trong topics: hoặc trong thư viện nội dung) (the monthly CCHC airing rotates topics so "
            + "consecutive months differ; it needs two or more, it has 1 [list them in topics: or in the content library])",
        "lich.yaml:33:31: buổi phát CCHC hằng tháng phải đến mọi thôn; hãy viết zones: all (the monthly CCHC airing must reach "
            + "every zone; write zones: all)",
        "lich.yaml:33:41: buổi phát CCHC hằng tháng lúc 12:00 không nằm trọn trong một khung giờ cao điểm (05:30-06:30, "
            + "17:30-19:00) (the monthly CCHC airing at 12:00 does not fit in a peak window [05:30-06:30, 17:30-19:00])",
        "lich.yaml:33:59: buổi phát CCHC hằng tháng không phát trong 2026-04, 2026-06, 2026-09, 2026-11, 2027-02; tháng nào cũng "
            + "cần một buổi (hãy xem lại các ngày phát và ngày except) (the monthly CCHC airing does not air in 2026-04, 2026-06, "
            + "2026-09, 2026-11, 2027-02; every calendar month needs one [check its days and except dates])",
        "lich.yaml:34:60: every: 3 đếm ngày từ một ngày đầu; hãy thêm from: YYYY-MM-DD (every: 3 counts days from a first day; add "
            + "from: YYYY-MM-DD)",
        "lich.yaml:35:44: giờ '530' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time '530'; "
            + "write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "lich.yaml:35:53: ngày '2026-02-30' trong trường 'on' không hợp lệ; hãy viết YYYY-MM-DD, ví dụ \"2026-02-17\" (bad date "
            + "'2026-02-30' in on; write YYYY-MM-DD, e.g. \"2026-02-17\")"),
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
        "lich.yaml:4:47: giờ '19800' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time "
            + "'19800'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "lich.yaml:5:47: giờ '5.30' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time '5.30'; "
            + "write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "lich.yaml:6:47: giờ '24:00' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time "
            + "'24:00'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        "lich.yaml:7:47: giờ '05:60' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\" (bad time "
            + "'05:60'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")"), problems(text));
  }

  @Test
  void aBrokenFileIsReportedWhereTheYamlBreaksAndMissingSectionsAtTheTop() {
    assertEquals(List.of("lich.yaml:3:1: lỗi cú pháp YAML: expected ',' or ']', but got <stream end> (YAML: expected ',' or ']', "
        + "but got <stream end>)"),
        problems("version: 1\nairings: [a, b\n").stream().map(p -> p.replaceAll("\\s+", " ")).toList());
    assertEquals(List.of("lich.yaml:1:1: thiếu 'programmes:' (missing 'programmes:')", "lich.yaml:1:1: thiếu 'airings:' (missing 'airings:')"), problems("version: 1\n"));
    assertEquals(List.of("lich.yaml:1:10: phiên bản '2' chưa được hỗ trợ; đài này đọc phiên bản 1 (version '2' is not supported; "
        + "this station reads version 1)"),
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
        "lich.yaml:9:5: chỉ dùng một trong days, every, monthly, lunar hoặc on; buổi phát này có cả 'days' và 'on' (use one of "
            + "days, every, monthly, lunar or on; this airing has both 'days' and 'on')",
        "lich.yaml:16:15: ngày 2026-03-03 vừa ở trong except vừa được đổi lịch; hãy giữ một (2026-03-03 is both in except and "
            + "overridden; keep one)",
        "lich.yaml:17:9: mục đổi lịch theo ngày phải đổi at, programme hoặc zones; muốn nghỉ một ngày thì ghi ngày đó vào except "
            + "(an override changes at, programme or zones; for a day off put the date in except)",
        "lich.yaml:18:40: không có chương trình 'khac'; đã có các chương trình: tin (unknown programme 'khac'; known programmes: "
            + "tin)",
        "lich.yaml:18:54: không có thôn 'ap-5'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-5'; known zones: ap-1, "
            + "ap-2, ap-3, ap-4)",
        "lich.yaml:19:74: 'from' không đi cùng 'on' (buổi phát một lần chỉ phát đúng ngày của nó) ('from' does not go with 'on' [a "
            + "one-off airs on its one day])",
        "lich.yaml:20:83: until 2026-03-01 ở trước from 2026-04-01 (until 2026-03-01 is before from 2026-04-01)"), problems(text));
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
    assertEquals("lich.yaml:5:39: không có thôn 'ap-9'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-9'; known zones: "
        + "ap-1, ap-2, ap-3, ap-4)", e.getMessage());
  }
}
