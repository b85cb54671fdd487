package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.ExceptDay;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.TimeWindow;
import io.loaxa.schedules.Weekdays;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.lunar.LunarDay;
import io.loaxa.schedules.lunar.NamedDay;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the schedule file's airings: which programme airs to which hamlets, at what times, on which days. */
final class AiringReader {
  static final Set<String> AIRING_KEYS = Set.of("key", "programme", "zones", "at", "days", "every", "monthly", "lunar", "on", "from",
      "until", "except", "overrides", "priority", "rotateTopics", "topics");

  private final Fields fields;
  private final ProgrammeReader programmes;
  private final ZoneReader zones;
  private final OverrideReader overrides;
  private final Map<String, ScheduleReader.RuleSource> sources;
  private final Set<ProgrammeKey> rotatingProgrammes;
  private final Map<String, List<LocalDate>> holidays;

  AiringReader(Fields fields, ProgrammeReader programmes, ZoneReader zones, Map<String, ScheduleReader.RuleSource> sources,
      Set<ProgrammeKey> rotatingProgrammes, Map<String, List<LocalDate>> holidays) {
    this.holidays = holidays;
    this.fields = fields;
    this.programmes = programmes;
    this.zones = zones;
    this.overrides = new OverrideReader(fields, programmes, zones);
    this.sources = sources;
    this.rotatingProgrammes = rotatingProgrammes;
  }

  /** The airing rules of {@code airings:} that read without problems. */
  List<AiringRule> read(Node airings) {
    List<AiringRule> rules = new ArrayList<>();
    Map<String, Position> seen = new LinkedHashMap<>();
    for (Node item : fields.items(airings, "airings")) {
      fields.mapping(item, "an airing", "programme, zones, at, …").flatMap(m -> airing(m, seen)).ifPresent(rules::add);
    }
    return rules;
  }

  private Optional<AiringRule> airing(Node.Mapping m, Map<String, Position> seen) {
    fields.unknownKeys(m, AIRING_KEYS, "an airing");
    int before = fields.count();
    Optional<Node> programmeNode = fields.required(m, "programme", "an airing");
    Optional<ProgrammeKey> programme = programmeNode.flatMap(programmes::reference);
    Optional<Node> zonesNode = fields.required(m, "zones", "an airing (all, a zone group or a list of zones)");
    Optional<ZoneChoice> zoneChoice = zonesNode.flatMap(zones::zones);
    Optional<Node> atNode = fields.required(m, "at", "an airing (a time such as \"06:00\")");
    List<LocalTime> times = new ArrayList<>();
    atNode.ifPresent(n -> times.addAll(times(n)));

    List<String> recurrenceKeys = new ArrayList<>();
    for (String k : List.of("days", "every", "monthly", "lunar", "on")) {
      if (m.entries().containsKey(k)) {
        recurrenceKeys.add(k);
      }
    }
    Optional<Recurrence> recurrence = Optional.of(new Recurrence.Daily());
    Position recurrencePos = m.at();
    if (recurrenceKeys.size() > 1) {
      fields.problem(m.entries().get(recurrenceKeys.get(1)).keyAt(),
          Bilingual.of("chỉ dùng một trong days, every, monthly, lunar hoặc on; buổi phát này có cả '" + recurrenceKeys.get(0) + "' và '"
              + recurrenceKeys.get(1) + "'",
              "use one of days, every, monthly, lunar or on; this airing has both '" + recurrenceKeys.get(0) + "' and '" + recurrenceKeys.get(1) + "'"));
      recurrence = Optional.empty();
    } else if (recurrenceKeys.size() == 1) {
      Node n = m.get(recurrenceKeys.get(0)).get();
      recurrencePos = n.at();
      recurrence = switch (recurrenceKeys.get(0)) {
        case "days" -> days(n);
        case "every" -> every(n);
        case "monthly" -> monthly(n);
        case "lunar" -> lunar(n);
        default -> on(n);
      };
    }
    Optional<LocalDate> from = Fields.optional(m, "from").flatMap(n -> fields.localDate(n, "from"));
    Optional<LocalDate> until = Fields.optional(m, "until").flatMap(n -> fields.localDate(n, "until"));
    if (recurrence.isPresent() && recurrence.get() instanceof Recurrence.Once) {
      for (String k : List.of("from", "until")) {
        m.get(k).ifPresent(n -> fields.problem(m.entries().get(k).keyAt(), Bilingual.of("'" + k + "' không đi cùng 'on' (buổi phát một lần chỉ phát đúng ngày của nó)",
            "'" + k + "' does not go with 'on' (a one-off airs on its one day)")));
      }
    }
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      fields.problem(m.get("until").get().at(), Bilingual.of("until " + until.get() + " ở trước from " + from.get(),
          "until " + until.get() + " is before from " + from.get()));
    }
    if (recurrence.isPresent() && recurrence.get() instanceof Recurrence.EveryNDays e && m.get("from").isEmpty()) {
      fields.problem(m.get("every").get().at(), Bilingual.of("every: " + e.days() + " đếm ngày từ một ngày đầu; hãy thêm from: YYYY-MM-DD",
          "every: " + e.days() + " counts days from a first day; add from: YYYY-MM-DD"));
    }
    List<LocalDate> except = new ArrayList<>();
    List<ExceptDay> exceptDays = new ArrayList<>();
    Fields.optional(m, "except").ifPresent(n -> {
      for (Node d : fields.items(n, "except")) {
        exceptItem(d, except, exceptDays);
      }
    });
    List<DatedOverride> dated = Fields.optional(m, "overrides")
        .map(n -> overrides.read(n, d -> except.contains(d) || exceptDays.stream().anyMatch(x -> x.contains(d)))).orElse(List.of());
    Optional<Priority> priority = Fields.optional(m, "priority")
        .flatMap(n -> fields.oneOf(n, "priority", Priority::parse, "NORMAL, PRIORITY or EMERGENCY"));
    boolean rotate = Fields.optional(m, "rotateTopics").flatMap(n -> fields.bool(n, "rotateTopics")).orElse(false);
    if (rotate) {
      programme.ifPresent(rotatingProgrammes::add);
    }
    List<String> topics = topics(m, rotate);

