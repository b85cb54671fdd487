package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AirtimeChecks;
import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Conflict;
import io.loaxa.schedules.Conflicts;
import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.ExceptDay;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PolicyViolation;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.TimeWindow;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.schedules.lunar.LunarDay;
import io.loaxa.schedules.lunar.VietnameseCalendar;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need the whole grid: rules that never fire, same-priority overlaps on a zone, the
 * station's airtime policy, the monthly CCHC airing (every month, every zone, a peak window, topics
 * that rotate) and content files that are not there. Each problem is reported once per rule at the
 * place in the file that needs the change.
 */
final class ScheduleChecks {
  /** How far ahead a rule without an end is searched for a first airing. */
  private static final int NEVER_FIRES_YEARS = 8;
  /** How many lunar years ahead a day 30 is looked up for the years it misses, when the rule has no end. */
  static final int LUNAR_WARNING_YEARS = 10;
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Schedule schedule;
  private final StationFacts station;
  private final CheckOptions options;
  private final ScheduleReader reader;
  private final List<Problem> problems;

  ScheduleChecks(Schedule schedule, StationFacts station, CheckOptions options, ScheduleReader reader, List<Problem> problems) {
    this.schedule = schedule;
    this.station = station;
    this.options = options;
    this.reader = reader;
    this.problems = problems;
  }

  void run() {
    // A rule whose programme did not read cannot be expanded; its own problem is already reported.
    Set<ProgrammeKey> programmes = new HashSet<>();
    schedule.programmes().forEach(p -> programmes.add(p.key()));
    List<AiringRule> usable = schedule.rules().stream()
        .filter(r -> programmes.contains(r.programme())
            && r.overrides().stream().allMatch(o -> o.programme().map(programmes::contains).orElse(true)))
        .toList();
    Schedule grid = new Schedule(schedule.version(), schedule.zoneGroups(), schedule.programmes(), usable, schedule.holidays());
    for (AiringRule rule : usable) {
      neverFires(rule);
      lunarDay30(rule);
    }
    holidaysAhead();
    List<PlannedAiring> planned = Expansion.plan(grid, station, options.firstDay(), options.endExclusive());
    Map<ProgrammeKey, Duration> lengths = new HashMap<>();
    grid.programmes().forEach(p -> lengths.put(p.key(), p.plannedLength()));
    conflicts(planned, lengths);
    policy(planned, lengths);
    for (AiringRule rule : usable) {
      if (rule.rotateTopics()) {
        cchc(grid, rule, planned);
      }
    }
    content(grid, usable);
  }

