package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the schedule file's programmes: what a programme plays, in which segments, with which chimes and how late it may start. */
final class ProgrammeReader {
  static final Set<String> PROGRAMME_KEYS =
      Set.of("key", "title", "category", "priority", "segments", "lateTolerance", "maxDuration", "chimeBefore", "chimeAfter",
          "afterPreemption");
  static final Set<String> SEGMENT_KINDS = Set.of("file", "text", "speech", "rebroadcast", "lineIn", "gap", "chime");
  static final Duration DEFAULT_LATE_TOLERANCE = Duration.ofMinutes(5);

  private final Fields fields;
  private final Map<ProgrammeKey, ScheduleReader.ProgrammeSource> sources;
  /** Every key a programme of the file declares, read or not, so airings naming it are not refused as well. */
  private final Set<ProgrammeKey> declared = new HashSet<>();

  ProgrammeReader(Fields fields, Map<ProgrammeKey, ScheduleReader.ProgrammeSource> sources) {
    this.fields = fields;
    this.sources = sources;
  }

  /** The programmes of {@code programmes:} that read without problems. */
  List<Programme> read(Node programmes) {
    List<Node.Mapping> nodes = new ArrayList<>();
    for (Node item : fields.items(programmes, "programmes")) {
      fields.mapping(item, "a programme", "key, title, segments, …").ifPresent(m -> {
        nodes.add(m);
        Fields.optional(m, "key").flatMap(ProgrammeReader::quietText).filter(ProgrammeKey::isValid)
            .ifPresent(k -> declared.add(new ProgrammeKey(k)));
      });
    }
    List<Programme> out = new ArrayList<>();
    Map<ProgrammeKey, Position> seen = new LinkedHashMap<>();
    for (Node.Mapping m : nodes) {
      programme(m, seen).ifPresent(out::add);
    }
    return out;
  }

  /** A programme an airing or an override names, which the file must declare. */
  Optional<ProgrammeKey> reference(Node n) {
    return fields.text(n, "programme").map(String::strip).flatMap(k -> {
      if (!ProgrammeKey.isValid(k) || !declared.contains(new ProgrammeKey(k))) {
        List<String> names = declared.stream().map(ProgrammeKey::value).sorted().toList();
        fields.problem(n.at(), Bilingual.of("không có chương trình '" + k + "'" + Fields.knownVi("các chương trình", names),
            "unknown programme '" + k + "'" + Fields.known("programmes", names)));
        return Optional.empty();
      }
      return Optional.of(new ProgrammeKey(k));
    });
  }

