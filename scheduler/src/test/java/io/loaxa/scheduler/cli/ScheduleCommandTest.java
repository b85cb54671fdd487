package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.DemoSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loaxa schedule …} as the operator types it, on the demo station's config with a fresh data folder. */
class ScheduleCommandTest {
  @TempDir
  Path dir;

  private Path demoFile() throws Exception {
    Path file = dir.resolve("lich.yaml");
    Files.writeString(file, DemoSchedule.text());
    return file;
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void checkPrintsEveryProblemAsFileLineColumnAndExitsOne() throws Exception {
    Path bad = dir.resolve("sai.yaml");
    Files.writeString(bad, """
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - { key: a, programme: tin, zones: all, at: 19800 }
          - { key: b, programme: tinn, zones: [ap-1, ap-9], at: "06:00", days: [MO, XX] }
        """);
    CliRun r = loaxa("schedule", "check", bad.toString(), "--data", data());
    assertEquals(1, r.code(), r.err());
    assertEquals(String.join("\n",
        bad + ":4:47: giờ '19800' không hợp lệ; hãy viết \"HH:MM\" từ \"00:00\" đến \"23:59\", ví dụ \"05:30\""
            + " (bad time '19800'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")",
        bad + ":5:26: không có chương trình 'tinn'; đã có các chương trình: tin (unknown programme 'tinn'; known programmes: tin)",
        bad + ":5:46: không có thôn 'ap-9'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-9'; known zones: ap-1, ap-2,"
            + " ap-3, ap-4)",
        bad + ":5:77: thứ 'XX' không hợp lệ; hãy viết MO, TU, WE, TH, FR, SA, SU (hoặc T2 … T7, CN) (bad weekday 'XX'; write MO, TU,"
            + " WE, TH, FR, SA, SU [or T2 … T7, CN])") + "\n", r.out());
    assertTrue(r.err().contains(bad + " có 4 lỗi (4 problems in " + bad + ")"), r.err());
    CliRun ok = loaxa("schedule", "check", demoFile().toString(), "--data", data());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("OK"), ok.out());
  }

  @Test
  void aLunarScheduleChecksWithAWarningImportsExportsAndShowsItsLunarDatesInThePreviewAndTheCalendarFile() throws Exception {
    Path file = dir.resolve("am-lich.yaml");
    Files.writeString(file, """
        version: 1
        holidays:
          nghi-tet: ["2027-02-04..2027-02-10"]
        programmes:
          - { key: ram, title: "Rằm", segments: [ { gap: PT1S } ] }
          - { key: chuc-tet, title: "Chúc Tết", segments: [ { gap: PT1S } ] }
        airings:
          - { key: ram, programme: ram, zones: all, at: "18:40", lunar: "15", except: [nghi-tet] }
          - { key: ba-muoi, programme: chuc-tet, zones: all, at: "19:10", lunar: "30/12" }
          - { key: tet, programme: chuc-tet, zones: all, at: "06:10", on: tet }
        """);
    CliRun checked = loaxa("schedule", "check", file.toString(), "--data", data());
    assertEquals(0, checked.code(), checked.out() + checked.err());
    assertTrue(checked.out().contains(file + ":9:") && checked.out().contains(": warning: ngày âm lịch 30/12 không có trong các năm âm lịch")
        && checked.out().contains(" (lunar day 30/12 does not exist in lunar years"), checked.out());
    assertTrue(checked.out().contains(file + ": OK — không có lỗi, 1 cảnh báo (no problems, 1 warning)"), checked.out());
    CliRun imported = loaxa("schedule", "import", file.toString(), "--data", data());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.err().contains(file + ":9:") && imported.err().contains("warning: ngày âm lịch 30/12")
        && imported.err().contains("(lunar day 30/12"), imported.err());
    CliRun exported = loaxa("schedule", "export", "--data", data());
    assertTrue(exported.out().contains("lunar: \"30/12\""), exported.out());
    Path again = dir.resolve("xuat.yaml");
    Files.writeString(again, exported.out());
    assertEquals(0, loaxa("schedule", "import", again.toString(), "--data", data()).code());
    assertEquals(exported.out(), loaxa("schedule", "export", "--data", data()).out());
    CliRun csv = loaxa("schedule", "preview", "--from", "2027-09-15", "--days", "1", "--format", "csv", "--data", data());
    assertEquals("date,time,programme,zones,priority,lunar\r\n2027-09-15,18:40,ram,all,NORMAL,15/8\r\n", csv.out());
    CliRun text = loaxa("schedule", "preview", "--from", "2027-02-06", "--days", "1", "--data", data());
    assertTrue(text.out().contains("06:10  chuc-tet  all  NORMAL  Chúc Tết · âm lịch 1/1"), text.out());
    CliRun ics = loaxa("schedule", "ics", "--data", data());
    assertTrue(ics.out().contains("X-LOAXA-LUNAR:15\r\n") && ics.out().contains("X-LOAXA-ON:tet\r\n"), ics.out());
  }

  @Test
  void importThenExportThenImportGivesTheSameScheduleAndABadImportChangesNothing() throws Exception {
    CliRun imported = loaxa("schedule", "import", demoFile().toString(), "--data", data());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().startsWith("đã nhập " + demoFile() + ": 12 chương trình, 13 quy tắc phát; đã lên lịch "), imported.out());
    assertTrue(imported.out().contains(" (imported " + demoFile() + ": 12 programmes, 13 airing rules; "), imported.out());
    Path first = dir.resolve("xuat-1.yaml");
    assertEquals(0, loaxa("schedule", "export", "--out", first.toString(), "--data", data()).code());
    assertEquals(0, loaxa("schedule", "import", first.toString(), "--data", data()).code());
    Path second = dir.resolve("xuat-2.yaml");
    assertEquals(0, loaxa("schedule", "export", "--out", second.toString(), "--data", data()).code());
    assertEquals(Files.readString(first), Files.readString(second));

    Path bad = dir.resolve("sai.yaml");
    Files.writeString(bad, Files.readString(first).replace("at: \"17:25\"", "at: \"17:75\""));
    CliRun refused = loaxa("schedule", "import", bad.toString(), "--data", data());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains(bad + ":"), refused.err());
    assertTrue(refused.err().contains("bad time '17:75'"), refused.err());
    CliRun after = loaxa("schedule", "export", "--data", data());
    assertEquals(Files.readString(first), after.out());
  }

  @Test
  void previewListsTheLeapDayInStationTimeFromAFileOrFromTheDatabase() throws Exception {
    String expected = """
        date,time,programme,zones,priority,lunar\r
        2028-02-29,05:30,mo-dau-sang,all,NORMAL,\r
        2028-02-29,05:35,thong-tin-sang,all,NORMAL,\r
        2028-02-29,06:00,thoi-su-vov,all,NORMAL,\r
        2028-02-29,17:25,mo-dau-chieu,all,NORMAL,\r
        2028-02-29,17:30,van-nghe,"ap-1,ap-2",NORMAL,\r
        2028-02-29,17:45,tong-ket-thang,all,NORMAL,\r
        2028-02-29,18:00,thoi-su-vov,all,NORMAL,\r
        """;
    CliRun fromFile = loaxa("schedule", "preview", demoFile().toString(), "--from", "2028-02-29", "--days", "1", "--format", "csv",
        "--data", data());
    assertEquals(0, fromFile.code(), fromFile.err());
    assertEquals(expected, fromFile.out());
    CliRun nothing = loaxa("schedule", "preview", "--from", "2028-02-29", "--data", data());
    assertEquals(1, nothing.code(), "nothing imported yet");
    assertTrue(nothing.err().contains("chưa nhập lịch nào: loaxa schedule import FILE (no schedule imported yet: loaxa "
        + "schedule import FILE)"), nothing.err());
    CliRun badDays = loaxa("schedule", "preview", demoFile().toString(), "--from", "2028-02-29", "--days", "0", "--data", data());
    assertEquals(1, badDays.code(), badDays.err());
    assertTrue(badDays.err().contains("--days phải từ 1 đến 3660, không phải 0 (--days must be 1..3660, not 0)"), badDays.err());
    assertEquals(0, loaxa("schedule", "import", demoFile().toString(), "--data", data()).code());
    CliRun fromDb = loaxa("schedule", "preview", "--from", "2028-02-29", "--days", "1", "--format", "csv", "--data", data());
    assertEquals(expected, fromDb.out());
    CliRun text = loaxa("schedule", "preview", "--from", "2028-02-29", "--days", "1", "--data", data());
    assertTrue(text.out().startsWith("2028-02-29  Tue  05:30  mo-dau-sang"), text.out());
  }

  @Test
  void icsWritesACalendarWithTheMonthlyCchcRule() throws Exception {
    assertEquals(0, loaxa("schedule", "import", demoFile().toString(), "--data", data()).code());
    Path ics = dir.resolve("lich.ics");
    CliRun r = loaxa("schedule", "ics", "--out", ics.toString(), "--data", data());
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(ics);
    assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
    assertTrue(text.contains("RRULE:FREQ=MONTHLY;BYDAY=1MO\r\n"), text);
    assertTrue(text.contains("TZID:Asia/Ho_Chi_Minh\r\n"), text);
    assertTrue(r.err().contains("đã ghi lịch dạng ICS vào " + ics + " (calendar written to " + ics + ")"), r.err());
    CliRun printed = loaxa("schedule", "ics", "--data", data());
    assertEquals(0, printed.code(), printed.err());
    assertTrue(printed.out().startsWith("BEGIN:VCALENDAR\r\n"), printed.out());
    assertTrue(printed.out().contains("RRULE:FREQ=MONTHLY;BYDAY=1MO\r\n"), printed.out());
  }
}
