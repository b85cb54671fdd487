package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.report.Language;
import io.loaxa.schedules.lunar.CanChi;
import io.loaxa.schedules.lunar.LunarDate;
import io.loaxa.schedules.lunar.NamedDay;
import io.loaxa.schedules.lunar.VietnameseCalendar;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loaxa calendar [YEAR]}: the named days of a solar year (Tết, Giỗ Tổ, Trung thu, the public
 * holidays) with their solar and lunar dates and the lunar year's Can Chi, the page an operator plans
 * the year's special programmes from.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
    description = {"Lịch âm — the named days of a year (the names on: and except: take) with solar date, lunar date and",
        "the lunar year's Can Chi; Vietnamese by default, --lang en for English. Years 1900 to 2100."})
final class CalendarCommand implements Callable<Integer> {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final List<String> THU = List.of("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "YEAR", arity = "0..1", description = "The solar year (default: this year, Vietnam time).")
  Optional<Integer> year = Optional.empty();

  @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "Vietnamese (default) or English.")
  String lang;

  @Override
  public Integer call() {
    Language language = Language.parse(lang);
    int y = year.orElseGet(() -> LocalDate.now(Clock.system(VIETNAM)).getYear());
    if (y < VietnameseCalendar.FIRST_YEAR || y > VietnameseCalendar.LAST_YEAR) {
      throw new UserError(language.pick(
          "năm " + y + " nằm ngoài lịch âm đã tính (" + VietnameseCalendar.FIRST_YEAR + "–" + VietnameseCalendar.LAST_YEAR + "); chọn một năm trong khoảng đó",
          "year " + y + " is outside the lunar calendar's range (" + VietnameseCalendar.FIRST_YEAR + " to " + VietnameseCalendar.LAST_YEAR
              + "); give a year in that range"));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(page(y, language));
    out.flush();
    return 0;
  }

  /** The calendar page of solar year {@code year}, one named day a line in date order. */
  static String page(int year, Language language) {
    CanChi canChi = CanChi.ofYear(year);
    LocalDate tet = VietnameseCalendar.tet(year);
    OptionalInt leap = VietnameseCalendar.leapMonth(year);
    StringBuilder b = new StringBuilder();
    b.append(language.pick(
        "Năm " + year + " — năm âm lịch " + canChi.vietnamese() + ", Tết Nguyên Đán " + weekday(tet, language) + " " + tet
            + "; tháng nhuận: " + (leap.isPresent() ? "tháng " + leap.getAsInt() + " nhuận" : "không có"),
        "Year " + year + " — lunar year " + canChi.vietnamese() + " (" + canChi.english() + "), Lunar New Year " + weekday(tet, language)
            + " " + tet + "; leap month: " + (leap.isPresent() ? leap.getAsInt() + " (tháng " + leap.getAsInt() + " nhuận)" : "none")))
        .append('\n');
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(language == Language.VI
        ? new String[] {"dương lịch", "thứ", "âm lịch", "tên trong lịch phát", "ngày"}
        : new String[] {"solar date", "day", "lunar date", "schedule name", "day"});
    List<NamedDay> days = Arrays.stream(NamedDay.values()).sorted(Comparator.comparing(d -> d.dateIn(year))).toList();
    for (NamedDay d : days) {
      LocalDate solar = d.dateIn(year);
      LunarDate lunar = VietnameseCalendar.toLunar(solar);
      String lunarText = lunar + " " + CanChi.ofYear(lunar.year()).vietnamese();
      rows.add(new String[] {solar.toString(), weekday(solar, language), lunarText, d.configName(),
          language.pick(d.vietnamese(), d.english())});
    }
    int[] widths = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        line.append(r[i]).append(" ".repeat(widths[i] - r[i].length() + 2));
      }
      b.append(line.append(r[4]).toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  private static String weekday(LocalDate d, Language language) {
    DayOfWeek w = d.getDayOfWeek();
    return language == Language.VI ? THU.get(w.getValue() - 1) : w.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