  private void neverFires(AiringRule rule) {
    LocalDate start;
    LocalDate end;
    if (rule.recurrence() instanceof Recurrence.Once once) {
      start = once.date();
      end = once.date();
    } else {
      start = rule.from().orElse(rule.until().map(u -> u.minusYears(NEVER_FIRES_YEARS)).orElse(options.firstDay()));
      end = rule.until().orElse(start.plusYears(NEVER_FIRES_YEARS));
      if (rule.recurrence() instanceof Recurrence.Lunar l && l.day().leap()) {
        // a given leap month comes back after 19 years or more; search as far as the calendar goes
        end = rule.until().orElse(VietnameseCalendar.LAST_DAY);
      }
    }
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (rule.firesOn(d)) {
        return;
      }
    }
    if (!rule.overrides().isEmpty()) {
      return;
    }
    String range = start.equals(end) ? "on " + start : "from " + start + " to " + end;
    String rangeVi = start.equals(end) ? "ngày " + start : "từ " + start + " đến " + end;
    boolean excepts = !rule.except().isEmpty() || !rule.exceptDays().isEmpty();
    at(rule).ifPresent(s -> problems.add(new Problem(s.recurrence(), Bilingual.of(
        "buổi phát này không bao giờ diễn ra: không có ngày nào " + rangeVi + " khớp với " + describeVi(rule.recurrence())
            + (excepts ? " ngoài các ngày except của nó" : ""),
        "this airing never fires: no day " + range + " matches " + describe(rule.recurrence())
            + (excepts ? " outside its except dates" : "")))));
  }

  /**
   * A lunar day 30 exists only in the years (or months) where the month has 30 days; the airing is
   * silent in the others, which the operator should know before the year comes.
   */
  private void lunarDay30(AiringRule rule) {
    if (!(rule.recurrence() instanceof Recurrence.Lunar lunar) || lunar.day().day().orElse(0) != 30) {
      return;
    }
    Optional<ScheduleReader.RuleSource> source = at(rule);
    if (source.isEmpty()) {
      return;
    }
    LunarDay day = lunar.day();
    LocalDate first = rule.from().filter(f -> f.isAfter(options.firstDay())).orElse(options.firstDay());
    int fromYear = Math.max(VietnameseCalendar.FIRST_YEAR, VietnameseCalendar.toLunar(clamp(first)).year());
    int toYear = Math.min(VietnameseCalendar.LAST_YEAR,
        rule.until().map(u -> VietnameseCalendar.toLunar(clamp(u)).year()).orElse(fromYear + LUNAR_WARNING_YEARS - 1));
    if (day.month().isEmpty()) {
      List<String> short29 = new ArrayList<>();
      for (int m = 1; m <= 12; m++) {
        if (VietnameseCalendar.monthLength(fromYear, m, false) == 29) {
          short29.add(Integer.toString(m));
        }
        if (VietnameseCalendar.leapMonth(fromYear).orElse(0) == m && VietnameseCalendar.monthLength(fromYear, m, true) == 29) {
          short29.add(m + " nhuận");
        }
      }
      problems.add(Problem.warning(source.get().recurrence(), Bilingual.of("ngày 30 âm lịch chỉ có ở tháng đủ 30 ngày; năm âm lịch " + fromYear
          + " buổi phát này bỏ qua các tháng " + String.join(", ", short29) + " (tháng thiếu, 29 ngày); hãy viết \"last\" để phát ngày cuối mỗi tháng",
          "lunar day 30 exists only in months of 30 days; in lunar year " + fromYear
          + " this airing skips months " + String.join(", ", short29) + " (29 days); write \"last\" for the last day of every month")));
      return;
    }
    int month = day.month().getAsInt();
    List<Integer> missed = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      if (day.leap() && VietnameseCalendar.leapMonth(y).orElse(0) != month) {
        continue;
      }
      if (VietnameseCalendar.monthLength(y, month, day.leap()) == 29) {
        missed.add(y);
      }
    }
    if (!missed.isEmpty()) {
      String monthName = "tháng " + month + (day.leap() ? " nhuận" : "");
      String last = "last/" + month + (day.leap() ? " nhuận" : "");
      problems.add(Problem.warning(source.get().recurrence(), Bilingual.of("ngày âm lịch " + day + " không có trong các năm âm lịch " + join(missed)
          + " (những năm đó " + monthName + " chỉ có 29 ngày, xét từ " + fromYear + " đến " + toYear
          + "); những năm ấy buổi phát sẽ im lặng; hãy viết \"" + last + "\" để phát ngày cuối tháng",
          "lunar day " + day + " does not exist in lunar years " + join(missed)
          + " (" + monthName + " has 29 days then, looking " + fromYear + " to " + toYear
          + "); the airing is silent those years; write \"" + last + "\" for the last day of the month")));
    }
  }

  private static LocalDate clamp(LocalDate d) {
    return d.isBefore(VietnameseCalendar.FIRST_DAY) ? VietnameseCalendar.FIRST_DAY
        : d.isAfter(VietnameseCalendar.LAST_DAY) ? VietnameseCalendar.LAST_DAY : d;
  }

  /** A holiday named in an except list with no day in the coming year: next year's list is still to be written. */
  private void holidaysAhead() {
    Map<String, String> usedBy = new LinkedHashMap<>();
    for (AiringRule rule : schedule.rules()) {
      for (ExceptDay d : rule.exceptDays()) {
        if (d instanceof ExceptDay.Holiday h) {
          usedBy.putIfAbsent(h.name(), rule.key());
        }
      }
    }
    LocalDate first = options.firstDay();
    LocalDate last = options.endExclusive().minusDays(1);
    for (Map.Entry<String, String> e : usedBy.entrySet()) {
      List<LocalDate> days = schedule.holidays().getOrDefault(e.getKey(), List.of());
      if (days.stream().anyMatch(d -> !d.isBefore(first) && !d.isAfter(last))) {
        continue;
      }
      Position where = reader.holidayReader.names.get(e.getKey());
      if (where == null) {
        continue;
      }
      String tet = "";
      String tetVi = "";
      int y = first.getYear();
      if (y >= VietnameseCalendar.FIRST_YEAR && y < VietnameseCalendar.LAST_YEAR) {
        LocalDate next = VietnameseCalendar.tet(y).isBefore(first) ? VietnameseCalendar.tet(y + 1) : VietnameseCalendar.tet(y);
        tet = "; Tết " + next.getYear() + " is " + next;
        tetVi = "; Tết " + next.getYear() + " là ngày " + next;
      }
      problems.add(Problem.warning(where, Bilingual.of("ngày nghỉ " + e.getKey() + " (trong danh sách except của buổi phát '" + e.getValue()
          + "') không có ngày nào từ " + first + " đến " + last + "; hãy thêm các ngày của năm tới khi đã được công bố" + tetVi,
          "holiday " + e.getKey() + " (in the except list of airing '" + e.getValue() + "') lists no day from "
          + first + " to " + last + "; add the coming year's days once they are fixed" + tet)));
    }
  }

  private void conflicts(List<PlannedAiring> planned, Map<ProgrammeKey, Duration> lengths) {
    List<Conflict> all = Conflicts.find(planned, k -> lengths.getOrDefault(k, Duration.ofMinutes(1)), station.zones());
    Map<List<String>, Conflict> firstOfPair = new LinkedHashMap<>();
    Map<List<String>, Integer> counts = new HashMap<>();
    Map<List<String>, Set<ZoneKey>> zones = new HashMap<>();
    for (Conflict c : all) {
      List<String> pair = List.of(c.first().ruleKey(), c.second().ruleKey());
      if (later(c.first().ruleKey(), c.second().ruleKey())) {
        pair = List.of(c.second().ruleKey(), c.first().ruleKey());
      }
      firstOfPair.putIfAbsent(pair, c);
      counts.merge(pair, 1, Integer::sum);
      zones.computeIfAbsent(pair, k -> new TreeSet<>()).addAll(c.zones());
    }
    for (Map.Entry<List<String>, Conflict> e : firstOfPair.entrySet()) {
      String earlier = e.getKey().get(0);
      String laterRule = e.getKey().get(1);
      Conflict c = e.getValue();
      ScheduleReader.RuleSource where = reader.ruleSources.get(laterRule);
      ScheduleReader.RuleSource other = reader.ruleSources.get(earlier);
      if (where == null) {
        continue;
      }
      int n = counts.get(e.getKey());
      String line = other == null ? "" : " (line " + other.airing().line() + ")";
      String with = earlier.equals(laterRule) ? "its own airing" : "airing '" + earlier + "'" + line;
      String withVi = earlier.equals(laterRule) ? "một lần phát khác của chính nó" : "buổi phát '" + earlier + "'"
          + (other == null ? "" : " (dòng " + other.airing().line() + ")");
      problems.add(Problem.overlap(where.at(), Bilingual.of("trùng giờ với " + withVi + " trên " + join(zones.get(e.getKey()))
          + " cùng mức ưu tiên " + c.second().priority() + ": lần đầu " + local(c.first()) + " và " + local(c.second())
          + (n > 1 ? " (" + n + " lần trong " + options.days() + " ngày được kiểm tra)" : ""),
          "overlaps " + with + " on " + join(zones.get(e.getKey())) + " at the same priority "
          + c.second().priority() + ": first " + local(c.first()) + " and " + local(c.second())
          + (n > 1 ? " (" + n + " times in the " + options.days() + " days checked)" : "")), List.of(earlier)));
    }
  }

  private boolean later(String a, String b) {
    ScheduleReader.RuleSource sa = reader.ruleSources.get(a);
    ScheduleReader.RuleSource sb = reader.ruleSources.get(b);
    if (sa == null || sb == null) {
      return false;
    }
    return sa.airing().line() > sb.airing().line()
        || (sa.airing().line() == sb.airing().line() && sa.airing().column() > sb.airing().column());
  }

  private void policy(List<PlannedAiring> planned, Map<ProgrammeKey, Duration> lengths) {
    Set<String> reported = new HashSet<>();
    for (PolicyViolation v : AirtimeChecks.check(planned, k -> lengths.getOrDefault(k, Duration.ofMinutes(1)), station)) {
      String rule = v.airing().ruleKey();
      if (!reported.add(rule + "/" + v.kind())) {
        continue;
      }
      ScheduleReader.RuleSource s = reader.ruleSources.get(rule);
      if (s == null) {
        continue;
      }
      Position at = switch (v.kind()) {
        case QUIET_HOURS -> s.at();
        case WEEKEND -> s.recurrence();
        case SESSION_LENGTH -> s.airing();
      };
      problems.add(new Problem(at, Bilingual.of("quy định phát sóng: " + Bilingual.vietnamese(v.reason()),
          "policy: " + Bilingual.english(v.reason()))));
    }
  }

  private void cchc(Schedule grid, AiringRule rule, List<PlannedAiring> planned) {
    ScheduleReader.RuleSource s = reader.ruleSources.get(rule.key());
    if (s == null) {
      return;
    }
    Programme programme = grid.programme(rule.programme()).orElseThrow();
    ZoneSelection zones = rule.zones().resolve(grid.groupsWith(station));
    if (!zones.all() && !zones.keys().containsAll(station.zones())) {
      problems.add(new Problem(s.zones(), Bilingual.of("buổi phát CCHC hằng tháng phải đến mọi thôn; hãy viết zones: all",
          "the monthly CCHC airing must reach every zone; write zones: all")));
    }
    if (!station.peakWindows().isEmpty()) {
      for (LocalTime t : rule.times()) {
        boolean inside = station.peakWindows().stream()
            .anyMatch(w -> w.contains(t) && (w.contains(t.plus(programme.plannedLength()).minusSeconds(1))));
        if (!inside) {
          problems.add(new Problem(s.at(), Bilingual.of("buổi phát CCHC hằng tháng lúc " + TimeWindow.formatTime(t)
              + " không nằm trọn trong một khung giờ cao điểm (" + join(station.peakWindows()) + ")",
              "the monthly CCHC airing at " + TimeWindow.formatTime(t) + " does not fit in a peak window ("
              + join(station.peakWindows()) + ")")));
        }
      }
      for (DatedOverride o : rule.overrides()) {
        o.at().filter(t -> station.peakWindows().stream().noneMatch(w -> w.contains(t)))
            .ifPresent(t -> problems.add(new Problem(s.airing(), Bilingual.of("mục đổi lịch ngày " + o.on() + " dời buổi phát CCHC hằng tháng sang "
                + TimeWindow.formatTime(t) + ", ngoài các khung giờ cao điểm (" + join(station.peakWindows()) + ")",
                "the override on " + o.on() + " moves the monthly CCHC airing to "
                + TimeWindow.formatTime(t) + ", outside the peak windows (" + join(station.peakWindows()) + ")"))));
      }
    }
    Set<YearMonth> months = new LinkedHashSet<>();
    for (LocalDate d = options.firstDay().withDayOfMonth(1); d.isBefore(options.endExclusive()); d = d.plusMonths(1)) {
      YearMonth m = YearMonth.from(d);
      boolean inRule = rule.from().map(f -> !m.atEndOfMonth().isBefore(f)).orElse(true)
          && rule.until().map(u -> !m.atDay(1).isAfter(u)).orElse(true);
      // a month only partly checked (the first and the last) may have had or may get its airing outside the window
      boolean whole = !m.atDay(1).isBefore(options.firstDay()) && m.atEndOfMonth().isBefore(options.endExclusive());
      if (inRule && whole) {
        months.add(m);
      }
    }
    for (PlannedAiring a : planned) {
      if (a.ruleKey().equals(rule.key())) {
        a.key().localStart().ifPresent(l -> months.remove(YearMonth.from(l)));
      }
    }
    if (!months.isEmpty() && !(rule.recurrence() instanceof Recurrence.Once)) {
      problems.add(new Problem(s.recurrence(), Bilingual.of("buổi phát CCHC hằng tháng không phát trong " + join(months)
          + "; tháng nào cũng cần một buổi (hãy xem lại các ngày phát và ngày except)",
          "the monthly CCHC airing does not air in " + join(months)
          + "; every calendar month needs one (check its days and except dates)")));
    }
    int topics = Expansion.topicsOf(rule, station).size();
    if (topics < 2) {
      problems.add(new Problem(s.airing(), Bilingual.of("buổi phát CCHC hằng tháng luân phiên chủ đề để hai tháng liền nhau khác nhau;"
          + " cần từ hai chủ đề trở lên, hiện có " + topics + " (ghi chúng trong topics: hoặc trong thư viện nội dung)",
          "the monthly CCHC airing rotates topics so consecutive months differ; it needs two or more, it has "
          + topics + " (list them in topics: or in the content library)")));
    }
  }

  private void content(Schedule grid, List<AiringRule> rules) {
    Map<ProgrammeKey, List<String>> topicsByProgramme = new HashMap<>();
    for (AiringRule r : rules) {
      if (r.rotateTopics()) {
        topicsByProgramme.computeIfAbsent(r.programme(), k -> new ArrayList<>()).addAll(Expansion.topicsOf(r, station));
      }
    }
    for (Programme p : grid.programmes()) {
      ScheduleReader.ProgrammeSource source = reader.programmeSources.get(p.key());
      if (source == null) {
        continue;
      }
      for (Segment segment : p.segments()) {
        Position at = source.paths().get(segment);
        if (at == null) {
          continue;
        }
        String path = segment instanceof Segment.File f ? f.path() : ((Segment.Speech) segment).path();
        if (path.contains(Segment.TOPIC)) {
          List<String> topics = topicsByProgramme.getOrDefault(p.key(), List.of());
          if (!topicsByProgramme.containsKey(p.key()) && reader.rotatingProgrammes.contains(p.key())) {
            continue; // its rotating airing has problems of its own, reported there
          }
          if (!topicsByProgramme.containsKey(p.key())) {
            problems.add(new Problem(at, Bilingual.of("'" + Segment.TOPIC + "' trong '" + path + "' chỉ được điền bởi buổi phát CCHC luân phiên "
                + "chủ đề (rotateTopics: true), mà không buổi phát nào của '" + p.key() + "' luân phiên",
                "'" + Segment.TOPIC + "' in '" + path + "' is only filled in by a rotating CCHC airing "
                + "(rotateTopics: true), and no airing of '" + p.key() + "' rotates")));
            continue;
          }
          if (options.content().isPresent()) {
            List<String> missing = new ArrayList<>();
            for (String t : new LinkedHashSet<>(topics)) {
              String concrete = path.replace(Segment.TOPIC, t);
              if (!options.content().get().has(concrete)) {
                missing.add(concrete);
              }
            }
            if (!missing.isEmpty()) {
              problems.add(new Problem(at, Bilingual.of("thiếu tệp nội dung " + String.join(", ", missing)
                  + " (mỗi chủ đề CCHC một tệp, trong thư mục nội dung)", "missing content file" + (missing.size() > 1 ? "s " : " ")
                  + String.join(", ", missing) + " (one per CCHC topic, under the content folder)")));
            }
          }
        } else if (options.content().isPresent() && !options.content().get().has(path)) {
          problems.add(new Problem(at, Bilingual.of("thiếu tệp nội dung '" + path + "' (không có trong thư mục nội dung)",
              "missing content file '" + path + "' (not in the content folder)")));
        }
      }
    }
  }

  private java.util.Optional<ScheduleReader.RuleSource> at(AiringRule rule) {
    return java.util.Optional.ofNullable(reader.ruleSources.get(rule.key()));
  }

  private String local(PlannedAiring a) {
    return DAY_TIME.format(LocalDateTime.ofInstant(a.startsAt(), station.timeZone()));
  }

  static String describe(Recurrence r) {
    if (r instanceof Recurrence.Weekly w) {
      return "days " + w.inOrder().stream().map(io.loaxa.schedules.Weekdays::code).toList();
    }
    if (r instanceof Recurrence.MonthlyWeekday m) {
      return "monthly \"" + m.text() + "\"";
    }
    if (r instanceof Recurrence.MonthlyDay m) {
      return "monthly \"" + m.text() + "\"";
    }
    if (r instanceof Recurrence.EveryNDays e) {
      return "every " + e.days() + " days";
    }
    if (r instanceof Recurrence.Once o) {
      return "on " + o.date();
    }
    if (r instanceof Recurrence.Lunar l) {
      return "lunar \"" + l.day() + "\"";
    }
    if (r instanceof Recurrence.Named n) {
      return "on " + n.day().configName();
    }
    return "every day";
  }

  /** {@link #describe} as the Vietnamese half says it; the schedule file's own words stay as written. */
  static String describeVi(Recurrence r) {
    if (r instanceof Recurrence.EveryNDays e) {
      return "every " + e.days() + " (mỗi " + e.days() + " ngày)";
    }
    if (r instanceof Recurrence.Once o) {
      return "ngày " + o.date();
    }
    if (r instanceof Recurrence.Named n) {
      return "on " + n.day().configName() + " (" + n.day().vietnamese() + ")";
    }
    if (r instanceof Recurrence.Daily) {
      return "mọi ngày";
    }
    return describe(r);
  }

  private static String join(java.util.Collection<?> items) {
    return String.join(", ", items.stream().map(Object::toString).toList());
  }
}
