package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.audio.OutputMeter;
import io.loaxa.devices.RelayLine;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneStatus;
import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.Programmes;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.supervision.Incident;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Segment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the "on air now" page shows, read from the running station in one pass: what airs and for
 * how long, every hamlet's line as its board reports it (on, off, unknown when the board cannot
 * report, offline when it did not answer), the next airings, the last failures with their reasons,
 * device health, and the incidents open now (dead air, a board offline, …) as {@code incidents}.
 */
public final class OnAirSnapshot {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm dd/MM");
  private static final Set<Outcome> FAILURES = EnumSet.of(Outcome.FAILED, Outcome.PARTIAL, Outcome.MISSED,
      Outcome.INTERRUPTED);
  /** How far back the page looks for failures and for the run on air. */
  static final Duration LOOK_BACK = Duration.ofHours(24);
  static final int NEXT = 6;
  static final int LAST_FAILURES = 5;
  /**
   * How long the next airings and the last failures are kept between two reads of the planned
   * airings and the log: both change on their own only when an airing starts or ends, which the
   * on-air part of every read sees and which reads them again at once.
   */
  static final Duration SLOW_PARTS = Duration.ofSeconds(2);

  /**
   * The parts of the station the page reads.
   *
   * @param zoneNames each hamlet's name by zone key, in the station config's order
   * @param health device health beyond the boards (sound card, speech engine, clock), each as
   *     {@code name → problem}, empty problem when it is fine
   * @param incidents the incidents open now, oldest first (the station's incident stream)
   * @param meter the level of what the sound card plays
   */
  public record Parts(String station, ZoneId timeZone, Clock clock, Map<String, String> zoneNames, Switchboard switchboard,
      AiringRunner runner, AiringLog log, PlannedAirings planned, Programmes programmes, Daemon daemon,
      Supplier<Map<String, Optional<String>>> health, Supplier<List<Incident>> incidents, OutputMeter meter) {
    public Parts {
      zoneNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zoneNames));
    }

    /** The parts of a station whose sound output does not measure what it plays. */
    public Parts(String station, ZoneId timeZone, Clock clock, Map<String, String> zoneNames, Switchboard switchboard,
        AiringRunner runner, AiringLog log, PlannedAirings planned, Programmes programmes, Daemon daemon,
        Supplier<Map<String, Optional<String>>> health, Supplier<List<Incident>> incidents) {
      this(station, timeZone, clock, zoneNames, switchboard, runner, log, planned, programmes, daemon, health, incidents,
          OutputMeter.NONE);
    }

    /** The parts of a station without supervision: no incidents. */
    public Parts(String station, ZoneId timeZone, Clock clock, Map<String, String> zoneNames, Switchboard switchboard,
        AiringRunner runner, AiringLog log, PlannedAirings planned, Programmes programmes, Daemon daemon,
        Supplier<Map<String, Optional<String>>> health) {
      this(station, timeZone, clock, zoneNames, switchboard, runner, log, planned, programmes, daemon, health, List::of);
    }
  }

  private final Parts parts;
  private ArrayNode next;
  private ArrayNode failures;
  private Instant slowReadAt = Instant.MIN;
  private Optional<PlannedAiringKey> slowOnAir = Optional.empty();

  OnAirSnapshot(Parts parts) {
    this.parts = parts;
  }

  /** The station's time now. */
  Instant now() {
    return parts.clock().instant();
  }

  /**
   * The page's view now, as the JSON the event stream sends. The next airings and the failures
   * are read again at most every {@link #SLOW_PARTS}, and at once when what airs changed. One
   * reader at a time.
   */
  ObjectNode read() {
    Instant now = parts.clock().instant();
    ObjectNode out = JSON.createObjectNode();
    out.put("station", parts.station());
    out.put("at", now.toString());
    Optional<PlannedAiringKey> airing = onAir(out, now);
    List<ZoneStatus> report = parts.switchboard().report();
    zones(out, report);
    if (next == null || !airing.equals(slowOnAir) || now.isBefore(slowReadAt)
        || !now.isBefore(slowReadAt.plus(SLOW_PARTS))) {
      next = next(now);
      failures = failures(now);
      slowReadAt = now;
      slowOnAir = airing;
    }
    // read only by the serialiser after this: one array serves every snapshot until the next read
    out.set("next", next);
    out.set("failures", failures);
    health(out, report);
    ArrayNode incidents = out.putArray("incidents");
    parts.incidents().get().forEach(i -> incidents.add(IncidentRoutes.json(i, parts.timeZone())));
    return out;
  }

  private Optional<PlannedAiringKey> onAir(ObjectNode out, Instant now) {
    Optional<PlannedAiringKey> key = parts.runner().onAirNow();
    if (key.isEmpty()) {
      out.putNull("onAir");
      return key;
    }
    ObjectNode air = out.putObject("onAir");
    air.put("key", key.get().value());
    air.put("rule", key.get().ruleKey());
    Optional<PlannedAiring> planned = parts.planned().find(key.get());
    Optional<Programme> programme = planned.flatMap(p -> parts.programmes().find(p.programme()));
    air.put("title", programme.map(Programme::title).orElse(key.get().value()));
    air.put("priority", planned.map(p -> p.priority().name()).orElse("NORMAL"));
    Optional<AiringRunRecord> run = openRun(key.get(), now);
    ArrayNode zones = air.putArray("zones");
    Optional<Instant> started = run.flatMap(AiringRunRecord::startedAt);
    run.ifPresent(r -> r.zonesRequested().forEach(zones::add));
    started.ifPresent(s -> {
      air.put("startedAt", s.toString());
      air.put("elapsedSeconds", Math.max(0, Duration.between(s, now).toSeconds()));
    });
    Optional<Length> length = programme.flatMap(OnAirSnapshot::length);
    if (length.isPresent() && started.isPresent()) {
      long total = length.get().length().toSeconds();
      air.put("lengthSeconds", total);
      air.put("lengthStated", length.get().stated());
      air.put("remainingSeconds", Math.max(0, total - Duration.between(started.get(), now).toSeconds()));
    } else {
      air.putNull("remainingSeconds");
    }
    return key;
  }

  /** How long a programme airs, as its schedule states it: exactly, or at most (its maximum duration). */
  record Length(Duration length, boolean stated) {}

  /**
   * The programme's length when its segments state theirs (rebroadcasts, line-in, gaps), else its
   * maximum duration as an upper bound; empty when neither is known (a file's or a speech's length
   * is known only once it has been read out).
   */
  static Optional<Length> length(Programme p) {
    Duration sum = Duration.ZERO;
    boolean stated = p.chimeBefore().isEmpty() && p.chimeAfter().isEmpty();
    for (Segment s : p.segments()) {
      if (s instanceof Segment.Rebroadcast r) {
        sum = sum.plus(r.length());
      } else if (s instanceof Segment.LineIn in) {
        sum = sum.plus(in.length());
      } else if (s instanceof Segment.Gap g) {
        sum = sum.plus(g.length());
      } else {
        stated = false;
      }
    }
    if (stated) {
      Duration segments = sum;
      return Optional.of(new Length(p.maxDuration().map(m -> min(segments, m)).orElse(segments), true));
    }
    return p.maxDuration().map(m -> new Length(m, false));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Optional<AiringRunRecord> openRun(PlannedAiringKey key, Instant now) {
    List<AiringRunRecord> found = new ArrayList<>();
    parts.log().forEachRun(now.minus(LOOK_BACK), now.plusSeconds(60), r -> {
      if (r.plannedKey().equals(key) && r.outcome().isEmpty()) {
        found.add(r);
      }
    });
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }

  private void zones(ObjectNode out, List<ZoneStatus> report) {
    Map<String, ZoneStatus> byZone = new TreeMap<>();
    for (ZoneStatus z : report) {
      if (z.line() instanceof RelayLine.Zone zone) {
        byZone.put(zone.zoneKey(), z);
      }
    }
    ArrayNode zones = out.putArray("zones");
    List<String> keys = new ArrayList<>(parts.zoneNames().keySet());
    byZone.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    for (String key : keys) {
      ObjectNode z = zones.addObject().put("key", key).put("name", parts.zoneNames().getOrDefault(key, key));
      ZoneStatus status = byZone.get(key);
      if (status == null) {
        z.put("state", "unknown");
        continue;
      }
      z.put("state", state(status));
      z.put("board", status.boardKey());
      status.commanded().ifPresent(c -> z.put("commanded", c ? "on" : "off"));
      status.error().ifPresent(e -> z.put("problem", e));
    }
    report.stream().filter(ZoneStatus::isAmplifier).findFirst()
        .ifPresent(a -> out.putObject("amplifier").put("state", state(a)).put("board", a.boardKey()));
  }

  static String state(ZoneStatus status) {
    if (status.error().isPresent()) {
      return "offline";
    }
    return status.reported().map(on -> on ? "on" : "off").orElse("unknown");
  }

  private ArrayNode next(Instant now) {
    ArrayNode next = JSON.createArrayNode();
    for (PlannedAiring a : parts.daemon().upcoming(NEXT)) {
      next.addObject().put("key", a.key().value()).put("rule", a.key().ruleKey())
          .put("startsAt", a.startsAt().toString())
          .put("local", LOCAL.format(a.startsAt().atZone(parts.timeZone())))
          .put("title", parts.programmes().find(a.programme()).map(Programme::title).orElse(a.programme().toString()))
          .put("zones", a.zones().toString())
          .put("priority", a.priority().name());
    }
    return next;
  }

  private ArrayNode failures(Instant now) {
    Deque<AiringRunRecord> last = new ArrayDeque<>();
    parts.log().forEachRun(now.minus(LOOK_BACK), now.plusSeconds(1), r -> {
      if (r.outcome().isPresent() && FAILURES.contains(r.outcome().get())) {
        last.addLast(r);
        if (last.size() > LAST_FAILURES) {
          last.removeFirst();
        }
      }
    });
    ArrayNode failures = JSON.createArrayNode();
    while (!last.isEmpty()) {
      AiringRunRecord r = last.removeLast();
      failures.addObject().put("plannedAt", r.plannedAt().toString())
          .put("local", LOCAL.format(r.plannedAt().atZone(parts.timeZone())))
          .put("title", r.title().isEmpty() ? r.programme() : r.title())
          .put("outcome", r.outcome().get().name())
          .put("reason", r.reason());
    }
    return failures;
  }

  private void health(ObjectNode out, List<ZoneStatus> report) {
    ArrayNode health = out.putArray("health");
    Map<String, Optional<String>> boards = new TreeMap<>();
    for (ZoneStatus z : report) {
      boards.merge(z.boardKey(), z.error(), (a, b) -> a.isPresent() ? a : b);
    }
    boards.forEach((board, problem) -> item(health, "board", board, problem));
    item(health, "scheduler", "", parts.daemon().healthy() ? Optional.empty()
        : Optional.of("bộ lập lịch không hoạt động (the scheduler is not running)"));
    item(health, "clock", "", parts.daemon().onAir() ? Optional.empty()
        : Optional.of("đồng hồ chưa tin cậy, chưa phát theo lịch (clock not trusted yet)"));
    parts.health().get().forEach((kind, problem) -> item(health, kind, "", problem));
  }

  private static void item(ArrayNode health, String kind, String key, Optional<String> problem) {
    ObjectNode h = health.addObject().put("kind", kind).put("key", key).put("ok", problem.isEmpty());
    problem.ifPresent(p -> h.put("problem", p));
  }
}
