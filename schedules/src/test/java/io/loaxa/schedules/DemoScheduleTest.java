package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.yaml.ScheduleFile;
import io.loaxa.schedules.source.SourceException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo commune's schedule as the operator previews it, around month ends, a leap day and Tết. */
class DemoScheduleTest {
  private static final StationFacts STATION = StationFacts.demo();

  private static Schedule demo() throws SourceException {
    return ScheduleFile.read(DemoSchedule.text(), DemoSchedule.FILE, STATION, CheckOptions.from(LocalDate.of(2026, 1, 1)));
  }

  /** The preview between two local times: whole days as {@code 2026-01-31}, or {@code 2027-02-04T17:30}. */
  private static String preview(String from, String untilExclusive) throws SourceException {
    Schedule s = demo();
    LocalDateTime start = from.contains("T") ? LocalDateTime.parse(from) : LocalDate.parse(from).atStartOfDay();
    LocalDateTime end = untilExclusive.contains("T") ? LocalDateTime.parse(untilExclusive) : LocalDate.parse(untilExclusive).atStartOfDay();
    List<PlannedAiring> airings = Expansion.plan(s, STATION, start.toLocalDate(), end.toLocalDate().plusDays(1)).stream()
        .filter(a -> {
          LocalDateTime local = LocalDateTime.ofInstant(a.startsAt(), STATION.timeZone());
          return !local.isBefore(start) && local.isBefore(end);
        }).toList();
    return Preview.text(airings, STATION.timeZone(), s);
  }

  @Test
  void theDemoScheduleHasNoProblemOverThreeYearsWithItsShippedContent() {
    CheckOptions threeYears = new CheckOptions(LocalDate.of(2026, 1, 1), 3 * 366, Optional.empty())
        .withContent(DemoSchedule.CONTENT::contains);
    assertEquals(List.of(), ScheduleFile.check(DemoSchedule.text(), DemoSchedule.FILE, STATION, threeYears));
    DemoSchedule.CONTENT.forEach(path -> assertTrue(DemoSchedule.content(path).length() > 50, path));
  }

  @Test
  void atTheEndOfJanuaryTheMonthlyReviewAirsOnThe31stAndCchcOnTheFirstMondayOfFebruary() throws SourceException {
    assertEquals("""
        2026-01-31  Sat  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2026-01-31  Sat  05:35  thong-tin-sang  all        NORMAL  Thông tin buổi sáng
        2026-01-31  Sat  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-01-31  Sat  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2026-01-31  Sat  17:30  van-nghe        ap-1,ap-2  NORMAL  Chương trình văn nghệ
        2026-01-31  Sat  17:45  tong-ket-thang  all        NORMAL  Điểm tin hoạt động trong tháng
        2026-01-31  Sat  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-02-01  Sun  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2026-02-01  Sun  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-02-01  Sun  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2026-02-01  Sun  17:30  van-nghe        ap-1,ap-2  NORMAL  Chương trình văn nghệ
        2026-02-01  Sun  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-02-02  Mon  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2026-02-02  Mon  05:35  thong-tin-sang  all        NORMAL  Thông tin buổi sáng
        2026-02-02  Mon  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-02-02  Mon  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2026-02-02  Mon  17:30  ban-tin-xa      all        NORMAL  Bản tin xã
        2026-02-02  Mon  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2026-02-02  Mon  18:35  cchc-thang      all        NORMAL  Chuyên mục cải cách hành chính · topic mot-cua-lien-thong
        """, preview("2026-01-31", "2026-02-03"));
  }

