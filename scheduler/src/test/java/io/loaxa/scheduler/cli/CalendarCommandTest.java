package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code loaxa calendar} as an operator runs it to plan the year. The dates expected are those of
 * the published calendar table the schedules module is tested against (amlich, Hồ Ngọc Đức's
 * program, at UTC+7), worked out here by hand: tháng 11 Bính Ngọ from 2026-12-09, tháng Chạp from
 * 2027-01-08 with 29 days, Tết Đinh Mùi 2027-02-06, then months of 30, 30, 29, 30, 29, 29, 30 … days.
 */
class CalendarCommandTest {
  @Test
  void theYear2027ListsItsNamedDaysWithSolarAndLunarDatesAndItsCanChiInVietnamese() {
    CliRun run = loaxa("calendar", "2027");
    assertEquals(0, run.code(), run.err());
    assertEquals("""
        Năm 2027 — năm âm lịch Đinh Mùi, Tết Nguyên Đán Thứ Bảy 2027-02-06; tháng nhuận: không có
        dương lịch  thứ      âm lịch         tên trong lịch phát  ngày
        2027-01-01  Thứ Sáu  24/11 Bính Ngọ  tet-duong-lich       Tết Dương lịch
        2027-01-30  Thứ Bảy  23/12 Bính Ngọ  ong-tao              Ông Công Ông Táo
        2027-02-05  Thứ Sáu  29/12 Bính Ngọ  giao-thua            Giao thừa
        2027-02-06  Thứ Bảy  1/1 Đinh Mùi    tet                  Tết Nguyên Đán
        2027-02-20  Thứ Bảy  15/1 Đinh Mùi   ram-thang-gieng      Rằm tháng Giêng
        2027-04-16  Thứ Sáu  10/3 Đinh Mùi   gio-to               Giỗ Tổ Hùng Vương
        2027-04-30  Thứ Sáu  24/3 Đinh Mùi   giai-phong           Ngày Giải phóng miền Nam, thống nhất đất nước
        2027-05-01  Thứ Bảy  25/3 Đinh Mùi   quoc-te-lao-dong     Ngày Quốc tế Lao động
        2027-08-16  Thứ Hai  15/7 Đinh Mùi   vu-lan               Lễ Vu Lan
        2027-09-02  Thứ Năm  2/8 Đinh Mùi    quoc-khanh           Ngày Quốc khánh
        2027-09-15  Thứ Tư   15/8 Đinh Mùi   trung-thu            Tết Trung thu
        """, run.out());
  }

  @Test
  void inEnglishTheYearNamesItsLeapMonthAndTheCanChiInBothLanguages() {
    CliRun run = loaxa("calendar", "2023", "--lang", "en");
    assertEquals(0, run.code(), run.err());
    String first = run.out().lines().findFirst().orElseThrow();
    assertEquals("Year 2023 — lunar year Quý Mão (Yin Water Cat), Lunar New Year Sun 2023-01-22; leap month: 2 (tháng 2 nhuận)", first);
    assertTrue(run.out().contains("2023-04-29  Sat  10/3 Quý Mão"), run.out());
    assertTrue(run.out().contains("Hùng Kings' Commemoration Day"), run.out());
  }

  @Test
  void aYearOutsideTheCalendarIsRefusedNamingTheRange() {
    CliRun run = loaxa("calendar", "2101");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("năm 2101 nằm ngoài lịch âm đã tính (1900–2100)"), run.err());
  }
}
