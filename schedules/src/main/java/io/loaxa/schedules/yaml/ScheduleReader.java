package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the schedule file's tree into a {@link Schedule}, collecting every problem with its place
 * instead of stopping at the first: the zone groups, then the programmes, then the airings that name
 * them (and the holidays their except lists name). Checks that need the whole grid (overlaps, policy, the monthly CCHC airing, content files)
 * run afterwards in {@link ScheduleChecks}, with the places this reader noted.
 */
final class ScheduleReader {
  static final Set<String> TOP_KEYS = Set.of("version", "zoneGroups", "holidays", "programmes", "airings");

  /** Where the parts of one rule stand in the file. */
  record RuleSource(Position airing, Position programme, Position zones, Position at, Position recurrence) {}

  /** Where the parts of one programme stand, and where each path segment's path is written. */
  record ProgrammeSource(Position programme, Map<Segment, Position> paths) {}

  private final Fields fields;
  private final ZoneReader zones;
  private final ProgrammeReader programmes;
  private final AiringReader airings;
  final HolidayReader holidayReader;
  /** The holidays of {@code holidays:}, read before the airings that name them. */
  final Map<String, List<java.time.LocalDate>> holidays = new LinkedHashMap<>();
  final Map<String, RuleSource> ruleSources = new LinkedHashMap<>();
  final Map<ProgrammeKey, ProgrammeSource> programmeSources = new LinkedHashMap<>();
  /** Programmes some airing marked rotateTopics names, whether or not that airing read without problems. */
  final Set<ProgrammeKey> rotatingProgrammes = new HashSet<>();

  ScheduleReader(StationFacts station, List<Problem> problems) {
    this.fields = new Fields(problems);
    this.zones = new ZoneReader(station, fields);
    this.programmes = new ProgrammeReader(fields, programmeSources);
    this.holidayReader = new HolidayReader(fields);
    this.airings = new AiringReader(fields, programmes, zones, ruleSources, rotatingProgrammes, holidays);
  }

  Schedule read(Node root) {
    Optional<Node.Mapping> mapping = fields.mapping(root, "a schedule", "version, programmes and airings");
    if (mapping.isEmpty()) {
      return Schedule.empty();
    }
    Node.Mapping top = mapping.get();
    fields.unknownKeys(top, TOP_KEYS, "a schedule");
    Optional<Node> v = top.get("version");
    if (v.isEmpty()) {
      fields.problem(top.at(), Bilingual.of("thiếu 'version: " + Schedule.VERSION + "'", "missing 'version: " + Schedule.VERSION + "'"));
    } else {
      Optional<String> text = fields.text(v.get(), "version");
      if (text.isPresent() && !text.get().strip().equals(Integer.toString(Schedule.VERSION))) {
        fields.problem(v.get().at(), Bilingual.of("phiên bản '" + text.get() + "' chưa được hỗ trợ; đài này đọc phiên bản " + Schedule.VERSION,
            "version '" + text.get() + "' is not supported; this station reads version " + Schedule.VERSION));
      }
    }
    Map<String, List<ZoneKey>> scheduleGroups = top.get("zoneGroups").map(zones::readGroups).orElse(Map.of());

    top.get("holidays").ifPresent(h -> holidays.putAll(holidayReader.read(h)));

    Optional<Node> ps = top.get("programmes");
    if (ps.isEmpty()) {
      fields.problem(top.at(), Bilingual.of("thiếu 'programmes:'", "missing 'programmes:'"));
    }
    List<Programme> programmeList = ps.map(programmes::read).orElse(List.of());

    Optional<Node> as = top.get("airings");
    if (as.isEmpty()) {
      fields.problem(top.at(), Bilingual.of("thiếu 'airings:'", "missing 'airings:'"));
    }
    List<AiringRule> rules = as.map(airings::read).orElse(List.of());
    return new Schedule(Schedule.VERSION, scheduleGroups, programmeList, rules, holidays);
  }
}
