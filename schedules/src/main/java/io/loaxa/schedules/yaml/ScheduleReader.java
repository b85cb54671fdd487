package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.TimeWindow;
import io.loaxa.schedules.Weekdays;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schedule file's tree into a {@link Schedule}, collecting every problem with its place
 * instead of stopping at the first. Checks that need the whole grid (overlaps, policy, the monthly
 * CCHC airing, content files) run afterwards in {@link ScheduleChecks}.
 */
final class ScheduleReader {
  static final Set<String> TOP_KEYS = Set.of("version", "zoneGroups", "programmes", "airings");
  static final Set<String> PROGRAMME_KEYS =
      Set.of("key", "title", "category", "priority", "segments", "lateTolerance", "maxDuration", "chimeBefore", "chimeAfter",
          "afterPreemption");
  static final Set<String> SEGMENT_KINDS = Set.of("file", "text", "speech", "rebroadcast", "lineIn", "gap", "chime");
  static final Set<String> AIRING_KEYS = Set.of("key", "programme", "zones", "at", "days", "every", "monthly", "on", "from",
      "until", "except", "overrides", "priority", "rotateTopics", "topics");
  static final Set<String> OVERRIDE_KEYS = Set.of("on", "at", "programme", "zones");
  static final Duration DEFAULT_LATE_TOLERANCE = Duration.ofMinutes(5);

