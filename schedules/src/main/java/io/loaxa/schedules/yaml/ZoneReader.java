package io.loaxa.schedules.yaml;

import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads which hamlets the schedule file reaches: its zone groups, and the zones an airing or an override names. */
final class ZoneReader {
  private final StationFacts station;
  private final Fields fields;
  /** The station config's groups and then the schedule file's own, as the airings may name them. */
  private final Map<String, List<ZoneKey>> groups = new LinkedHashMap<>();

  ZoneReader(StationFacts station, Fields fields) {
    this.station = station;
    this.fields = fields;
    groups.putAll(station.zoneGroups());
  }

  /** The schedule file's {@code zoneGroups:}, each group checked against the station's zones. */
  Map<String, List<ZoneKey>> readGroups(Node node) {
    Map<String, List<ZoneKey>> out = new LinkedHashMap<>();
    Optional<Node.Mapping> mapping = fields.mapping(node, "zoneGroups", "group key: a list of zones");
    if (mapping.isEmpty()) {
      return out;
    }
    for (Node.Entry e : mapping.get().entries().values()) {
      if (!ZoneKey.isValid(e.key())) {
        fields.problem(e.keyAt(), Bilingual.of("khóa nhóm thôn '" + e.key() + "': hãy dùng chữ thường, chữ số, '-' hoặc '_'",
            "zone group key '" + e.key() + "': use lower-case letters, digits, '-' or '_'"));
        continue;
      }
      if (station.zoneGroups().containsKey(e.key())) {
        fields.problem(e.keyAt(), Bilingual.of("nhóm thôn '" + e.key() + "' đã có trong cấu hình đài",
            "zone group '" + e.key() + "' is already defined by the station config"));
        continue;
      }
      if (station.zones().contains(new ZoneKey(e.key())) || e.key().equals("all")) {
        fields.problem(e.keyAt(), Bilingual.of("nhóm thôn '" + e.key() + "' trùng tên với một thôn; hãy chọn khóa khác",
            "zone group '" + e.key() + "' has the name of a zone; pick another key"));
        continue;
      }
      List<ZoneKey> members = new ArrayList<>();
      for (Node z : fields.items(e.value(), "zone group " + e.key())) {
        zoneKey(z).ifPresent(members::add);
      }
      if (members.isEmpty()) {
        fields.problem(e.value().at(), Bilingual.of("nhóm thôn '" + e.key() + "' chưa có thôn nào", "zone group '" + e.key() + "' has no zones"));
        continue;
      }
      out.put(e.key(), members);
      groups.put(e.key(), members);
    }
    return out;
  }

  /** {@code all}, a zone group, one zone or a list of zones. */
  Optional<ZoneChoice> zones(Node n) {
    if (n instanceof Node.Sequence seq) {
      List<ZoneKey> keys = new ArrayList<>();
      int before = fields.count();
      Set<ZoneKey> seen = new HashSet<>();
      for (Node item : seq.items()) {
        zoneKey(item).ifPresent(k -> {
          if (!seen.add(k)) {
            fields.problem(item.at(), Bilingual.of("thôn '" + k + "' được ghi hai lần", "zone '" + k + "' is listed twice"));
          }
          keys.add(k);
        });
      }
      if (seq.items().isEmpty()) {
        fields.problem(n.at(), Bilingual.of("chưa ghi thôn nào; hãy viết all, một nhóm thôn hoặc danh sách thôn",
            "no zones listed; write all, a zone group or a list of zones"));
      }
      return fields.count() > before || keys.isEmpty() ? Optional.empty() : Optional.of(new ZoneChoice.Listed(keys));
    }
    return fields.text(n, "zones").map(String::strip).flatMap(t -> {
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
      fields.problem(n.at(), Bilingual.of("không có thôn hay nhóm thôn '" + t + "'; hãy viết all, một nhóm thôn hoặc danh sách thôn"
          + Fields.knownVi("", names), "unknown zone or zone group '" + t + "'; write all, a zone group or a list of zones" + Fields.known("", names)));
      return Optional.empty();
    });
  }

  private Optional<ZoneKey> zoneKey(Node node) {
    Optional<String> text = fields.text(node, "a zone");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String k = text.get().strip();
    if (!ZoneKey.isValid(k) || !station.zones().contains(new ZoneKey(k))) {
      List<String> names = station.zones().stream().map(ZoneKey::value).toList();
      fields.problem(node.at(), Bilingual.of("không có thôn '" + k + "'" + Fields.knownVi("các thôn", names),
          "unknown zone '" + k + "'" + Fields.known("zones", names)));
      return Optional.empty();
    }
    return Optional.of(new ZoneKey(k));
  }
}
