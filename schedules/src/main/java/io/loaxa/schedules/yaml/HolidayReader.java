package io.loaxa.schedules.yaml;

import io.loaxa.schedules.lunar.NamedDay;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the schedule file's {@code holidays:}: the station's own days off by name, each a list of
 * days and ranges ({@code nghi-tet: ["2027-02-04..2027-02-10"]}), so that airings can write
 * {@code except: [nghi-tet]} and the list is changed in one place when the government fixes next
 * year's Tết break.
 */
final class HolidayReader {
  /** The longest range one item may span; a longer one is nearly always a mistyped year. */
  static final int MAX_RANGE_DAYS = 62;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
  private static final String RANGE = "..";

  private final Fields fields;
  /** Where each holiday's name is written, for checks that point at it. */
  final Map<String, Position> names = new LinkedHashMap<>();

  HolidayReader(Fields fields) {
    this.fields = fields;
  }

  Map<String, List<LocalDate>> read(Node holidays) {
    Map<String, List<LocalDate>> out = new LinkedHashMap<>();
    Optional<Node.Mapping> mapping = fields.mapping(holidays, "holidays", "a name per holiday, e.g. nghi-tet: [\"2027-02-04..2027-02-10\"]");
    if (mapping.isEmpty()) {
      return out;
    }
    for (Node.Entry e : mapping.get().entries().values()) {
      String name = e.key();
      if (!NAME.matcher(name).matches()) {
        fields.problem(e.keyAt(), Bilingual.of("tên ngày nghỉ '" + name + "': hãy dùng chữ thường không dấu, chữ số và '-', ví dụ nghi-tet",
            "holiday name '" + name + "': use lower-case letters without diacritics, digits and '-', e.g. nghi-tet"));
        continue;
      }
      if (NamedDay.fromConfigName(name).isPresent()) {
        fields.problem(e.keyAt(), Bilingual.of("'" + name + "' đã là tên một ngày lễ hằng năm; hãy đặt tên khác cho ngày nghỉ, ví dụ nghi-" + name,
            "'" + name + "' is already a named day every year; give the holiday another name, e.g. nghi-" + name));
        continue;
      }
      TreeSet<LocalDate> days = new TreeSet<>();
      int before = fields.count();
      for (Node item : fields.items(e.value(), "holiday " + name)) {
        fields.text(item, "a holiday date").ifPresent(t -> days.addAll(range(item, t)));
      }
      if (fields.count() == before && days.isEmpty()) {
        fields.problem(e.keyAt(), Bilingual.of("ngày nghỉ " + name + " chưa ghi ngày nào; hãy ghi các ngày, ví dụ [\"2027-02-04..2027-02-10\"]",
            "holiday " + name + " lists no day; write its dates, e.g. [\"2027-02-04..2027-02-10\"]"));
      }
      names.put(name, e.keyAt());
      out.put(name, new ArrayList<>(days));
    }
    return out;
  }

  private List<LocalDate> range(Node item, String text) {
    String t = text.strip();
    int dots = t.indexOf(RANGE);
    if (dots < 0) {
      return fields.localDate(item, "a holiday").map(List::of).orElse(List.of());
    }
    Optional<LocalDate> first = Fields.parseDate(t.substring(0, dots).strip());
    Optional<LocalDate> last = Fields.parseDate(t.substring(dots + RANGE.length()).strip());
    if (first.isEmpty() || last.isEmpty()) {
      fields.problem(item.at(), Bilingual.of("khoảng ngày nghỉ '" + t + "' không hợp lệ; hãy viết một ngày \"2027-04-30\" hoặc một khoảng \"2027-02-04..2027-02-10\"",
          "bad holiday range '" + t + "'; write a day \"2027-04-30\" or a range \"2027-02-04..2027-02-10\""));
      return List.of();
    }
    if (last.get().isBefore(first.get())) {
      fields.problem(item.at(), Bilingual.of("khoảng ngày nghỉ '" + t + "' kết thúc trước khi bắt đầu; hãy viết ngày đầu trước",
          "holiday range '" + t + "' ends before it starts; write the first day first"));
      return List.of();
    }
    long span = ChronoUnit.DAYS.between(first.get(), last.get()) + 1;
    if (span > MAX_RANGE_DAYS) {
      fields.problem(item.at(), Bilingual.of("khoảng ngày nghỉ '" + t + "' dài " + span + " ngày; một khoảng ngày nghỉ dài tối đa " + MAX_RANGE_DAYS
          + " ngày (hãy xem lại năm)", "holiday range '" + t + "' spans " + span + " days; a holiday range is at most " + MAX_RANGE_DAYS
          + " days (check the years)"));
      return List.of();
    }
    return first.get().datesUntil(last.get().plusDays(1)).toList();
  }

  /** The days as the schedule file writes them: consecutive days as one range. */
  static List<String> ranges(List<LocalDate> days) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
        j++;
      }
      out.add(i == j ? days.get(i).toString() : days.get(i) + RANGE + days.get(j));
      i = j + 1;
    }
    return out;
  }

  static String namedDays() {
    return String.join(", ", Arrays.stream(NamedDay.values()).map(NamedDay::configName).toList());
  }
}