  private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m(?:in)?)?\\s*(?:(\\d+)s)?");
  private static final Pattern VIETNAMESE_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  /** Where the parts of one rule stand in the file. */
  record RuleSource(Position airing, Position programme, Position zones, Position at, Position recurrence) {}

  /** Where the parts of one programme stand, and where each path segment's path is written. */
  record ProgrammeSource(Position programme, Map<Segment, Position> paths) {}

  private final StationFacts station;
  private final List<Problem> problems;
  final Map<String, RuleSource> ruleSources = new LinkedHashMap<>();
  final Map<ProgrammeKey, ProgrammeSource> programmeSources = new LinkedHashMap<>();
  private final Map<String, List<ZoneKey>> groups = new LinkedHashMap<>();
  private final Set<ProgrammeKey> declaredProgrammes = new HashSet<>();
  /** Programmes some airing marked rotateTopics names, whether or not that airing read without problems. */
  final Set<ProgrammeKey> rotatingProgrammes = new HashSet<>();

  ScheduleReader(StationFacts station, List<Problem> problems) {
    this.station = station;
    this.problems = problems;
  }

  Schedule read(Node root) {
    if (!(root instanceof Node.Mapping top)) {
      problem(root.at(), "a schedule is a mapping with version, programmes and airings, not " + root.kind());
      return Schedule.empty();
    }
    unknownKeys(top, TOP_KEYS, "a schedule");
    int version = Schedule.VERSION;
    Optional<Node> v = top.get("version");
    if (v.isEmpty()) {
      problem(top.at(), "missing 'version: " + Schedule.VERSION + "'");
    } else {
      Optional<String> text = scalar(v.get(), "version");
      if (text.isPresent() && !text.get().strip().equals(Integer.toString(Schedule.VERSION))) {
        problem(v.get().at(), "version '" + text.get() + "' is not supported; this station reads version " + Schedule.VERSION);
      }
    }
    groups.putAll(station.zoneGroups());
    Map<String, List<ZoneKey>> scheduleGroups = new LinkedHashMap<>();
    top.get("zoneGroups").ifPresent(n -> readGroups(n, scheduleGroups));

    List<Programme> programmes = new ArrayList<>();
    Optional<Node> ps = top.get("programmes");
    List<Node.Mapping> programmeNodes = new ArrayList<>();
    if (ps.isEmpty()) {
      problem(top.at(), "missing 'programmes:'");
    } else {
      for (Node item : items(ps.get(), "programmes")) {
        if (item instanceof Node.Mapping m) {
          programmeNodes.add(m);
          mapping(m, "key").flatMap(k -> scalarQuiet(k)).filter(ProgrammeKey::isValid)
              .ifPresent(k -> declaredProgrammes.add(new ProgrammeKey(k)));
        } else {
          problem(item.at(), "a programme is a mapping (key, title, segments, …), not " + item.kind());
        }
      }
      Map<ProgrammeKey, Position> seen = new LinkedHashMap<>();
      for (Node.Mapping m : programmeNodes) {
        readProgramme(m, seen).ifPresent(programmes::add);
      }
    }

    List<AiringRule> rules = new ArrayList<>();
    Optional<Node> as = top.get("airings");
    if (as.isEmpty()) {
      problem(top.at(), "missing 'airings:'");
    } else {
      Map<String, Position> seen = new LinkedHashMap<>();
      for (Node item : items(as.get(), "airings")) {
        if (item instanceof Node.Mapping m) {
          readAiring(m, seen).ifPresent(rules::add);
        } else {
          problem(item.at(), "an airing is a mapping (programme, zones, at, …), not " + item.kind());
        }
      }
    }
    return new Schedule(version, scheduleGroups, programmes, rules);
  }

  // ---- zone groups

  private void readGroups(Node node, Map<String, List<ZoneKey>> out) {
    if (!(node instanceof Node.Mapping m)) {
      problem(node.at(), "zoneGroups is a mapping of group key to a list of zones, not " + node.kind());
      return;
    }
    for (Node.Entry e : m.entries().values()) {
      if (!ZoneKey.isValid(e.key())) {
        problem(e.keyAt(), "zone group key '" + e.key() + "': use lower-case letters, digits, '-' or '_'");
        continue;
      }
      if (station.zoneGroups().containsKey(e.key())) {
        problem(e.keyAt(), "zone group '" + e.key() + "' is already defined by the station config");
        continue;
      }
      if (station.zones().contains(new ZoneKey(e.key())) || e.key().equals("all")) {
        problem(e.keyAt(), "zone group '" + e.key() + "' has the name of a zone; pick another key");
        continue;
      }
      List<ZoneKey> members = new ArrayList<>();
      for (Node z : items(e.value(), "zone group " + e.key())) {
        zoneKey(z).ifPresent(members::add);
      }
      if (members.isEmpty()) {
        problem(e.value().at(), "zone group '" + e.key() + "' has no zones");
        continue;
      }
      out.put(e.key(), members);
      groups.put(e.key(), members);
    }
  }

  private Optional<ZoneKey> zoneKey(Node node) {
    Optional<String> text = scalar(node, "a zone");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String k = text.get().strip();
    if (!ZoneKey.isValid(k) || !station.zones().contains(new ZoneKey(k))) {
      problem(node.at(), "unknown zone '" + k + "'" + known("zones", station.zones().stream().map(ZoneKey::value).toList()));
      return Optional.empty();
    }
    return Optional.of(new ZoneKey(k));
  }

  // ---- programmes

  private Optional<Programme> readProgramme(Node.Mapping m, Map<ProgrammeKey, Position> seen) {
    unknownKeys(m, PROGRAMME_KEYS, "a programme");
    int before = problems.size();
    Optional<ProgrammeKey> key = required(m, "key", "a programme").flatMap(n -> {
      Optional<String> k = scalar(n, "key");
      if (k.isPresent() && !ProgrammeKey.isValid(k.get())) {
        problem(n.at(), "programme key '" + k.get() + "': use lower-case letters, digits, '-', '_' or '.'");
        return Optional.empty();
      }
      return k.map(ProgrammeKey::new);
    });
    if (key.isPresent()) {
      Position first = seen.putIfAbsent(key.get(), m.at());
      if (first != null) {
        problem(m.get("key").get().at(), "programme '" + key.get() + "' is defined twice (first at line " + first.line() + ")");
        key = Optional.empty();
      }
    }
    Optional<String> title = required(m, "title", "a programme").flatMap(n -> scalar(n, "title"));
    title.filter(String::isBlank).ifPresent(t -> problem(m.get("title").get().at(), "title is empty"));
    Category category = mapping(m, "category").flatMap(n -> scalar(n, "category").flatMap(c -> {
      try {
        return Optional.of(new Category(c.strip()));
      } catch (IllegalArgumentException e) {
        problem(n.at(), "category '" + c + "': use lower-case letters, digits and '-' (cchc, thoi-su, thong-tin, pctt, phap-luat, …)");
        return Optional.empty();
      }
    })).orElse(Category.INFORMATION);
    Priority priority = mapping(m, "priority").flatMap(this::priority).orElse(Priority.NORMAL);
    Duration late = mapping(m, "lateTolerance").flatMap(n -> duration(n, "lateTolerance", true)).orElse(DEFAULT_LATE_TOLERANCE);
    Optional<Duration> max = mapping(m, "maxDuration").flatMap(n -> duration(n, "maxDuration", false));
    Optional<String> chimeBefore = mapping(m, "chimeBefore").flatMap(n -> chime(n, "chimeBefore"));
    Optional<String> chimeAfter = mapping(m, "chimeAfter").flatMap(n -> chime(n, "chimeAfter"));
    Optional<AfterPreemption> afterPreemption = mapping(m, "afterPreemption").flatMap(this::afterPreemption);
    List<Segment> segments = new ArrayList<>();
    Map<Segment, Position> paths = new LinkedHashMap<>();
    Optional<Node> segs = required(m, "segments", "a programme");
    if (segs.isPresent()) {
      List<Node> items = items(segs.get(), "segments");
      if (items.isEmpty() && segs.get() instanceof Node.Sequence) {
        problem(segs.get().at(), "a programme needs at least one segment");
      }
      for (Node item : items) {
        segment(item, paths).ifPresent(segments::add);
      }
    }
    if (problems.size() > before || key.isEmpty() || title.isEmpty() || segments.isEmpty()) {
      return Optional.empty();
    }
    programmeSources.put(key.get(), new ProgrammeSource(m.at(), paths));
    return Optional.of(new Programme(key.get(), title.get(), category, priority, segments, late, max, chimeBefore, chimeAfter,
        afterPreemption.orElse(AfterPreemption.defaultFor(segments))));
  }

  private Optional<String> chime(Node n, String what) {
    return scalar(n, what).map(String::strip).filter(c -> {
      if (c.isEmpty()) {
        problem(n.at(), what + " needs a chime name (default, or a file under chimes/)");
        return false;
      }
      return true;
    });
  }

  private Optional<Segment> segment(Node node, Map<Segment, Position> paths) {
    if (!(node instanceof Node.Mapping m)) {
      problem(node.at(), "a segment is a mapping such as { file: a.mp3 } or { gap: PT2S }, not " + node.kind());
      return Optional.empty();
    }
    List<Node.Entry> kinds = m.entries().values().stream().filter(e -> SEGMENT_KINDS.contains(e.key())).toList();
    for (Node.Entry e : m.entries().values()) {
      if (!SEGMENT_KINDS.contains(e.key()) && !e.key().equals("length")) {
        problem(e.keyAt(), "unknown segment key '" + e.key() + "'; a segment is one of " + sorted(SEGMENT_KINDS) + " (with length where it needs one)");
      }
    }
    if (kinds.isEmpty()) {
      problem(m.at(), "a segment needs one of " + sorted(SEGMENT_KINDS));
      return Optional.empty();
    }
    if (kinds.size() > 1) {
      problem(kinds.get(1).keyAt(), "a segment has one kind; '" + kinds.get(0).key() + "' and '" + kinds.get(1).key() + "' are two segments");
      return Optional.empty();
    }
    Node.Entry kind = kinds.get(0);
    Optional<Node> lengthNode = m.get("length");
    Optional<String> value = scalar(kind.value(), kind.key());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().strip();
    Position at = kind.value().at();
    try {
      switch (kind.key()) {
        case "file", "speech" -> {
          noLength(lengthNode, kind.key());
          if (v.isEmpty()) {
            problem(at, kind.key() + " needs a path");
            return Optional.empty();
          }
          Segment s = kind.key().equals("file") ? new Segment.File(v) : new Segment.Speech(v);
          paths.putIfAbsent(s, at);
          return Optional.of(s);
        }
        case "text" -> {
          noLength(lengthNode, "text");
          if (v.isEmpty()) {
            problem(at, "text needs words to speak");
            return Optional.empty();
          }
          return Optional.of(new Segment.Text(v));
        }
        case "chime" -> {
          noLength(lengthNode, "chime");
          return v.isEmpty() ? none(at, "chime needs a name (default, or a file under chimes/)") : Optional.of(new Segment.Chime(v));
        }
        case "gap" -> {
          noLength(lengthNode, "gap");
          return duration(kind.value(), "gap", false).map(Segment.Gap::new);
        }
        case "rebroadcast" -> {
          if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
            return none(at, "rebroadcast needs a stream address without spaces, e.g. \"http://…/vov1.mp3\"");
          }
          if (lengthNode.isEmpty()) {
            return none(m.at(), "rebroadcast needs a length, e.g. { rebroadcast: \"" + v + "\", length: PT30M }");
          }
          return duration(lengthNode.get(), "length", false).map(d -> new Segment.Rebroadcast(v, d));
        }
        case "lineIn" -> {
          if (lengthNode.isPresent()) {
            return duration(lengthNode.get(), "length", false).map(Segment.LineIn::new);
          }
          Optional<Duration> d = parseDuration(v);
          if (d.isEmpty() || d.get().isZero()) {
            return none(at, "lineIn needs a length, e.g. { lineIn: PT15M } or { lineIn: yes, length: PT15M }");
          }
          return Optional.of(new Segment.LineIn(d.get()));
        }
        default -> throw new IllegalStateException("segment kind " + kind.key());
      }
    } catch (IllegalArgumentException e) {
      return none(at, e.getMessage());
    }
  }

  private void noLength(Optional<Node> lengthNode, String kind) {
    lengthNode.ifPresent(n -> problem(n.at(), "a " + kind + " segment takes no length; set maxDuration on the programme to cap it"));
  }

  // ---- airings

  private Optional<AiringRule> readAiring(Node.Mapping m, Map<String, Position> seen) {
    unknownKeys(m, AIRING_KEYS, "an airing");
    int before = problems.size();
    Optional<Node> programmeNode = required(m, "programme", "an airing");
    Optional<ProgrammeKey> programme = programmeNode.flatMap(this::programmeRef);
    Optional<Node> zonesNode = required(m, "zones", "an airing (all, a zone group or a list of zones)");
    Optional<ZoneChoice> zones = zonesNode.flatMap(this::zones);
    Optional<Node> atNode = required(m, "at", "an airing (a time such as \"06:00\")");
    List<LocalTime> times = new ArrayList<>();
    atNode.ifPresent(n -> times.addAll(times(n)));

    List<String> recurrenceKeys = new ArrayList<>();
    for (String k : List.of("days", "every", "monthly", "on")) {
      if (m.entries().containsKey(k)) {
        recurrenceKeys.add(k);
      }
    }
    Optional<Recurrence> recurrence = Optional.of(new Recurrence.Daily());
    Position recurrencePos = m.at();
    if (recurrenceKeys.size() > 1) {
      problem(m.entries().get(recurrenceKeys.get(1)).keyAt(),
          "use one of days, every, monthly or on; this airing has both '" + recurrenceKeys.get(0) + "' and '" + recurrenceKeys.get(1) + "'");
      recurrence = Optional.empty();
    } else if (recurrenceKeys.size() == 1) {
      Node n = m.get(recurrenceKeys.get(0)).get();
      recurrencePos = n.at();
      recurrence = switch (recurrenceKeys.get(0)) {
        case "days" -> days(n);
        case "every" -> every(n);
        case "monthly" -> scalar(n, "monthly").flatMap(t -> {
          Optional<Recurrence> r = Recurrence.parseMonthly(t);
          if (r.isEmpty()) {
            problem(n.at(), "monthly '" + t + "' is not a monthly rule; write \"first MO\" … \"fifth SU\", \"last FR\", a day 1..31 or \"last\"");
          }
          return r;
        });
        default -> date(n, "on").map(Recurrence.Once::new);
      };
    }
    Optional<LocalDate> from = mapping(m, "from").flatMap(n -> date(n, "from"));
    Optional<LocalDate> until = mapping(m, "until").flatMap(n -> date(n, "until"));
    if (recurrence.orElse(null) instanceof Recurrence.Once) {
      for (String k : List.of("from", "until")) {
        m.get(k).ifPresent(n -> problem(m.entries().get(k).keyAt(), "'" + k + "' does not go with 'on' (a one-off airs on its one day)"));
      }
    }
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      problem(m.get("until").get().at(), "until " + until.get() + " is before from " + from.get());
    }
    if (recurrence.orElse(null) instanceof Recurrence.EveryNDays e && m.get("from").isEmpty()) {
      problem(m.get("every").get().at(), "every: " + e.days() + " counts days from a first day; add from: YYYY-MM-DD");
    }
    List<LocalDate> except = new ArrayList<>();
    mapping(m, "except").ifPresent(n -> {
      for (Node d : items(n, "except")) {
        date(d, "except").ifPresent(except::add);
      }
    });
    List<DatedOverride> overrides = new ArrayList<>();
    mapping(m, "overrides").ifPresent(n -> {
      Map<LocalDate, Position> onDates = new LinkedHashMap<>();
      for (Node o : items(n, "overrides")) {
        override(o, except, onDates).ifPresent(overrides::add);
      }
    });
    Optional<Priority> priority = mapping(m, "priority").flatMap(this::priority);
    boolean rotate = mapping(m, "rotateTopics").flatMap(n -> bool(n, "rotateTopics")).orElse(false);
    if (rotate) {
      programme.ifPresent(rotatingProgrammes::add);
    }
    List<String> topics = new ArrayList<>();
    mapping(m, "topics").ifPresent(n -> {
      for (Node t : items(n, "topics")) {
        scalar(t, "a topic").map(String::strip).ifPresent(s -> {
          if (s.isEmpty() || s.contains("/") || s.contains("\\")) {
            problem(t.at(), "topic '" + s + "' must be a name without '/' (it fills {topic} in a path)");
          } else {
            topics.add(s);
          }
        });
      }
      if (!rotate) {
        problem(m.entries().get("topics").keyAt(), "topics are for the rotating CCHC airing; add rotateTopics: true or drop them");
      }
    });

    Optional<String> key;
    Optional<Node> keyNode = mapping(m, "key");
    if (keyNode.isPresent()) {
      key = scalar(keyNode.get(), "key").map(String::strip).filter(k -> {
        if (!AiringRule.isValidKey(k)) {
          problem(keyNode.get().at(), "airing key '" + k + "': use lower-case letters, digits, '-', '_' or '.'");
          return false;
        }
        return true;
      });
    } else {
      key = programme.filter(p -> !times.isEmpty()).map(p -> defaultKey(p, times.get(0), recurrenceKeys));
      if (key.isPresent() && recurrence.orElse(null) instanceof Recurrence.Once once) {
        key = Optional.of(key.get() + "-" + once.date().toString().replace("-", ""));
      }
    }
    if (key.isPresent()) {
      Position first = seen.putIfAbsent(key.get(), m.at());
      if (first != null) {
        problem(keyNode.map(Node::at).orElse(m.at()), "two airings have the key '" + key.get() + "' (first at line " + first.line()
            + "); give this one its own key:");
        key = Optional.empty();
      }
    }
    if (problems.size() > before || key.isEmpty() || programme.isEmpty() || zones.isEmpty() || times.isEmpty() || recurrence.isEmpty()) {
      return Optional.empty();
    }
    AiringRule rule = new AiringRule(key.get(), programme.get(), zones.get(), times, recurrence.get(), from, until, except, overrides,
        priority, rotate, topics);
    List<Node> overrideNodes = m.get("overrides").map(n -> n instanceof Node.Sequence seq ? seq.items() : List.<Node>of()).orElse(List.of());
    for (int i = 0; i < overrideNodes.size(); i++) {
      if (overrideNodes.get(i) instanceof Node.Mapping om && om.get("on").isPresent()) {
        Node onNode = om.get("on").get();
        date(onNode, "on").filter(d -> !rule.covers(d)).ifPresent(d -> problem(onNode.at(),
            "the override on " + d + " is outside the days this airing runs (from/until or its one day); it would never apply"));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    ruleSources.put(key.get(), new RuleSource(m.at(), programmeNode.get().at(), zonesNode.get().at(), atNode.get().at(), recurrencePos));
    return Optional.of(rule);
  }

  private static String defaultKey(ProgrammeKey programme, LocalTime first, List<String> recurrenceKeys) {
    return programme.value() + "-" + String.format("%02d%02d", first.getHour(), first.getMinute());
  }

  private Optional<DatedOverride> override(Node node, List<LocalDate> except, Map<LocalDate, Position> onDates) {
    if (!(node instanceof Node.Mapping m)) {
      problem(node.at(), "an override is a mapping { on: DATE, at: TIME, programme: KEY, zones: … }, not " + node.kind());
      return Optional.empty();
    }
    unknownKeys(m, OVERRIDE_KEYS, "an override");
    int before = problems.size();
    Optional<LocalDate> on = required(m, "on", "an override").flatMap(n -> date(n, "on"));
    Optional<LocalTime> at = Optional.empty();
    Optional<Node> atNode = m.get("at");
    if (atNode.isPresent()) {
      at = scalar(atNode.get(), "at").flatMap(t -> time(atNode.get(), t));
    }
    Optional<ProgrammeKey> programme = mapping(m, "programme").flatMap(this::programmeRef);
    Optional<ZoneChoice> zones = mapping(m, "zones").flatMap(this::zones);
    if (m.get("at").isEmpty() && m.get("programme").isEmpty() && m.get("zones").isEmpty()) {
      problem(m.at(), "an override changes at, programme or zones; for a day off put the date in except");
    }
    if (on.isPresent()) {
      if (except.contains(on.get())) {
        problem(m.get("on").get().at(), on.get() + " is both in except and overridden; keep one");
      }
      Position first = onDates.putIfAbsent(on.get(), m.at());
      if (first != null) {
        problem(m.get("on").get().at(), "a second override on " + on.get() + " (first at line " + first.line() + ")");
      }
    }
    if (problems.size() > before || on.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DatedOverride(on.get(), at, programme, zones));
  }

  private Optional<ProgrammeKey> programmeRef(Node n) {
    return scalar(n, "programme").map(String::strip).flatMap(k -> {
      if (!ProgrammeKey.isValid(k) || !declaredProgrammes.contains(new ProgrammeKey(k))) {
        problem(n.at(), "unknown programme '" + k + "'" + known("programmes", declaredProgrammes.stream().map(ProgrammeKey::value).sorted().toList()));
        return Optional.empty();
      }
      return Optional.of(new ProgrammeKey(k));
    });
  }

  private Optional<ZoneChoice> zones(Node n) {
    if (n instanceof Node.Sequence seq) {
      List<ZoneKey> keys = new ArrayList<>();
      int before = problems.size();
      Set<ZoneKey> seen = new HashSet<>();
      for (Node item : seq.items()) {
        zoneKey(item).ifPresent(k -> {
          if (!seen.add(k)) {
            problem(item.at(), "zone '" + k + "' is listed twice");
          }
          keys.add(k);
        });
      }
      if (seq.items().isEmpty()) {
        problem(n.at(), "no zones listed; write all, a zone group or a list of zones");
      }
      return problems.size() > before || keys.isEmpty() ? Optional.empty() : Optional.of(new ZoneChoice.Listed(keys));
    }
    return scalar(n, "zones").map(String::strip).flatMap(t -> {
      if (t.equals("all")) {
        return Optional.of(new ZoneChoice.All());
      }
      if (groups.containsKey(t)) {
        return Optional.of(new ZoneChoice.Group(t));
      }
      if (ZoneKey.isValid(t) && station.zones().contains(new ZoneKey(t))) {
        return Optional.of(new ZoneChoice.Listed(List.of(new ZoneKey(t))));
      }
      List<String> names = new ArrayList<>(groups.keySet());
      station.zones().forEach(z -> names.add(z.value()));
      problem(n.at(), "unknown zone or zone group '" + t + "'; write all, a zone group or a list of zones" + known("", names));
      return Optional.empty();
    });
  }

  private List<LocalTime> times(Node n) {
    List<LocalTime> out = new ArrayList<>();
    if (n instanceof Node.Sequence seq) {
      if (seq.items().isEmpty()) {
        problem(n.at(), "at lists no time");
      }
      Set<LocalTime> seen = new HashSet<>();
      for (Node item : seq.items()) {
        scalar(item, "a time").flatMap(t -> time(item, t)).ifPresent(t -> {
          if (!seen.add(t)) {
            problem(item.at(), "time " + TimeWindow.formatTime(t) + " is listed twice");
          }
          out.add(t);
        });
      }
      return out;
    }
    scalar(n, "at").flatMap(t -> time(n, t)).ifPresent(out::add);
    return out;
  }

  private Optional<LocalTime> time(Node n, String text) {
    Optional<LocalTime> t = TimeWindow.parseTime(text);
    if (t.isEmpty()) {
      problem(n.at(), "bad time '" + text + "'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\"");
    }
    return t;
  }

  private Optional<Recurrence> days(Node n) {
    if (!(n instanceof Node.Sequence seq)) {
      problem(n.at(), "days is a list such as [MO, WE, FR], not " + n.kind());
      return Optional.empty();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    int before = problems.size();
    for (Node item : seq.items()) {
      scalar(item, "a weekday").ifPresent(t -> {
        Optional<DayOfWeek> d = Weekdays.parse(t);
        if (d.isEmpty()) {
          problem(item.at(), "bad weekday '" + t + "'; write MO, TU, WE, TH, FR, SA, SU (or T2 … T7, CN)");
        } else if (!days.add(d.get())) {
          problem(item.at(), "weekday " + t.strip() + " is listed twice");
        }
      });
    }
    if (seq.items().isEmpty()) {
      problem(n.at(), "days lists no weekday");
    }
    if (problems.size() > before || days.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(days.size() == 7 ? new Recurrence.Daily() : new Recurrence.Weekly(days));
  }

  private Optional<Recurrence> every(Node n) {
    return scalar(n, "every").flatMap(t -> {
      String s = t.strip().toLowerCase(Locale.ROOT).replaceFirst("\\s*days?$", "");
      if (s.matches("\\d{1,3}")) {
        int d = Integer.parseInt(s);
        if (d >= 1 && d <= 366) {
          return Optional.of(d == 1 ? new Recurrence.Daily() : new Recurrence.EveryNDays(d));
        }
      }
      problem(n.at(), "every '" + t + "' is not a number of days from 1 to 366");
      return Optional.empty();
    });
  }

  private Optional<LocalDate> date(Node n, String what) {
    return scalar(n, what).flatMap(t -> {
      String s = t.strip();
      try {
        Matcher vn = VIETNAMESE_DATE.matcher(s);
        if (vn.matches()) {
          return Optional.of(LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)), Integer.parseInt(vn.group(1))));
        }
        return Optional.of(LocalDate.parse(s));
      } catch (java.time.DateTimeException e) {
        problem(n.at(), "bad date '" + t + "' in " + what + "; write YYYY-MM-DD, e.g. \"2026-02-17\"");
        return Optional.empty();
      }
    });
  }

  private Optional<AfterPreemption> afterPreemption(Node n) {
    return scalar(n, "afterPreemption").flatMap(t -> {
      Optional<AfterPreemption> p = AfterPreemption.parse(t);
      if (p.isEmpty()) {
        problem(n.at(), "bad afterPreemption '" + t + "'; write resume, restart or drop");
      }
      return p;
    });
  }

  private Optional<Priority> priority(Node n) {
    return scalar(n, "priority").flatMap(t -> {
      Optional<Priority> p = Priority.parse(t);
      if (p.isEmpty()) {
        problem(n.at(), "bad priority '" + t + "'; write NORMAL, PRIORITY or EMERGENCY");
      }
      return p;
    });
  }

  private Optional<Boolean> bool(Node n, String what) {
    return scalar(n, what).flatMap(t -> switch (t.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Optional.of(true);
      case "false", "no" -> Optional.of(false);
      default -> {
        problem(n.at(), what + " is true or false, not '" + t + "'");
        yield Optional.empty();
      }
    });
  }

  private Optional<Duration> duration(Node n, String what, boolean zeroAllowed) {
    return scalar(n, what).flatMap(t -> {
      Optional<Duration> d = parseDuration(t);
      if (d.isEmpty()) {
        problem(n.at(), "bad " + what + " '" + t + "'; write an ISO-8601 duration such as PT30M, PT1H30M, PT45S");
        return Optional.empty();
      }
      if (d.get().isNegative() || (!zeroAllowed && d.get().isZero())) {
        problem(n.at(), what + " must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", not " + t);
        return Optional.empty();
      }
      return d;
    });
  }

  /** ISO-8601 ({@code PT30M}) or the short form {@code 1h30m}, {@code 45s}. */
  static Optional<Duration> parseDuration(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
      if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
        return Optional.empty();
      }
      long seconds = 0;
      seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
      seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
      seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
      return Optional.of(Duration.ofSeconds(seconds));
    }
  }

  // ---- tree helpers

  private void unknownKeys(Node.Mapping m, Set<String> known, String what) {
    for (Node.Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        problem(e.keyAt(), "unknown key '" + e.key() + "' in " + what + "; expected " + sorted(known));
      }
    }
  }

  private Optional<Node> required(Node.Mapping m, String key, String what) {
    Optional<Node> n = m.get(key);
    if (n.isEmpty()) {
      problem(m.at(), "missing '" + key + "' in " + what);
    }
    return n;
  }

  private static Optional<Node> mapping(Node.Mapping m, String key) {
    return m.get(key).filter(n -> !(n instanceof Node.Scalar s && s.isNull()));
  }

  private Optional<String> scalar(Node n, String what) {
    if (n instanceof Node.Scalar s) {
      if (s.isNull()) {
        problem(n.at(), what + " has no value");
        return Optional.empty();
      }
      return Optional.of(s.text());
    }
    problem(n.at(), what + " must be a single value, not " + n.kind());
    return Optional.empty();
  }

  private static Optional<String> scalarQuiet(Node n) {
    return n instanceof Node.Scalar s && !s.isNull() ? Optional.of(s.text().strip()) : Optional.empty();
  }

  private List<Node> items(Node n, String what) {
    if (n instanceof Node.Sequence seq) {
      return seq.items();
    }
    if (n instanceof Node.Scalar s && s.isNull()) {
      return List.of();
    }
    problem(n.at(), what + " must be a list, not " + n.kind());
    return List.of();
  }

  private <T> Optional<T> none(Position at, String message) {
    problem(at, message);
    return Optional.empty();
  }

  private void problem(Position at, String message) {
    problems.add(new Problem(at, message));
  }

  private static String known(String what, List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    List<String> shown = names.size() > 12 ? names.subList(0, 12) : names;
    return "; known " + (what.isEmpty() ? "" : what + ": ") + String.join(", ", shown) + (names.size() > 12 ? ", …" : "");
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