  private Optional<Programme> programme(Node.Mapping m, Map<ProgrammeKey, Position> seen) {
    fields.unknownKeys(m, PROGRAMME_KEYS, "a programme");
    int before = fields.count();
    Optional<ProgrammeKey> key = fields.required(m, "key", "a programme").flatMap(n -> {
      Optional<String> k = fields.text(n, "key");
      if (k.isPresent() && !ProgrammeKey.isValid(k.get())) {
        fields.problem(n.at(), Bilingual.of("khóa chương trình '" + k.get() + "': hãy dùng chữ thường, chữ số, '-', '_' hoặc '.'",
            "programme key '" + k.get() + "': use lower-case letters, digits, '-', '_' or '.'"));
        return Optional.empty();
      }
      return k.map(ProgrammeKey::new);
    });
    if (key.isPresent()) {
      Position first = seen.putIfAbsent(key.get(), m.at());
      if (first != null) {
        fields.problem(m.get("key").get().at(), Bilingual.of("chương trình '" + key.get() + "' được khai báo hai lần (lần đầu ở dòng " + first.line() + ")",
            "programme '" + key.get() + "' is defined twice (first at line " + first.line() + ")"));
        key = Optional.empty();
      }
    }
    Optional<String> title = fields.required(m, "title", "a programme").flatMap(n -> fields.text(n, "title"));
    title.filter(String::isBlank).ifPresent(t -> fields.problem(m.get("title").get().at(), Bilingual.of("tên chương trình (title) đang để trống", "title is empty")));
    Category category = Fields.optional(m, "category").flatMap(this::category).orElse(Category.INFORMATION);
    Priority priority = Fields.optional(m, "priority")
        .flatMap(n -> fields.oneOf(n, "priority", Priority::parse, "NORMAL, PRIORITY or EMERGENCY")).orElse(Priority.NORMAL);
    Duration late = Fields.optional(m, "lateTolerance").flatMap(n -> fields.duration(n, "lateTolerance", Fields.Zero.ALLOWED))
        .orElse(DEFAULT_LATE_TOLERANCE);
    Optional<Duration> max = Fields.optional(m, "maxDuration").flatMap(n -> fields.duration(n, "maxDuration", Fields.Zero.REFUSED));
    Optional<String> chimeBefore = Fields.optional(m, "chimeBefore").flatMap(n -> chime(n, "chimeBefore"));
    Optional<String> chimeAfter = Fields.optional(m, "chimeAfter").flatMap(n -> chime(n, "chimeAfter"));
    Optional<AfterPreemption> afterPreemption = Fields.optional(m, "afterPreemption")
        .flatMap(n -> fields.oneOf(n, "afterPreemption", AfterPreemption::parse, "resume, restart or drop"));
    List<Segment> segments = new ArrayList<>();
    Map<Segment, Position> paths = new LinkedHashMap<>();
    Optional<Node> segs = fields.required(m, "segments", "a programme");
    if (segs.isPresent()) {
      List<Node> items = fields.items(segs.get(), "segments");
      if (items.isEmpty() && segs.get() instanceof Node.Sequence) {
        fields.problem(segs.get().at(), Bilingual.of("chương trình cần ít nhất một đoạn", "a programme needs at least one segment"));
      }
      for (Node item : items) {
        segment(item, paths).ifPresent(segments::add);
      }
    }
    if (fields.count() > before || key.isEmpty() || title.isEmpty() || segments.isEmpty()) {
      return Optional.empty();
    }
    sources.put(key.get(), new ScheduleReader.ProgrammeSource(m.at(), paths));
    return Optional.of(new Programme(key.get(), title.get(), category, priority, segments, late, max, chimeBefore, chimeAfter,
        afterPreemption.orElse(AfterPreemption.defaultFor(segments))));
  }

  private Optional<Category> category(Node n) {
    return fields.text(n, "category").flatMap(c -> {
      try {
        return Optional.of(new Category(c.strip()));
      } catch (IllegalArgumentException e) {
        fields.problem(n.at(), Bilingual.of("chuyên mục '" + c + "': hãy dùng chữ thường, chữ số và '-' (cchc, thoi-su, thong-tin, pctt, phap-luat, …)",
            "category '" + c + "': use lower-case letters, digits and '-' (cchc, thoi-su, thong-tin, pctt, phap-luat, …)"));
        return Optional.empty();
      }
    });
  }

  private Optional<String> chime(Node n, String what) {
    return fields.text(n, what).map(String::strip).filter(c -> {
      if (c.isEmpty()) {
        fields.problem(n.at(), Bilingual.of(Bilingual.subject(what) + " cần tên một nhạc hiệu (default, hoặc một tệp trong chimes/)",
            what + " needs a chime name (default, or a file under chimes/)"));
        return false;
      }
      return true;
    });
  }