    Optional<Node> keyNode = Fields.optional(m, "key");
    Optional<String> key;
    if (keyNode.isPresent()) {
      key = fields.text(keyNode.get(), "key").map(String::strip).filter(k -> {
        if (!AiringRule.isValidKey(k)) {
          fields.problem(keyNode.get().at(), Bilingual.of("khóa buổi phát '" + k + "': hãy dùng chữ thường, chữ số, '-', '_' hoặc '.'",
              "airing key '" + k + "': use lower-case letters, digits, '-', '_' or '.'"));
          return false;
        }
        return true;
      });
    } else {
      key = programme.filter(p -> !times.isEmpty()).map(p -> defaultKey(p, times.get(0)));
      if (key.isPresent() && recurrence.isPresent() && recurrence.get() instanceof Recurrence.Once once) {
        key = Optional.of(key.get() + "-" + once.date().toString().replace("-", ""));
      }
      if (key.isPresent() && recurrence.isPresent() && recurrence.get() instanceof Recurrence.Named named) {
        key = Optional.of(key.get() + "-" + named.day().configName());
      }
    }
    if (key.isPresent()) {
      Position first = seen.putIfAbsent(key.get(), m.at());
      if (first != null) {
        fields.problem(keyNode.map(Node::at).orElse(m.at()), Bilingual.of("hai buổi phát cùng có khóa '" + key.get() + "' (buổi đầu ở dòng "
            + first.line() + "); hãy đặt cho buổi này một khóa riêng bằng key:", "two airings have the key '" + key.get()
            + "' (first at line " + first.line() + "); give this one its own key:"));
        key = Optional.empty();
      }
    }
    if (fields.count() > before || key.isEmpty() || programme.isEmpty() || zoneChoice.isEmpty() || times.isEmpty() || recurrence.isEmpty()) {
      return Optional.empty();
    }
    AiringRule rule = new AiringRule(key.get(), programme.get(), zoneChoice.get(), times, recurrence.get(), from, until, except, dated,
        priority, rotate, topics, exceptDays);
    List<Node> overrideNodes = m.get("overrides").map(n -> n instanceof Node.Sequence seq ? seq.items() : List.<Node>of()).orElse(List.of());
    for (Node o : overrideNodes) {
      if (o instanceof Node.Mapping om && om.get("on").isPresent()) {
        Node onNode = om.get("on").get();
        fields.localDate(onNode, "on").filter(d -> !rule.covers(d)).ifPresent(d -> fields.problem(onNode.at(), Bilingual.of(
            "mục đổi lịch ngày " + d + " nằm ngoài những ngày buổi phát này chạy (from/until hoặc ngày duy nhất của nó); nó sẽ không bao giờ được áp dụng",
            "the override on " + d + " is outside the days this airing runs (from/until or its one day); it would never apply")));
      }
    }
    if (fields.count() > before) {
      return Optional.empty();
    }
    sources.put(key.get(), new ScheduleReader.RuleSource(m.at(), programmeNode.get().at(), zonesNode.get().at(), atNode.get().at(),
        recurrencePos));
    return Optional.of(rule);
  }

  private List<String> topics(Node.Mapping m, boolean rotate) {
    List<String> topics = new ArrayList<>();
    Fields.optional(m, "topics").ifPresent(n -> {
      for (Node t : fields.items(n, "topics")) {
        fields.text(t, "a topic").map(String::strip).ifPresent(s -> {
          if (s.isEmpty() || s.contains("/") || s.contains("\\")) {
            fields.problem(t.at(), Bilingual.of("chủ đề '" + s + "' phải là một tên không có '/' (nó điền vào {topic} trong đường dẫn)",
                "topic '" + s + "' must be a name without '/' (it fills {topic} in a path)"));
          } else {
            topics.add(s);
          }
        });
      }
      if (!rotate) {
        fields.problem(m.entries().get("topics").keyAt(), Bilingual.of(
            "topics chỉ dành cho buổi phát CCHC luân phiên chủ đề; hãy thêm rotateTopics: true hoặc bỏ topics",
            "topics are for the rotating CCHC airing; add rotateTopics: true or drop them"));
      }
    });
    return topics;
  }

  private static String defaultKey(ProgrammeKey programme, LocalTime first) {
    return programme.value() + "-" + String.format("%02d%02d", first.getHour(), first.getMinute());
  }

  private List<LocalTime> times(Node n) {
    List<LocalTime> out = new ArrayList<>();
    if (n instanceof Node.Sequence seq) {
      if (seq.items().isEmpty()) {
        fields.problem(n.at(), Bilingual.of("at chưa ghi giờ nào", "at lists no time"));
      }
      Set<LocalTime> seen = new HashSet<>();
      for (Node item : seq.items()) {
        fields.localTime(item, "a time").ifPresent(t -> {
          if (!seen.add(t)) {
            fields.problem(item.at(), Bilingual.of("giờ " + TimeWindow.formatTime(t) + " được ghi hai lần",
                "time " + TimeWindow.formatTime(t) + " is listed twice"));
          }
          out.add(t);
        });
      }
      return out;
    }
    fields.localTime(n, "at").ifPresent(out::add);
    return out;
  }

  private Optional<Recurrence> days(Node n) {
    if (!(n instanceof Node.Sequence seq)) {
      fields.problem(n.at(), Bilingual.of("days là một danh sách như [MO, WE, FR], không phải "
          + (n instanceof Node.Mapping ? "một bảng" : "một giá trị"), "days is a list such as [MO, WE, FR], not " + n.kind()));
      return Optional.empty();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    int before = fields.count();
    for (Node item : seq.items()) {
      fields.text(item, "a weekday").ifPresent(t -> {
        Optional<DayOfWeek> d = Weekdays.parse(t);
        if (d.isEmpty()) {
          fields.problem(item.at(), Bilingual.of("thứ '" + t + "' không hợp lệ; hãy viết MO, TU, WE, TH, FR, SA, SU (hoặc T2 … T7, CN)",
              "bad weekday '" + t + "'; write MO, TU, WE, TH, FR, SA, SU (or T2 … T7, CN)"));
        } else if (!days.add(d.get())) {
          fields.problem(item.at(), Bilingual.of("thứ " + t.strip() + " được ghi hai lần", "weekday " + t.strip() + " is listed twice"));
        }
      });
    }
    if (seq.items().isEmpty()) {
      fields.problem(n.at(), Bilingual.of("days chưa ghi thứ nào", "days lists no weekday"));
    }
    if (fields.count() > before || days.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(days.size() == 7 ? new Recurrence.Daily() : new Recurrence.Weekly(days));
  }

  private Optional<Recurrence> every(Node n) {
    return fields.text(n, "every").flatMap(t -> {
      String s = t.strip().toLowerCase(Locale.ROOT).replaceFirst("\\s*days?$", "");
      if (s.matches("\\d{1,3}")) {
        int d = Integer.parseInt(s);
        if (d >= 1 && d <= 366) {
          return Optional.of(d == 1 ? new Recurrence.Daily() : new Recurrence.EveryNDays(d));
        }
      }
      fields.problem(n.at(), Bilingual.of("every '" + t + "' không phải số ngày từ 1 đến 366", "every '" + t + "' is not a number of days from 1 to 366"));
      return Optional.empty();
    });
  }

  private Optional<Recurrence> lunar(Node n) {
    return fields.text(n, "lunar").flatMap(t -> {
      Optional<LunarDay> day = LunarDay.parse(t);
      if (day.isEmpty()) {
        fields.problem(n.at(), LunarDay.refusal(t).orElseThrow());
        return Optional.empty();
      }
      return Optional.of(new Recurrence.Lunar(day.get()));
    });
  }

  /** {@code on:} a date (a one-off) or a named day (every year). */
  private Optional<Recurrence> on(Node n) {
    Optional<String> text = fields.text(n, "on");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<NamedDay> named = NamedDay.fromConfigName(text.get().strip());
    if (named.isPresent()) {
      return Optional.of(new Recurrence.Named(named.get()));
    }
    if (looksLikeDate(text.get())) {
      return fields.localDate(n, "on").map(Recurrence.Once::new);
    }
    fields.problem(n.at(), Bilingual.of("on '" + text.get().strip() + "' không phải một ngày cũng không phải tên một ngày lễ; hãy viết YYYY-MM-DD,"
        + " ví dụ \"2027-02-06\", hoặc một trong " + HolidayReader.namedDays(), "on '" + text.get().strip()
        + "' is neither a date nor a named day; write YYYY-MM-DD, e.g. \"2027-02-06\", or one of " + HolidayReader.namedDays()));
    return Optional.empty();
  }

  /** One item of {@code except:}: a date, a named day or a holiday of {@code holidays:}. */
  private void exceptItem(Node d, List<LocalDate> except, List<ExceptDay> exceptDays) {
    Optional<String> text = fields.text(d, "except");
    if (text.isEmpty()) {
      return;
    }
    String t = text.get().strip();
    Optional<NamedDay> named = NamedDay.fromConfigName(t);
    if (named.isPresent()) {
      exceptDays.add(new ExceptDay.Named(named.get()));
      return;
    }
    if (holidays.containsKey(t)) {
      exceptDays.add(new ExceptDay.Holiday(t, holidays.get(t)));
      return;
    }
    if (looksLikeDate(t)) {
      fields.localDate(d, "except").ifPresent(except::add);
      return;
    }
    fields.problem(d.at(), Bilingual.of("except '" + t + "' không phải một ngày, tên một ngày lễ hay một ngày nghỉ; hãy viết YYYY-MM-DD, một trong "
        + HolidayReader.namedDays() + (holidays.isEmpty() ? ", hoặc khai báo nó trong holidays:"
            : ", hoặc một trong các ngày nghỉ: " + String.join(", ", holidays.keySet())),
        "except '" + t + "' is not a date, a named day or a holiday; write YYYY-MM-DD, one of "
        + HolidayReader.namedDays() + (holidays.isEmpty() ? ", or list it under holidays:" : ", or one of holidays: " + String.join(", ", holidays.keySet()))));
  }

  private static boolean looksLikeDate(String text) {
    String t = text.strip();
    return !t.isEmpty() && Character.isDigit(t.charAt(0));
  }

  private Optional<Recurrence> monthly(Node n) {
    return fields.text(n, "monthly").flatMap(t -> {
      Optional<Recurrence> r = Recurrence.parseMonthly(t);
      if (r.isEmpty()) {
        fields.problem(n.at(), Bilingual.of("monthly '" + t + "' không phải quy tắc hằng tháng; hãy viết \"first MO\" … \"fifth SU\", \"last FR\","
            + " một ngày 1..31 hoặc \"last\"",
            "monthly '" + t + "' is not a monthly rule; write \"first MO\" … \"fifth SU\", \"last FR\", a day 1..31 or \"last\""));
      }
      return r;
    });
  }
}
