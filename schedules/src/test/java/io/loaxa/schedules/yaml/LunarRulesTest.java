package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Conflict;
import io.loaxa.schedules.Conflicts;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Preview;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.lunar.PublishedCalendar;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Lunar rules, named days and the station's holidays in the schedule file, checked against the
 * published calendar table (Hồ Ngọc Đức's program as packaged by amlich), not against our own
 * conversion.
 */
class LunarRulesTest {
  private static final StationFacts STATION = StationFacts.demo();
  private static final String PROGRAMMES = """
      version: 1
      programmes:
        - { key: chuc-tet, title: "Chúc Tết", segments: [ { text: "Chúc mừng năm mới" } ] }
        - { key: ram, title: "Rằm", segments: [ { text: "Hôm nay là rằm" } ] }
        - { key: tin, title: "Bản tin", segments: [ { text: "Bản tin sáng" } ] }
      """;
  private static final Map<Integer, PublishedCalendar.Year> TABLE = new TreeMap<>();

  static {
    PublishedCalendar.years().forEach(y -> TABLE.put(y.lunarYear(), y));
  }

  private static Schedule read(String airings, LocalDate first) throws SourceException {
    return ScheduleFile.read(PROGRAMMES + airings, "lich.yaml", STATION, CheckOptions.from(first));
  }

  private static List<String> problems(String airings, LocalDate first) {
    return ScheduleFile.check(PROGRAMMES + airings, "lich.yaml", STATION, CheckOptions.from(first)).stream()
        .map(Problem::toString).toList();
  }

  private static List<LocalDate> days(Schedule s, String rule, LocalDate first, LocalDate end) {
    return Expansion.plan(s, STATION, s.rule(rule).orElseThrow(), first, end).stream()
        .map(a -> LocalDateTime.ofInstant(a.startsAt(), STATION.timeZone()).toLocalDate()).toList();
  }

  /** The first day of each month of a lunar year by the table, leap month in its place. */
  private static List<LocalDate> monthStarts(int year) {
    PublishedCalendar.Year y = TABLE.get(year);
    List<LocalDate> starts = new ArrayList<>();
    LocalDate d = y.tet();
    for (int length : y.monthLengths()) {
      starts.add(d);
      d = d.plusDays(length);
    }
    return starts;
  }

  /** Index into the table's months of month {@code m} (the leap one if asked) of a year. */
  private static int index(int year, int m, boolean leap) {
    int leapAfter = TABLE.get(year).leapMonth().orElse(99);
    if (leap) {
      return leapAfter == m ? m : -1;
    }
    return m - 1 + (leapAfter < m ? 1 : 0);
  }

  private static boolean tableComplete(int year) {
    return !TABLE.get(year).monthLengths().isEmpty();
  }

  @Test
  void lunarRulesAndTetFallOnThePublishedDaysFrom2000To2050() throws SourceException {
    Schedule s = read("""
        airings:
          - { key: mung-1, programme: ram, zones: all, at: "18:30", lunar: "1" }
          - { key: trung-thu, programme: ram, zones: all, at: "18:40", lunar: "15/8" }
          - { key: cuoi-nam, programme: chuc-tet, zones: all, at: "18:50", lunar: "last/12" }
          - { key: ram-nhuan-4, programme: ram, zones: all, at: "19:00", lunar: "15/4 nhuận" }
          - { key: tet, programme: chuc-tet, zones: all, at: "06:10", on: tet }
        """, LocalDate.of(2000, 3, 1));
    LocalDate first = LocalDate.of(2000, 1, 1);
    LocalDate end = LocalDate.of(2051, 1, 1);
    List<LocalDate> mung1 = new ArrayList<>();
    List<LocalDate> trungThu = new ArrayList<>();
    List<LocalDate> cuoiNam = new ArrayList<>();
    List<LocalDate> leap4 = new ArrayList<>();
    List<LocalDate> tet = new ArrayList<>();
    for (int y = 1999; y <= 2051; y++) {
      assertTrue(tableComplete(y), "table has the months of " + y);
      List<LocalDate> starts = monthStarts(y);
      mung1.addAll(starts);
      trungThu.add(starts.get(index(y, 8, false)).plusDays(14));
      cuoiNam.add(TABLE.get(y + 1).tet().minusDays(1));
      if (TABLE.get(y).leapMonth().orElse(0) == 4) {
        leap4.add(starts.get(index(y, 4, true)).plusDays(14));
      }
      tet.add(TABLE.get(y).tet());
    }
    assertEquals(inRange(mung1, first, end), days(s, "mung-1", first, end));
    assertEquals(inRange(trungThu, first, end), days(s, "trung-thu", first, end));
    assertEquals(inRange(cuoiNam, first, end), days(s, "cuoi-nam", first, end));
    assertEquals(inRange(leap4, first, end), days(s, "ram-nhuan-4", first, end));
    assertEquals(List.of(LocalDate.of(2020, 6, 6)), days(s, "ram-nhuan-4", LocalDate.of(2019, 1, 1), LocalDate.of(2031, 1, 1)),
        "2020 had a leap fourth month; 2023's leap month was the second");
    assertEquals(inRange(tet, first, end), days(s, "tet", first, end));
  }

  private static List<LocalDate> inRange(List<LocalDate> days, LocalDate first, LocalDate end) {
    return days.stream().filter(d -> !d.isBefore(first) && d.isBefore(end)).sorted().distinct().toList();
  }

  @Test
  void everyFormOfLunarDayAirsOnTheDaysThePublishedMonthsGiveFrom2015To2035AndSurvivesExportAndImport() throws SourceException {
    List<String> texts = new ArrayList<>();
    for (String day : List.of("1", "14", "15", "29", "30", "last")) {
      texts.add(day);
      for (int month : List.of(1, 2, 4, 5, 6, 11, 12)) {
        texts.add(day + "/" + month);
        texts.add(day + "/" + month + " nhuận");
      }
    }
    StringBuilder airings = new StringBuilder("airings:\n");
    for (int i = 0; i < texts.size(); i++) {
      airings.append("  - { key: r").append(i).append(", programme: ram, zones: all, at: \"")
          .append(String.format("%02d:%02d", 6 + i / 60, i % 60)).append("\", lunar: \"").append(texts.get(i)).append("\" }\n");
    }
    Schedule s = ScheduleFile.parse(PROGRAMMES + airings, "lich.yaml", STATION);
    assertEquals(s, ScheduleFile.parse(ScheduleFile.write(s), "exported.yaml", STATION));
    LocalDate first = LocalDate.of(2015, 1, 1);
    LocalDate end = LocalDate.of(2036, 1, 1);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String[] dm = text.replace(" nhuận", "").split("/");
      boolean leap = text.endsWith("nhuận");
      List<LocalDate> expected = new ArrayList<>();
      for (int y = 2014; y <= 2035; y++) {
        PublishedCalendar.Year year = TABLE.get(y);
        LocalDate start = year.tet();
        int leapAfter = year.leapMonth().orElse(0);
        int number = 1;
        for (int k = 0; k < year.monthLengths().size(); k++) {
          int length = year.monthLengths().get(k);
          boolean isLeap = leapAfter > 0 && k == leapAfter;
          int monthNumber = isLeap ? leapAfter : number;
          boolean monthMatches = dm.length == 1 || (Integer.parseInt(dm[1]) == monthNumber && leap == isLeap);
          int day = dm[0].equals("last") ? length : Integer.parseInt(dm[0]);
          if (monthMatches && day <= length) {
            expected.add(start.plusDays(day - 1));
          }
          start = start.plusDays(length);
          if (!isLeap) {
            number++;
          }
        }
      }
      assertEquals(inRange(expected, first, end), days(s, "r" + i, first, end), "lunar: \"" + text + "\"");
    }
  }

  @Test
  void tetAirsOnTheVietnameseDayIn1985And2007NotTheChineseOne() throws SourceException {
    Schedule s = read("""
        airings:
          - { key: tet, programme: chuc-tet, zones: all, at: "06:10", on: tet }
          - { key: giao-thua, programme: chuc-tet, zones: all, at: "20:00", on: giao-thua }
        """, LocalDate.of(1985, 1, 1));
    assertEquals(List.of(LocalDate.of(1985, 1, 21)), days(s, "tet", LocalDate.of(1985, 1, 1), LocalDate.of(1985, 12, 31)),
        "China's Tết 1985 was 20 February");
    assertEquals(List.of(LocalDate.of(2007, 2, 17)), days(s, "tet", LocalDate.of(2007, 1, 1), LocalDate.of(2007, 12, 31)),
        "China's Tết 2007 was 18 February");
    assertEquals(List.of(LocalDate.of(2007, 2, 16)), days(s, "giao-thua", LocalDate.of(2007, 1, 1), LocalDate.of(2007, 12, 31)));
  }

  @Test
  void day30OfAMonthThatHasOnly29DaysInSomeYearsIsAWarningNamingThoseYears() throws SourceException {
    String airings = """
        airings:
          - { key: ba-muoi, programme: ram, zones: all, at: "18:30", lunar: "30/12" }
        """;
    List<Integer> short12 = new ArrayList<>();
    for (int y = 2026; y <= 2035; y++) {
      if (TABLE.get(y).monthLengths().get(index(y, 12, false)) == 29) {
        short12.add(y);
      }
    }
    assertTrue(short12.contains(2027), "tháng Chạp of Đinh Mùi has 29 days in the table");
    String years = String.join(", ", short12.stream().map(String::valueOf).toList());
    assertEquals(List.of("lich.yaml:7:69: warning: ngày âm lịch 30/12 không có trong các năm âm lịch " + years
        + " (những năm đó tháng 12 chỉ có 29 ngày, xét từ 2026 đến 2035); những năm ấy buổi phát sẽ im lặng; hãy viết \"last/12\""
        + " để phát ngày cuối tháng (lunar day 30/12 does not exist in lunar years " + years
        + " [tháng 12 has 29 days then, looking 2026 to 2035]; the airing is silent those years; write \"last/12\" for the last day of the month)"),
        problems(airings, LocalDate.of(2026, 3, 1)));
    Schedule s = read(airings, LocalDate.of(2026, 3, 1));
    assertTrue(days(s, "ba-muoi", LocalDate.of(2027, 3, 1), LocalDate.of(2028, 3, 1)).isEmpty(), "no 30 tháng Chạp in 2027");
    assertEquals(1, days(s, "ba-muoi", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1)).size() + (short12.contains(2026) ? 1 : 0));
  }

  @Test
  void day30OfEveryMonthIsAWarningNamingTheMonthsOf29DaysAndALeapDay30NamesOnlyTheYearsWithThatLeapMonth() {
    List<String> months = new ArrayList<>();
    PublishedCalendar.Year y2027 = TABLE.get(2027);
    for (int m = 1; m <= 12; m++) {
      if (y2027.monthLengths().get(index(2027, m, false)) == 29) {
        months.add(Integer.toString(m));
      }
    }
    assertEquals(List.of("lich.yaml:7:69: warning: ngày 30 âm lịch chỉ có ở tháng đủ 30 ngày; năm âm lịch 2027 buổi phát này bỏ qua các tháng "
        + String.join(", ", months) + " (tháng thiếu, 29 ngày); hãy viết \"last\" để phát ngày cuối mỗi tháng (lunar day 30 exists only"
        + " in months of 30 days; in lunar year 2027 this airing skips months " + String.join(", ", months)
        + " [29 days]; write \"last\" for the last day of every month)"),
        problems("""
            airings:
              - { key: ba-muoi, programme: ram, zones: all, at: "18:30", lunar: "30" }
            """, LocalDate.of(2027, 3, 1)));
    // from 2019 to 2021 only 2020 has a leap fourth month, of 29 days in the table: the rule never fires at all
    List<Integer> leap4 = new ArrayList<>();
    for (int y = 2019; y <= 2021; y++) {
      if (TABLE.get(y).leapMonth().orElse(0) == 4) {
        leap4.add(y);
      }
    }
    assertEquals(List.of(2020), leap4);
    assertEquals(29, TABLE.get(2020).monthLengths().get(index(2020, 4, true)));
    assertEquals(List.of("lich.yaml:7:69: buổi phát này không bao giờ diễn ra: không có ngày nào từ 2019-03-01 đến 2021-12-31 khớp "
        + "với lunar \"30/4 nhuận\" (this airing never fires: no day from 2019-03-01 to 2021-12-31 matches lunar \"30/4 nhuận\")",
        "lich.yaml:7:69: warning: ngày âm lịch 30/4 nhuận không có trong các năm âm lịch 2020 (những năm đó tháng 4 nhuận chỉ có "
            + "29 ngày, xét từ 2019 đến 2021); những năm ấy buổi phát sẽ im lặng; hãy viết \"last/4 nhuận\" để phát ngày cuối "
            + "tháng (lunar day 30/4 nhuận does not exist in lunar years 2020 [tháng 4 nhuận has 29 days then, looking 2019 to "
            + "2021]; the airing is silent those years; write \"last/4 nhuận\" for the last day of the month)"),
        problems("""
            airings:
              - { key: ba-muoi, programme: ram, zones: all, at: "18:30", lunar: "30/4 nhuận", from: "2019-03-01", until: "2021-12-31" }
            """, LocalDate.of(2019, 3, 1)));
  }

  @Test
  void badLunarValuesAndUnknownNamesSayWhatToWriteInstead() {
    List<String> got = problems("""
        holidays:
          nghi-tet: ["2027-02-04..2027-02-10"]
          tet: ["2027-02-06"]
          nghi-he: ["2027-08-10..2027-06-01"]
        airings:
          - { key: a, programme: ram, zones: all, at: "18:30", lunar: "31/8" }
          - { key: b, programme: ram, zones: all, at: "18:31", lunar: "15/13" }
          - { key: c, programme: ram, zones: all, at: "18:32", lunar: "rằm" }
          - { key: d, programme: ram, zones: all, at: "18:33", on: tet-nguyen-dan }
          - { key: e, programme: ram, zones: all, at: "18:34", days: [MO], except: [nghi-tt] }
          - { key: f, programme: ram, zones: all, at: "18:35", lunar: "15", days: [MO] }
        """, LocalDate.of(2026, 12, 1));
    String how = "write \"D/M\" with a day 1..30 [or \"last\"] and a lunar month 1..12, e.g. \"10/3\", \"15/4 nhuận\", \"last/12\", "
        + "or a day alone for every month, e.g. \"15\"";
    String howVi = "hãy viết \"D/M\" với ngày 1..30 (hoặc \"last\") và tháng âm lịch 1..12, ví dụ \"10/3\", \"15/4 nhuận\", \"last/12\","
        + " hoặc chỉ ghi ngày để phát hằng tháng, ví dụ \"15\"";
    String named = "tet, giao-thua, ong-tao, ram-thang-gieng, gio-to, vu-lan, trung-thu, tet-duong-lich, giai-phong, quoc-te-lao-dong, quoc-khanh";
    assertEquals(List.of(
        "lich.yaml:8:3: 'tet' đã là tên một ngày lễ hằng năm; hãy đặt tên khác cho ngày nghỉ, ví dụ nghi-tet ('tet' is already a "
            + "named day every year; give the holiday another name, e.g. nghi-tet)",
        "lich.yaml:9:13: khoảng ngày nghỉ '2027-08-10..2027-06-01' kết thúc trước khi bắt đầu; hãy viết ngày đầu trước (holiday "
            + "range '2027-08-10..2027-06-01' ends before it starts; write the first day first)",
        "lich.yaml:11:63: ngày âm lịch '31/8' không hợp lệ; " + howVi + " (bad lunar day '31/8'; " + how + ")",
        "lich.yaml:12:63: ngày âm lịch '15/13' không hợp lệ; " + howVi + " (bad lunar day '15/13'; " + how + ")",
        "lich.yaml:13:63: ngày âm lịch 'rằm' không hợp lệ; " + howVi + " (bad lunar day 'rằm'; " + how + ")",
        "lich.yaml:14:60: on 'tet-nguyen-dan' không phải một ngày cũng không phải tên một ngày lễ; hãy viết YYYY-MM-DD, ví dụ \"2027-02-06\","
            + " hoặc một trong " + named + " (on 'tet-nguyen-dan' is neither a date nor a named day; write YYYY-MM-DD, e.g. \"2027-02-06\","
            + " or one of " + named + ")",
        "lich.yaml:15:77: except 'nghi-tt' không phải một ngày, tên một ngày lễ hay một ngày nghỉ; hãy viết YYYY-MM-DD, một trong " + named
            + ", hoặc một trong các ngày nghỉ: nghi-tet, nghi-he (except 'nghi-tt' is not a date, a named day or a holiday;"
            + " write YYYY-MM-DD, one of " + named + ", or one of holidays: nghi-tet, nghi-he)",
        "lich.yaml:16:56: chỉ dùng một trong days, every, monthly, lunar hoặc on; buổi phát này có cả 'days' và 'lunar' (use one "
            + "of days, every, monthly, lunar or on; this airing has both 'days' and 'lunar')"), got);
  }

  @Test
  void namedDaysAndTheStationsHolidaysKeepAWeeklyBulletinOffAir() throws SourceException {
    Schedule s = read("""
        holidays:
          nghi-tet: ["2027-02-04..2027-02-10", "2028-01-24..2028-01-30"]
        airings:
          - { key: tin, programme: tin, zones: all, at: "06:10", except: [nghi-tet, quoc-khanh, tet] }
          - { key: chao-tet, programme: chuc-tet, zones: all, at: "06:20", on: tet, except: ["2029-02-13"] }
        """, LocalDate.of(2027, 1, 1));
    List<LocalDate> tin = days(s, "tin", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 1, 1));
    for (LocalDate d = LocalDate.of(2027, 2, 4); !d.isAfter(LocalDate.of(2027, 2, 10)); d = d.plusDays(1)) {
      assertFalse(tin.contains(d), "silent in the Tết break: " + d);
    }
    assertTrue(tin.contains(LocalDate.of(2027, 2, 3)));
    assertTrue(tin.contains(LocalDate.of(2027, 2, 11)));
    assertFalse(tin.contains(LocalDate.of(2027, 9, 2)));
    assertFalse(tin.contains(LocalDate.of(2029, 9, 2)));
    assertFalse(tin.contains(TABLE.get(2029).tet()), "tet is off every year, beyond the listed breaks");
    assertTrue(tin.contains(TABLE.get(2029).tet().plusDays(1)), "2029 has no listed break");
    assertEquals(List.of(TABLE.get(2027).tet(), TABLE.get(2028).tet()), days(s, "chao-tet", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 1, 1)),
        "the 2029 Tết greeting is excepted");
  }

  @Test
  void aNamedDayOffThatIsAlsoOverriddenIsAContradiction() {
    assertEquals(List.of("lich.yaml:12:24: ngày 2027-02-06 vừa ở trong except vừa được đổi lịch; hãy giữ một (2027-02-06 is both "
        + "in except and overridden; keep one)"), problems("""
        airings:
          - key: tin
            programme: tin
            zones: all
            at: "06:10"
            except: [tet]
            overrides: [ { on: "2027-02-06", at: "07:00" } ]
        """, LocalDate.of(2027, 1, 1)));
  }

  @Test
  void checkWarnsWhenTheComingYearsDaysOfAHolidayInUseAreNotListedYet() {
    String airings = """
        holidays:
          nghi-tet: ["2027-02-04..2027-02-10"]
        airings:
          - { key: tin, programme: tin, zones: all, at: "06:10", except: [nghi-tet] }
        """;
    assertEquals(List.of(), problems(airings, LocalDate.of(2026, 12, 1)));
    assertEquals(List.of("lich.yaml:7:3: warning: ngày nghỉ nghi-tet (trong danh sách except của buổi phát 'tin') không có ngày "
        + "nào từ 2027-03-01 đến 2028-02-29; hãy thêm các ngày của năm tới khi đã được công bố; Tết 2028 là ngày 2028-01-26 "
        + "(holiday nghi-tet [in the except list of airing 'tin'] lists no day from 2027-03-01 to 2028-02-29; add the coming "
        + "year's days once they are fixed; Tết 2028 is 2028-01-26)"), problems(airings, LocalDate.of(2027, 3, 1)));
  }

  @Test
  void lunarRulesWithOverridesHolidaysAndNamedDaysExportToAFileThatImportsToTheSameSchedule() throws SourceException {
    Schedule s = read("""
        holidays:
          nghi-tet: ["2027-02-04..2027-02-10", "2027-04-30", "2027-05-01"]
        airings:
          - key: gio-to
            programme: ram
            zones: [ap-1, ap-2]
            at: ["07:00", "18:00"]
            lunar: "10/3"
            from: "2027-01-01"
            until: "2031-12-31"
            except: ["2029-04-16", ong-tao]
            overrides:
              - { on: "2028-04-05", at: "07:30" }
          - { key: nhuan, programme: ram, zones: all, at: "18:30", lunar: "1/6 nhuận" }
          - { key: ram, programme: ram, zones: all, at: "18:40", lunar: "15", except: [nghi-tet, trung-thu] }
          - { key: cuoi, programme: chuc-tet, zones: all, at: "19:00", lunar: "last/12" }
          - { programme: chuc-tet, zones: all, at: "06:10", on: tet }
          - { programme: chuc-tet, zones: all, at: "06:10", on: quoc-khanh }
        """, LocalDate.of(2027, 1, 1));
    String text = ScheduleFile.write(s);
    assertTrue(text.contains("lunar: \"1/6 nhuận\""), text);
    assertTrue(text.contains("nghi-tet: [\"2027-02-04..2027-02-10\", \"2027-04-30..2027-05-01\"]"), text);
    Schedule back = ScheduleFile.parse(text, "exported.yaml", STATION);
    assertEquals(s, back);
    assertEquals(ScheduleFile.write(back), text);
    assertTrue(s.rule("chuc-tet-0610-tet").isPresent() && s.rule("chuc-tet-0610-quoc-khanh").isPresent(),
        "a named day's airing takes the day's name in its default key");
  }

  @Test
  void plannedAiringKeysOfLunarRulesAreTheSameAfterARestart() throws SourceException {
    String airings = """
        airings:
          - { programme: ram, zones: all, at: "18:40", lunar: "15" }
          - { programme: chuc-tet, zones: all, at: "06:10", on: tet }
        """;
    Schedule before = read(airings, LocalDate.of(2027, 1, 1));
    // a restart reads the schedule back from the text the database keeps
    Schedule after = ScheduleFile.parse(ScheduleFile.write(before), "stored schedule", STATION);
    List<PlannedAiringKey> a = Expansion.plan(before, STATION, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1)).stream()
        .map(PlannedAiring::key).toList();
    List<PlannedAiringKey> b = Expansion.plan(after, STATION, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1)).stream()
        .map(PlannedAiring::key).toList();
    assertEquals(a, b);
    assertTrue(a.contains(new PlannedAiringKey("chuc-tet-0610-tet@2027-02-06T06:10:00")), a.toString());
    assertTrue(a.contains(new PlannedAiringKey("ram-1840@2027-02-20T18:40:00")), "rằm tháng Giêng Đinh Mùi: " + a);
  }

  @Test
  void aLunarAiringConflictsWithAWeeklyOneAtTheSameTimeOnTheSameHamlets() throws SourceException {
    // 15/8 of Đinh Mùi is 2027-09-15, a Wednesday
    String airings = """
        airings:
          - { key: tin-thu-tu, programme: tin, zones: [ap-1], at: "18:30", days: [WE] }
          - { key: trung-thu, programme: ram, zones: all, at: "18:30", lunar: "15/8" }
        """;
    Schedule s = ScheduleFile.parse(PROGRAMMES + airings, "lich.yaml", STATION);
    List<PlannedAiring> planned = Expansion.plan(s, STATION, LocalDate.of(2027, 9, 1), LocalDate.of(2027, 10, 1));
    List<Conflict> conflicts = Conflicts.find(planned, k -> Duration.ofMinutes(10), STATION.zones());
    assertEquals(1, conflicts.size(), conflicts.toString());
    assertEquals(LocalDateTime.of(2027, 9, 15, 18, 30), conflicts.get(0).first().key().localStart().orElseThrow());
    List<String> got = problems(airings, LocalDate.of(2027, 1, 1));
    assertEquals(1, got.size(), got.toString());
    assertTrue(got.get(0).startsWith("lich.yaml:8:55: trùng giờ với buổi phát 'tin-thu-tu' (dòng 7) trên ap-1 cùng mức ưu tiên NORMAL: "
        + "lần đầu 2027-09-15 18:30"), got.get(0));
    assertTrue(got.get(0).contains(" (overlaps airing 'tin-thu-tu' [line 7] on ap-1 at the same priority NORMAL: first 2027-09-15 18:30"),
        got.get(0));
  }

  @Test
  void thePreviewMarksALunarRulesAiringWithItsLunarDate() throws SourceException {
    Schedule s = read("""
        airings:
          - { key: trung-thu, programme: ram, zones: all, at: "18:30", on: trung-thu }
          - { key: tin, programme: tin, zones: all, at: "06:10" }
        """, LocalDate.of(2027, 9, 1));
    List<PlannedAiring> day = Expansion.plan(s, STATION, LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 16));
    assertEquals("""
        2027-09-15  Wed  06:10  tin  all  NORMAL  Bản tin
        2027-09-15  Wed  18:30  ram  all  NORMAL  Rằm · âm lịch 15/8
        """, Preview.text(day, STATION.timeZone(), s));
    assertEquals("""
        date,time,programme,zones,priority,lunar\r
        2027-09-15,06:10,tin,all,NORMAL,\r
        2027-09-15,18:30,ram,all,NORMAL,15/8\r
        """, Preview.csv(day, STATION.timeZone(), s));
  }

  @Test
  void aRotatingCchcAiringOnMung1IsNamedForTheCalendarMonthsWithoutOne() {
    // a lunar month is 29 or 30 days; a February of 28 days can hold no mùng 1 at all
    List<YearMonthGap> gaps = new ArrayList<>();
    for (int y = 2026; y <= 2040; y++) {
      List<LocalDate> starts = monthStarts(y);
      gaps.add(new YearMonthGap(starts));
    }
    java.util.Set<java.time.YearMonth> withMung1 = new java.util.HashSet<>();
    gaps.forEach(g -> g.starts().forEach(d -> withMung1.add(java.time.YearMonth.from(d))));
    java.time.YearMonth missing = null;
    for (java.time.YearMonth m = java.time.YearMonth.of(2027, 1); m.isBefore(java.time.YearMonth.of(2040, 1)); m = m.plusMonths(1)) {
      if (!withMung1.contains(m)) {
        missing = m;
        break;
      }
    }
    assertTrue(missing != null, "some February from 2027 to 2039 has no mùng 1");
    LocalDate first = missing.minusMonths(1).atDay(1);
    List<String> got = problems("""
        airings:
          - { key: cchc, programme: tin, zones: all, at: "18:00", lunar: "1", rotateTopics: true }
        """, first);
    String expected = "the monthly CCHC airing does not air in " + missing + "; every calendar month needs one";
    assertTrue(got.stream().anyMatch(p -> p.contains(expected)), got.toString());
  }

  private record YearMonthGap(List<LocalDate> starts) {}

  @Test
  void aLunarAiringWithoutAKeyIsKeyedByProgrammeAndTimeAndItsValueMayBeUnquoted() throws SourceException {
    Schedule s = read("""
        airings:
          - { programme: ram, zones: all, at: "18:40", lunar: 15 }
          - { programme: ram, zones: all, at: "18:50", lunar: 1/1 }
        """, LocalDate.of(2027, 1, 1));
    AiringRule r = s.rules().get(0);
    assertEquals("ram-1840", r.key());
    assertEquals(List.of(TABLE.get(2028).tet()), days(s, "ram-1850", LocalDate.of(2027, 3, 1), LocalDate.of(2028, 3, 1)),
        "a plain (unquoted) value reads as the same lunar day");
  }
}
