package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.RelayLine;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneStatus;
import io.loaxa.scheduler.config.StationConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The station as its config and its boards describe it, for the station page and for the pages that
 * need to know how the station is set up: its hamlets and hamlet groups, every relay board with each
 * channel's line and state as the board reports it now, the amplifier, the sound card and the speech
 * engine with their health, and whether content waits for an approver. Read-only; any role may read it.
 */
public final class StationViewRoutes implements RouteGroup {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The parts of the station the view reads.
   *
   * @param zoneGroups each hamlet group's zone keys by group key
   * @param health the sound card's and the speech engine's problems ({@code sound}, {@code speech}),
   *     empty when fine; asked on every request
   */
  public record Parts(StationConfig config, Map<String, List<String>> zoneGroups, Switchboard switchboard,
      Supplier<Map<String, Optional<String>>> health) {
    public Parts {
      zoneGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zoneGroups));
    }
  }

  private final Parts parts;

  public StationViewRoutes(Parts parts) {
    this.parts = parts;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/station", Routes.ANY, (ctx, who) -> read());
  }

  ObjectNode read() {
    StationConfig config = parts.config();
    List<ZoneStatus> report = parts.switchboard().report();
    Map<String, ZoneStatus> byZone = new LinkedHashMap<>();
    Optional<ZoneStatus> amplifier = Optional.empty();
    for (ZoneStatus z : report) {
      if (z.line() instanceof RelayLine.Zone zone) {
        byZone.put(zone.zoneKey(), z);
      } else if (z.isAmplifier()) {
        amplifier = Optional.of(z);
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("station", config.name());
    out.put("timeZone", config.timeZone().getId());
    out.put("approval", config.approval());
    out.put("emergencyBypass", config.approval() && config.emergencyBypass());
    ArrayNode zones = out.putArray("zones");
    for (StationConfig.Zone z : config.zones()) {
      ObjectNode one = zones.addObject().put("key", z.key().value()).put("name", z.name()).put("board", z.board())
          .put("channel", z.channel()).put("inverted", z.inverted());
      line(one, Optional.ofNullable(byZone.get(z.key().value())));
    }
    ArrayNode groups = out.putArray("groups");
    parts.zoneGroups().forEach((key, members) -> {
      ArrayNode list = groups.addObject().put("key", key).putArray("zones");
      members.forEach(list::add);
    });
    ArrayNode boards = out.putArray("boards");
    for (BoardSpec b : config.boards()) {
      ObjectNode board = boards.addObject().put("key", b.key()).put("driver", b.driver()).put("channels", b.channels());
      b.port().ifPresent(p -> board.put("port", p));
      Optional<String> problem = report.stream().filter(z -> z.boardKey().equals(b.key())).map(ZoneStatus::error)
          .flatMap(Optional::stream).findFirst();
      board.put("ok", problem.isEmpty());
      problem.ifPresent(p -> board.put("problem", p));
      ArrayNode lines = board.putArray("lines");
      for (int channel = 1; channel <= b.channels(); channel++) {
        ObjectNode line = lines.addObject().put("channel", channel);
        Optional<ZoneStatus> on = channel(report, b.key(), channel);
        if (on.isEmpty()) {
          line.put("line", "spare");
          continue;
        }
        if (on.get().line() instanceof RelayLine.Zone zone) {
          line.put("line", "zone").put("zone", zone.zoneKey());
          config.zones().stream().filter(z -> z.key().value().equals(zone.zoneKey())).findFirst()
              .ifPresent(z -> line.put("name", z.name()));
        } else {
          line.put("line", "amplifier");
        }
        line(line, on);
      }
    }
    if (config.amplifier().isPresent()) {
      StationConfig.Amplifier a = config.amplifier().get();
      out.putObject("amplifier").put("board", a.board()).put("channel", a.channel())
          .put("warmUpSeconds", a.warmUp().toMillis() / 1000.0)
          .put("state", amplifier.map(OnAirSnapshot::state).orElse("unknown"));
    }
    Map<String, Optional<String>> health = parts.health().get();
    ObjectNode sound = out.putObject("sound").put("output", config.audioOutput());
    health(sound, health.getOrDefault("sound", Optional.empty()));
    ObjectNode speech = out.putObject("speech").put("engine", config.speech().engine());
    config.speech().voice().ifPresent(v -> speech.put("voice", v));
    health(speech, health.getOrDefault("speech", Optional.empty()));
    return out;
  }

  private static Optional<ZoneStatus> channel(List<ZoneStatus> report, String board, int channel) {
    return report.stream().filter(z -> z.boardKey().equals(board) && z.channel().number() == channel).findFirst();
  }

  private static void line(ObjectNode out, Optional<ZoneStatus> status) {
    if (status.isEmpty()) {
      out.put("state", "unknown");
      return;
    }
    out.put("state", OnAirSnapshot.state(status.get()));
    status.get().commanded().ifPresent(c -> out.put("commanded", c ? "on" : "off"));
    status.get().error().ifPresent(e -> out.put("problem", e));
  }

  private static void health(ObjectNode out, Optional<String> problem) {
    out.put("ok", problem.isEmpty());
    problem.ifPresent(p -> out.put("problem", p));
  }
}