  private Optional<Segment> segment(Node node, Map<Segment, Position> paths) {
    Optional<Node.Mapping> mapping = fields.mapping(node, "a segment", "such as { file: a.mp3 } or { gap: PT2S }");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    List<Node.Entry> kinds = m.entries().values().stream().filter(e -> SEGMENT_KINDS.contains(e.key())).toList();
    for (Node.Entry e : m.entries().values()) {
      if (!SEGMENT_KINDS.contains(e.key()) && !e.key().equals("length")) {
        fields.problem(e.keyAt(), Bilingual.of("khóa đoạn lạ '" + e.key() + "'; một đoạn là một trong " + sorted(SEGMENT_KINDS)
            + " (kèm length khi cần)", "unknown segment key '" + e.key() + "'; a segment is one of " + sorted(SEGMENT_KINDS)
            + " (with length where it needs one)"));
      }
    }
    if (kinds.isEmpty()) {
      fields.problem(m.at(), Bilingual.of("một đoạn cần một trong " + sorted(SEGMENT_KINDS), "a segment needs one of " + sorted(SEGMENT_KINDS)));
      return Optional.empty();
    }
    if (kinds.size() > 1) {
      fields.problem(kinds.get(1).keyAt(), Bilingual.of("mỗi đoạn chỉ có một loại; '" + kinds.get(0).key() + "' và '" + kinds.get(1).key()
          + "' là hai đoạn", "a segment has one kind; '" + kinds.get(0).key() + "' and '" + kinds.get(1).key() + "' are two segments"));
      return Optional.empty();
    }
    Node.Entry kind = kinds.get(0);
    Optional<Node> lengthNode = m.get("length");
    Optional<String> value = fields.text(kind.value(), kind.key());
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
            return none(at, Bilingual.of(kind.key() + " cần một đường dẫn tệp", kind.key() + " needs a path"));
          }
          Segment s = kind.key().equals("file") ? new Segment.File(v) : new Segment.Speech(v);
          paths.putIfAbsent(s, at);
          return Optional.of(s);
        }
        case "text" -> {
          noLength(lengthNode, "text");
          return v.isEmpty() ? none(at, Bilingual.of("text cần có lời để đọc", "text needs words to speak")) : Optional.of(new Segment.Text(v));
        }
        case "chime" -> {
          noLength(lengthNode, "chime");
          return v.isEmpty() ? none(at, Bilingual.of("chime cần tên một nhạc hiệu (default, hoặc một tệp trong chimes/)",
              "chime needs a name (default, or a file under chimes/)")) : Optional.of(new Segment.Chime(v));
        }
        case "gap" -> {
          noLength(lengthNode, "gap");
          return fields.duration(kind.value(), "gap", Fields.Zero.REFUSED).map(Segment.Gap::new);
        }
        case "rebroadcast" -> {
          if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
            return none(at, Bilingual.of("rebroadcast cần địa chỉ luồng phát không có dấu cách, ví dụ \"http://…/vov1.mp3\"",
                "rebroadcast needs a stream address without spaces, e.g. \"http://…/vov1.mp3\""));
          }
          if (lengthNode.isEmpty()) {
            return none(m.at(), Bilingual.of("rebroadcast cần thời lượng (length), ví dụ { rebroadcast: \"" + v + "\", length: PT30M }",
                "rebroadcast needs a length, e.g. { rebroadcast: \"" + v + "\", length: PT30M }"));
          }
          return fields.duration(lengthNode.get(), "length", Fields.Zero.REFUSED).map(d -> new Segment.Rebroadcast(v, d));
        }
        case "lineIn" -> {
          if (lengthNode.isPresent()) {
            return fields.duration(lengthNode.get(), "length", Fields.Zero.REFUSED).map(Segment.LineIn::new);
          }
          Optional<Duration> d = Fields.parseDuration(v);
          if (d.isEmpty() || d.get().isZero()) {
            return none(at, Bilingual.of("lineIn cần thời lượng, ví dụ { lineIn: PT15M } hoặc { lineIn: yes, length: PT15M }",
                "lineIn needs a length, e.g. { lineIn: PT15M } or { lineIn: yes, length: PT15M }"));
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
    lengthNode.ifPresent(n -> fields.problem(n.at(), Bilingual.of("đoạn " + kind + " không nhận length; hãy đặt maxDuration cho chương trình để giới hạn",
        "a " + kind + " segment takes no length; set maxDuration on the programme to cap it")));
  }

  private <T> Optional<T> none(Position at, String message) {
    fields.problem(at, message);
    return Optional.empty();
  }

  private static Optional<String> quietText(Node n) {
    return n instanceof Node.Scalar s && !s.isNull() ? Optional.of(s.text().strip()) : Optional.empty();
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
