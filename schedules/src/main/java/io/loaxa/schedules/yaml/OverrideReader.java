package io.loaxa.schedules.yaml;

import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an airing's overrides: single days on which it airs at another time, another programme or to other hamlets. */
final class OverrideReader {
  static final Set<String> OVERRIDE_KEYS = Set.of("on", "at", "programme", "zones");

  private final Fields fields;
  private final ProgrammeReader programmes;
  private final ZoneReader zones;

  OverrideReader(Fields fields, ProgrammeReader programmes, ZoneReader zones) {
    this.fields = fields;
    this.programmes = programmes;
    this.zones = zones;
  }

  /** The overrides of {@code overrides:} that read without problems; a day in {@code except} (a date, a named day, a listed holiday) may not be overridden too. */
  List<DatedOverride> read(Node overrides, java.util.function.Predicate<LocalDate> except) {
    List<DatedOverride> out = new ArrayList<>();
    Map<LocalDate, Position> onDates = new LinkedHashMap<>();
    for (Node o : fields.items(overrides, "overrides")) {
      override(o, except, onDates).ifPresent(out::add);
    }
    return out;
  }

  private Optional<DatedOverride> override(Node node, java.util.function.Predicate<LocalDate> except, Map<LocalDate, Position> onDates) {
    Optional<Node.Mapping> mapping = fields.mapping(node, "an override", "on: DATE, at: TIME, programme: KEY, zones: …");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, OVERRIDE_KEYS, "an override");
    int before = fields.count();
    Optional<LocalDate> on = fields.required(m, "on", "an override").flatMap(n -> fields.localDate(n, "on"));
    Optional<LocalTime> at = m.get("at").flatMap(n -> fields.localTime(n, "at"));
    Optional<ProgrammeKey> programme = Fields.optional(m, "programme").flatMap(programmes::reference);
    Optional<ZoneChoice> zoneChoice = Fields.optional(m, "zones").flatMap(zones::zones);
    if (m.get("at").isEmpty() && m.get("programme").isEmpty() && m.get("zones").isEmpty()) {
      fields.problem(m.at(), Bilingual.of("mục đổi lịch theo ngày phải đổi at, programme hoặc zones; muốn nghỉ một ngày thì ghi ngày đó vào except",
          "an override changes at, programme or zones; for a day off put the date in except"));
    }
    if (on.isPresent()) {
      if (except.test(on.get())) {
        fields.problem(m.get("on").get().at(), Bilingual.of("ngày " + on.get() + " vừa ở trong except vừa được đổi lịch; hãy giữ một",
            on.get() + " is both in except and overridden; keep one"));
      }
      Position first = onDates.putIfAbsent(on.get(), m.at());
      if (first != null) {
        fields.problem(m.get("on").get().at(), Bilingual.of("ngày " + on.get() + " được đổi lịch lần thứ hai (lần đầu ở dòng " + first.line() + ")",
            "a second override on " + on.get() + " (first at line " + first.line() + ")"));
      }
    }
    if (fields.count() > before || on.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DatedOverride(on.get(), at, programme, zoneChoice));
  }
}
