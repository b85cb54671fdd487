package io.loaxa.scheduler.config;

import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code monitor:} block of a station config, adding every problem with its place:
 * <pre>
 * monitor:
 *   input: "default"          # or part of the capture device's name, e.g. "USB Audio"
 *   zones: [ap-1, ap-2]       # the lines the tap hears; all when left out
 *   silence-dbfs: -50         # quieter than this is silence
 *   dead-air-seconds: 2       # silent this long while the programme plays: dead air
 *   outside-seconds: 5        # audio this long while nothing airs: audio outside the schedule
 *   reaction: alert           # alert | off (every line and the amplifier off while it lasts)
 *   selftest: "06:00"         # the morning self-test, each line in turn with a quiet tone
 * </pre>
 */
final class MonitorConfigSection {
  private static final Set<String> KEYS = Set.of("input", "zones", "silence-dbfs", "dead-air-seconds",
      "outside-seconds", "reaction", "selftest");

  private MonitorConfigSection() {}

  /** The monitor settings, empty without a block; problems go to {@code fields}. */
  static Optional<MonitorConfig> read(Optional<Node> block, List<StationConfig.Zone> stationZones, Fields fields) {
    if (block.isEmpty()) {
      return Optional.empty();
    }
    Optional<Node.Mapping> mapping = fields.mapping(block.get(), "monitor", "input, zones, silence-dbfs, …");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, KEYS, "monitor");
    int before = fields.count();
    String input = fields.text(m, "input").map(String::strip).filter(s -> !s.isEmpty()).orElse("default");
    List<ZoneKey> zones = new ArrayList<>();
    List<ZoneKey> known = stationZones.stream().map(StationConfig.Zone::key).toList();
    m.get("zones").ifPresent(node -> {
      for (Node item : fields.items(node, "monitor.zones")) {
        fields.text(item, "a zone of monitor.zones").map(String::strip).ifPresent(k -> {
          Optional<ZoneKey> key = known.stream().filter(z -> z.value().equals(k)).findFirst();
          if (key.isEmpty()) {
            String all = String.join(", ", stationZones.stream().map(z -> z.key().value()).toList());
            fields.problem(item.at(), Bilingual.of("monitor.zones: không có thôn '" + k + "'; các thôn: " + all,
                "monitor.zones: no zone '" + k + "'; the zones are " + all));
          } else {
            zones.add(key.get());
          }
        });
      }
    });
    int silence = fields.integer(m, "silence-dbfs", -90, -10).orElse(-50);
    int deadAir = fields.integer(m, "dead-air-seconds", 1, 600).orElse(2);
    int outside = fields.integer(m, "outside-seconds", 1, 3600).orElse(5);
    MonitorConfig.Reaction reaction = fields.oneOf(m, "reaction", List.of("alert", "off"))
        .map(r -> r.equals("off") ? MonitorConfig.Reaction.OFF : MonitorConfig.Reaction.ALERT)
        .orElse(MonitorConfig.Reaction.ALERT);
    Optional<LocalTime> selfTest = m.get("selftest").flatMap(n -> fields.localTime(n, "monitor.selftest"));
    if (fields.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new MonitorConfig(input, zones, silence, Duration.ofSeconds(deadAir), Duration.ofSeconds(outside),
        reaction, selfTest));
  }
}
