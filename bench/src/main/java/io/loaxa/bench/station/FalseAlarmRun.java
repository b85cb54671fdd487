package io.loaxa.bench.station;

import io.loaxa.audio.MonitorInput;
import io.loaxa.audio.monitor.OnAirMonitor;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.scheduler.config.MonitorConfig;
import io.loaxa.scheduler.config.SpeechConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.planning.SteppedTriggers;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.supervision.Detectors;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.IncidentLog;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.testkit.MonitorPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * False alarms of a healthy station: hours of a commune's morning session on a stepped clock (no
 * wall-clock waiting), with the real supervision (the on-air monitor comparing what the tap hears
 * with what the runner plays, the detectors, the incident log, the alert dispatcher with an e-mail
 * route), the simulated relay board and a {@link HealthyTap} that carries the programme as a sound
 * server and monitor line do. Every incident opened and every alert queued in that time is a false
 * alarm (target 0). Then two control faults in the same rig, so the zero is not a deaf monitor:
 * the tap cut during an airing (dead air) and foreign audio while nothing airs, each with its
 * detection time on the station clock.
 */
public final class FalseAlarmRun {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 5);
  private static final Duration STEP = Duration.ofMillis(100);
  private static final Duration SUPERVISION_EVERY = Duration.ofSeconds(1);

  /** What the run found. */
  public record Result(Duration simulated, int airings, Map<Outcome, Integer> outcomes, Duration onAir,
      List<IncidentLog.LoggedIncident> falseIncidents, long falseAlerts, Optional<Duration> deadAirDetected,
      Optional<Duration> outsideDetected, long controlAlerts, Duration wallTime, long rigLateSamples) {}

  private final Duration length;
  private final Duration deadAir;
  private final Duration outside;

  public FalseAlarmRun(Duration length, Duration deadAir, Duration outside) {
    this.length = length;
    this.deadAir = deadAir;
    this.outside = outside;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private StationConfig config() throws IOException {
    AlertsConfig alerts = new AlertsConfig(Optional.empty(),
        Optional.of(new AlertsConfig.Email("127.0.0.1", closedPort(), Optional.empty(), Optional.empty(),
            "dai@tanhung.gov.vn", AlertsConfig.Tls.NONE, Optional.empty())),
        List.of(new AlertsConfig.Recipient("Trực đài", Optional.empty(), Optional.of("vhxh@tanhung.gov.vn"), Set.of())),
        Optional.of(Duration.ofMinutes(30)), AlertsConfig.DEFAULT_CCHC_BY_DAY, 100);
    return new StationConfig("Đài truyền thanh xã Tân Hưng (mô phỏng)", HCM,
        List.of(new BoardSpec("tu-chinh", "simulated", Optional.empty(), 8, Map.of())),
        Optional.of(new StationConfig.Amplifier("tu-chinh", 8, Duration.ofSeconds(2))),
        List.of(new StationConfig.Zone(new ZoneKey("ap-1"), "Ấp 1", "tu-chinh", 1),
            new StationConfig.Zone(new ZoneKey("ap-2"), "Ấp 2", "tu-chinh", 2),
            new StationConfig.Zone(new ZoneKey("ap-3"), "Ấp 3", "tu-chinh", 3),
            new StationConfig.Zone(new ZoneKey("ap-4"), "Ấp 4", "tu-chinh", 4)),
        "healthy-tap", "content", false, SwitchPolicy.DEFAULT, SpeechConfig.DEFAULT,
        StationConfig.DEFAULT_EMERGENCY_LUFS, WebConfig.LOCAL_ONLY,
        Optional.of(new MonitorConfig("healthy-tap", List.of(), -50, deadAir, outside, MonitorConfig.Reaction.ALERT,
            Optional.empty())), alerts);
  }

  private static Programme programme(String key, String title, String category, Priority priority, Segment... segments) {
    return new Programme(new ProgrammeKey(key), title, new Category(category), priority, List.of(segments),
        Duration.ofMinutes(30), Optional.empty());
  }

  private static Segment.File file(String name) {
    return new Segment.File(name);
  }

  /** The morning session of the demo commune, its speech and VOV1 relay stood in for by local recordings. */
  private static List<Programme> programmes() {
    Segment chime = new Segment.Chime("default");
    return List.of(
        programme("mo-dau-sang", "Mở đầu buổi phát sáng", "thong-tin", Priority.NORMAL, chime, file("loi-chao.wav")),
        programme("thong-tin-sang", "Thông tin buổi sáng", "thong-tin", Priority.NORMAL, file("thong-tin-1.wav"),
            new Segment.Gap(Duration.ofSeconds(2)), file("thong-tin-2.wav")),
        programme("thoi-su-vov", "Tiếp âm thời sự VOV1 (ghi sẵn)", "thoi-su", Priority.NORMAL, file("thoi-su.wav")),
        programme("phap-luat", "Chuyên mục pháp luật và đời sống", "phap-luat", Priority.NORMAL, chime,
            file("phap-luat.wav"), chime),
        programme("ban-tin-xa", "Bản tin xã", "thong-tin", Priority.NORMAL, chime, file("ban-tin.wav"), chime),
        programme("van-nghe", "Chương trình văn nghệ", "van-nghe", Priority.NORMAL, file("van-nghe.wav")),
        programme("pctt", "Thông tin phòng, chống thiên tai", "pctt", Priority.PRIORITY, file("pctt.wav"),
            new Segment.Gap(Duration.ofSeconds(2)), file("loi-chao.wav")),
        programme("khan-cap", "Thông báo khẩn", "pctt", Priority.EMERGENCY, file("loi-chao.wav"), file("loi-chao.wav")));
  }

  private static void content(Path dir) throws IOException {
    Files.createDirectories(dir);
    Object[][] files = {{"loi-chao.wav", 220, 20}, {"thong-tin-1.wav", 260, 90}, {"thong-tin-2.wav", 300, 60},
        {"thoi-su.wav", 240, 150}, {"phap-luat.wav", 280, 90}, {"ban-tin.wav", 320, 60}, {"van-nghe.wav", 440, 150},
        {"pctt.wav", 350, 45}, {"thu-nghiem.wav", 500, 30}};
    long seed = 1;
    for (Object[] f : files) {
      MonitorPath.envelopeTone(dir, (String) f[0], (Integer) f[1], (Integer) f[2], seed++);
    }
  }

  /** The session: 05:30 to 06:45 local, every hamlet or some, an emergency cutting a bulletin off. */
  private static List<PlannedAiring> plan(Instant from) {
    List<PlannedAiring> plan = new ArrayList<>();
    Object[][] grid = {{"mo-dau-sang", "05:30", "all", Priority.NORMAL}, {"thong-tin-sang", "05:31", "all", Priority.NORMAL},
        {"phap-luat", "05:45", "ap-1,ap-2", Priority.NORMAL}, {"thoi-su-vov", "06:00", "all", Priority.NORMAL},
        {"ban-tin-xa", "06:05", "all", Priority.NORMAL}, {"van-nghe", "06:10", "ap-2,ap-4", Priority.NORMAL},
        {"pctt", "06:11", "ap-3,ap-4", Priority.PRIORITY}, {"ban-tin-xa", "06:30", "ap-3", Priority.NORMAL},
        {"khan-cap", "06:30:40", "all", Priority.EMERGENCY}, {"ban-tin-xa", "06:45", "all", Priority.NORMAL}};
    for (Object[] g : grid) {
      LocalDateTime local = DAY.atTime(LocalTime.parse((String) g[1]));
      Instant at = local.atZone(HCM).toInstant();
      if (!at.isBefore(from)) {
        plan.add(new PlannedAiring(PlannedAiringKey.of((String) g[0], local), new ProgrammeKey((String) g[0]), at,
            ZoneSelection.parse((String) g[2]), (Priority) g[3]));
      }
    }
    return plan;
  }

  /** One station on the stepped clock, moved by {@link #step}. */
  private final class Rig implements AutoCloseable {
    final SteppedClock time;
    final HealthyTap tap;
    final Station station;
    final SteppedTriggers triggers;
    final Daemon daemon;
    final Detectors detectors;
    Instant nextTick;
    Instant nextCheck;
    /** When each kind of incident was first open, at the end of the block that raised it. */
    final Map<IncidentKind, Instant> raised = new EnumMap<>(IncidentKind.class);

    Rig(Path data, Instant start) throws Exception {
      time = new SteppedClock(start);
      triggers = new SteppedTriggers(time.clock);
      tap = new HealthyTap(time);
      content(data.resolve("content"));
      station = Station.assemble(config(), data, time.clock, time, tap, Optional.<MonitorInput>of(tap.input()));
      triggers.runWith(station.runner());
      programmes().forEach(station.programmes()::put);
      daemon = station.daemon(triggers).monotonic(() -> time.clock.millis() * 1_000_000L);
      detectors = station.detectors(daemon);
      station.monitor().orElseThrow().start();
      nextTick = start;
      nextCheck = start;
    }

    /** Moves the station on by one step: airings fired and settled, supervision run, the monitor fed, time moved. */
    void step() throws InterruptedException {
      Instant now = time.clock.instant();
      triggers.fireDue();
      List<Thread> airing = triggers.running();
      if (!airing.isEmpty()) {
        SteppedClock.settle(airing);
      }
      if (!now.isBefore(nextTick)) {
        daemon.tick();
        nextTick = now.plus(Daemon.TICK);
      }
      if (!now.isBefore(nextCheck)) {
        detectors.check(now);
        station.incidents().tick(now);
        nextCheck = now.plus(SUPERVISION_EVERY);
      }
      tap.awaitPlayed(now);
      tap.hearUntil(now.plus(STEP));
      tap.awaitHeard();
      for (var open : station.incidents().open()) {
        raised.putIfAbsent(open.kind(), now.plus(STEP));
      }
      time.advance(STEP);
    }

    void runFor(Duration d) throws InterruptedException {
      Instant end = time.clock.instant().plus(d);
      while (time.clock.instant().isBefore(end)) {
        step();
      }
    }

    Optional<Instant> opened(IncidentKind kind, Instant since) {
      return Optional.ofNullable(raised.get(kind)).filter(at -> !at.isBefore(since));
    }

    @Override
    public void close() {
      daemon.close();
      station.close();
    }
  }

  public Result run() throws Exception {
    long wall0 = System.nanoTime();
    Path data = Files.createTempDirectory("loaxa-false-alarms");
    Instant start = DAY.atTime(5, 0).atZone(HCM).toInstant();
    Instant end = start.plus(length);
    try (Rig rig = new Rig(data, start)) {
      plan(start).stream().filter(a -> a.startsAt().isBefore(end.minusSeconds(300)))
          .forEach(rig.station.planned()::add);
      rig.daemon.start();
      rig.runFor(length);
      List<IncidentLog.LoggedIncident> incidents = rig.station.incidentLog().between(start, end);
      rig.raised.clear();
      long alerts = rig.station.alerts().queued();
      List<AiringRunRecord> runs = new ArrayList<>();
      rig.station.log().forEachRun(start, end, runs::add);
      Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
      Duration onAir = Duration.ZERO;
      for (AiringRunRecord r : runs) {
        r.outcome().ifPresent(o -> outcomes.merge(o, 1, Integer::sum));
        if (r.startedAt().isPresent() && r.endedAt().isPresent()) {
          onAir = onAir.plus(Duration.between(r.startedAt().get(), r.endedAt().get()));
        }
      }

      // control 1: the tap hears nothing of an airing (the amplifier gone)
      Instant controlFrom = rig.time.clock.instant();
      LocalDateTime local = LocalDateTime.ofInstant(controlFrom.plusSeconds(30), HCM).withNano(0);
      PlannedAiring deaf = new PlannedAiring(PlannedAiringKey.of("thu-nghiem", local), new ProgrammeKey("ban-tin-xa"),
          local.atZone(HCM).toInstant(), ZoneSelection.parse("all"), Priority.NORMAL);
      rig.station.planned().add(deaf);
      rig.triggers.plan(deaf.key(), deaf.startsAt().minus(rig.station.runner().preRoll()), Trigger.SCHEDULED);
      rig.tap.cut(true);
      rig.runFor(Duration.ofMinutes(3));
      rig.tap.cut(false);
      List<AiringRunRecord> deafRuns = new ArrayList<>();
      rig.station.log().forEachRun(controlFrom, rig.time.clock.instant(), r -> {
        if (r.plannedKey().equals(deaf.key())) {
          deafRuns.add(r);
        }
      });
      Optional<Duration> deadAirAfter = deafRuns.stream().findFirst().flatMap(AiringRunRecord::startedAt)
          .flatMap(first -> rig.opened(IncidentKind.DEAD_AIR, controlFrom).map(at -> Duration.between(first, at)));
      rig.runFor(Duration.ofSeconds(30));

      // control 2: something else on the lines while nothing airs
      Instant foreignAt = rig.time.clock.instant().plusSeconds(5);
      rig.tap.foreign(foreignAt, MonitorPath.envelope(OnAirMonitor.FORMAT.sampleRate(), 1, 700,
          outside.toSeconds() + 4, 99));
      rig.runFor(outside.plusSeconds(20));
      Optional<Duration> outsideAfter = rig.opened(IncidentKind.AUDIO_OUTSIDE_SCHEDULE, foreignAt)
          .map(at -> Duration.between(foreignAt, at));
      long controlAlerts = rig.station.alerts().queued() - alerts;
      return new Result(length, runs.size(), outcomes, onAir, incidents, alerts, deadAirAfter, outsideAfter,
          controlAlerts, Duration.ofNanos(System.nanoTime() - wall0), rig.tap.late());
    }
  }

  /** The result as the bench prints it. */
  public static void print(Result r, java.io.PrintWriter out) {
    out.printf(java.util.Locale.ROOT, "false alarms over %d min of a healthy station on a stepped clock (%d airings %s, %d s on air;"
        + " the real monitor, detectors, incident log and alert dispatcher; wall time %.1f s):%n",
        r.simulated().toMinutes(), r.airings(), r.outcomes(), r.onAir().toSeconds(), r.wallTime().toMillis() / 1000.0);
    out.printf(java.util.Locale.ROOT, "  incidents opened %d, alerts queued %d (target 0 and 0)%s%n", r.falseIncidents().size(),
        r.falseAlerts(), r.falseIncidents().isEmpty() ? "" : ": " + r.falseIncidents().stream()
            .map(i -> i.incident().kind().configName() + " " + i.incident().subject() + " at " + i.incident().start()
                + " (" + i.incident().detail() + ")").toList());
    out.printf(java.util.Locale.ROOT, "  control faults in the same rig, on the station clock: dead air %s after the first sample,"
        + " audio outside the schedule %s after it began; %d alerts queued for them%n",
        r.deadAirDetected().map(d -> d.toMillis() + " ms").orElse("NOT detected"),
        r.outsideDetected().map(d -> d.toMillis() + " ms").orElse("NOT detected"), r.controlAlerts());
    if (r.rigLateSamples() > 0) {
      out.printf(java.util.Locale.ROOT, "  THE RIG IS NOT TO BE TRUSTED: %d samples reached the tap after the monitor had heard"
          + " past them%n", r.rigLateSamples());
    }
    out.flush();
  }
}