  @Test
  void inALeapYearTheMonthlyReviewAirsOnFebruary29NotThe28th() throws SourceException {
    assertEquals("""
        2028-02-28  Mon  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2028-02-28  Mon  05:35  thong-tin-sang  all        NORMAL  Thông tin buổi sáng
        2028-02-28  Mon  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2028-02-28  Mon  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2028-02-28  Mon  17:30  ban-tin-xa      all        NORMAL  Bản tin xã
        2028-02-28  Mon  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2028-02-29  Tue  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2028-02-29  Tue  05:35  thong-tin-sang  all        NORMAL  Thông tin buổi sáng
        2028-02-29  Tue  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2028-02-29  Tue  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2028-02-29  Tue  17:30  van-nghe        ap-1,ap-2  NORMAL  Chương trình văn nghệ
        2028-02-29  Tue  17:45  tong-ket-thang  all        NORMAL  Điểm tin hoạt động trong tháng
        2028-02-29  Tue  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2028-03-01  Wed  05:30  mo-dau-sang     all        NORMAL  Mở đầu buổi phát sáng
        2028-03-01  Wed  05:35  thong-tin-sang  all        NORMAL  Thông tin buổi sáng
        2028-03-01  Wed  06:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        2028-03-01  Wed  17:25  mo-dau-chieu    all        NORMAL  Mở đầu buổi phát chiều
        2028-03-01  Wed  17:30  ban-tin-xa      all        NORMAL  Bản tin xã
        2028-03-01  Wed  18:00  thoi-su-vov     all        NORMAL  Tiếp âm chương trình thời sự VOV1
        """, preview("2028-02-28", "2028-03-02"));
  }

  @Test
  void overTetOnlyTheNationalNewsAndTheNewYearGreetingAir() throws SourceException {
    assertEquals("""
        2027-02-04  Thu  17:30  phap-luat    all  NORMAL  Chuyên mục pháp luật và đời sống
        2027-02-04  Thu  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-05  Fri  06:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-05  Fri  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-06  Sat  06:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-06  Sat  07:00  chuc-tet     all  NORMAL  Thư chúc Tết của Chủ tịch UBND xã
        2027-02-06  Sat  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-07  Sun  06:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-07  Sun  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-08  Mon  06:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-08  Mon  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-09  Tue  06:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-09  Tue  18:00  thoi-su-vov  all  NORMAL  Tiếp âm chương trình thời sự VOV1
        2027-02-10  Wed  05:30  mo-dau-sang  all  NORMAL  Mở đầu buổi phát sáng
        """, preview("2027-02-04T17:30", "2027-02-10T05:31"));
  }

  @Test
  void onNationalDayTheMorningOpeningIsReplacedByTheOverride() throws SourceException {
    assertEquals("""
        2026-09-02  Wed  05:30  quoc-khanh      all  NORMAL  Chào mừng Quốc khánh 2/9 · override for 2026-09-02
        2026-09-02  Wed  05:35  thong-tin-sang  all  NORMAL  Thông tin buổi sáng
        2026-09-02  Wed  06:00  thoi-su-vov     all  NORMAL  Tiếp âm chương trình thời sự VOV1
        """, preview("2026-09-02T00:00", "2026-09-02T07:00"));
  }

  @Test
  void theCsvPreviewHasTheColumnsSpreadsheetsExpect() throws SourceException {
    Schedule s = demo();
    List<PlannedAiring> day = Expansion.plan(s, STATION, LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 7));
    assertEquals("""
        date,time,programme,zones,priority,lunar\r
        2026-06-06,05:30,mo-dau-sang,all,NORMAL,\r
        2026-06-06,05:35,thong-tin-sang,all,NORMAL,\r
        2026-06-06,06:00,thoi-su-vov,all,NORMAL,\r
        2026-06-06,06:30,pctt,"ap-3,ap-4",PRIORITY,\r
        2026-06-06,17:25,mo-dau-chieu,all,NORMAL,\r
        2026-06-06,17:30,van-nghe,"ap-1,ap-2",NORMAL,\r
        2026-06-06,18:00,thoi-su-vov,all,NORMAL,\r
        """, Preview.csv(day, STATION.timeZone(), s));
  }

  @Test
  void theCchcProgrammeAirsEveryMonthInEveryZoneWithADifferentTopicThanTheMonthBefore() throws SourceException {
    Schedule s = demo();
    List<PlannedAiring> cchc = Expansion.plan(s, STATION, LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)).stream()
        .filter(a -> a.ruleKey().equals("cchc-thang")).toList();
    assertEquals(36, cchc.size());
    for (int i = 0; i < cchc.size(); i++) {
      PlannedAiring a = cchc.get(i);
      assertEquals(YearMonth.of(2026, 1).plusMonths(i), YearMonth.from(a.key().localStart().orElseThrow()));
      assertTrue(a.zones().all());
      if (i > 0) {
        assertNotEquals(cchc.get(i - 1).topic(), a.topic(), a.key().value());
      }
    }
  }
}
