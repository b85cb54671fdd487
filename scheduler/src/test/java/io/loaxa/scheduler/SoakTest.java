package io.loaxa.scheduler;

import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.planning.SteppedTriggers;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.testkit.Soak;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seven days of a commune station on a clock the test moves: the daily grid (morning news, notices,
 * the evening session, music), priority notices, random emergencies that repeat, one cancelled by
 * the operator, and restarts with downtime between them. Every planned airing ends with exactly one
 * terminal outcome, no two airings hold the air at once, and every relay switched on belongs to a
 * logged run of that zone.
 */
@Soak
class SoakTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  private static final Instant START = MONDAY.atStartOfDay(TestStations.HCM).toInstant();
  private static final Instant END = START.plus(Duration.ofDays(7));
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration TICK = Duration.ofMinutes(10);
  /** What a run may end as here: every stop is graceful, so nothing is left for the next start to call interrupted. */
  private static final Set<Outcome> TERMINAL = java.util.EnumSet.complementOf(java.util.EnumSet.of(Outcome.INTERRUPTED));

  @TempDir
  Path data;

  private final Random random = new Random(20261121L);
  private final SteppedTime time = new SteppedTime(START);
  private final SimulatedSoundOutput sound = new SimulatedSoundOutput(time.clock, time::elapse).forgettingClips();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  /** Every relay switch of every run of the station, by channel. */
  private final Map<Integer, List<SimulatedRelayBoard.Switch>> switches = new TreeMap<>();
  private final Map<String, Integer> channels = Map.of("ap-1", 1, "ap-2", 2, "ap-3", 3, "ap-4", 4);

  private static Programme programme(String key, String title, String category, Priority priority, AfterPreemption after,
      Duration tolerance, Segment... segments) {
    return new Programme(new ProgrammeKey(key), title, new io.loaxa.schedules.Category(category), priority,
        List.of(segments), tolerance, Optional.empty()).withAfterPreemption(after);
  }

  /** The week's grid: lengths shortened to minutes so a week of audio fits in memory; the shape is a real commune's. */
  private static final List<Programme> GRID = List.of(
      programme("thoi-su-sang", "Tiếp âm thời sự sáng", "thoi-su", Priority.NORMAL, AfterPreemption.RESUME, Duration.ZERO,
          new Segment.Chime("default"), new Segment.Gap(Duration.ofMinutes(3))),
      programme("ban-tin-xa", "Bản tin xã", "thong-tin", Priority.NORMAL, AfterPreemption.RESTART, Duration.ofMinutes(30),
          new Segment.Chime("default"), new Segment.Gap(Duration.ofSeconds(90)), new Segment.Gap(Duration.ofSeconds(60))),
      programme("thong-bao-uu-tien", "Thông báo của UBND", "thong-tin", Priority.PRIORITY, AfterPreemption.RESTART,
          Duration.ofMinutes(15), new Segment.Gap(Duration.ofSeconds(45))),
      programme("ca-nhac", "Ca nhạc", "van-nghe", Priority.NORMAL, AfterPreemption.DROP, Duration.ofMinutes(5),
          new Segment.Gap(Duration.ofMinutes(2)), new Segment.Gap(Duration.ofMinutes(2))),
      programme("cchc-thang", "Chuyên mục cải cách hành chính", "cchc", Priority.NORMAL, AfterPreemption.RESTART,
          Duration.ofHours(2), new Segment.Chime("default"), new Segment.Gap(Duration.ofMinutes(2))),
      programme("khan-cap", "Thông báo khẩn: bão", "pctt", Priority.EMERGENCY, AfterPreemption.DROP, Duration.ofMinutes(5),
          new Segment.Gap(Duration.ofSeconds(60))));

  private List<PlannedAiring> weekPlan() {
    List<PlannedAiring> plan = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      LocalDate day = MONDAY.plusDays(d);
      plan.add(at("thoi-su-sang", day, "05:30", "all", Priority.NORMAL));
      plan.add(at("ban-tin-xa", day, "05:34", "ap-1,ap-2,ap-3", Priority.NORMAL));
      plan.add(at("thoi-su-sang", day, "17:00", "all", Priority.NORMAL));
      plan.add(at("ca-nhac", day, "17:05", "ap-2,ap-4", Priority.NORMAL));
      plan.add(at("ban-tin-xa", day, "17:08", "all", Priority.NORMAL));
      if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY) {
        plan.add(at("thong-bao-uu-tien", day, "17:06", "ap-1,ap-3", Priority.PRIORITY));
      }
    }
    plan.add(at("cchc-thang", MONDAY, "18:15", "all", Priority.NORMAL));
    return plan;
  }

  private static PlannedAiring at(String programme, LocalDate day, String time, String zones, Priority priority) {
    LocalDateTime local = day.atTime(LocalTime.parse(time));
    return new PlannedAiring(PlannedAiringKey.of(programme, local), new ProgrammeKey(programme),
        local.atZone(TestStations.HCM).toInstant(), ZoneSelection.parse(zones), priority);
  }

  /** Emergencies at random moments, many of them inside the grid's sessions, each repeating 1–3 times. */
  private List<PlannedAiring> emergencies() {
    List<PlannedAiring> out = new ArrayList<>();
    String[] zoneSets = {"all", "ap-1,ap-2", "ap-3", "ap-4,ap-1"};
    for (int i = 0; i < 12; i++) {
      LocalDate day = MONDAY.plusDays(random.nextInt(7));
      LocalTime t = i % 2 == 0 ? LocalTime.of(17, 0).plusSeconds(random.nextInt(15 * 60))
          : LocalTime.of(5 + random.nextInt(16), random.nextInt(60), random.nextInt(60));
      int repeats = 1 + random.nextInt(3);
      String zones = zoneSets[random.nextInt(zoneSets.length)];
      for (int r = 0; r < repeats; r++) {
        LocalDateTime local = day.atTime(t).plusMinutes(20L * r);
        out.add(new PlannedAiring(PlannedAiringKey.of("khan-" + i, local), new ProgrammeKey("khan-cap"),
            local.atZone(TestStations.HCM).toInstant(), ZoneSelection.parse(zones), Priority.EMERGENCY));
      }
    }
    return out;
  }

  @Test
  void aWeekWithEmergenciesAndRestartsEndsEveryPlannedAiringExactlyOnceAndTheRelaysMatchTheLog() throws Exception {
    List<PlannedAiring> planned = new ArrayList<>(weekPlan());
    List<PlannedAiring> emergencies = emergencies();
    // restarts at random moments (some in the middle of a session), each with up to 20 minutes down
    TreeMap<Instant, Duration> restarts = new TreeMap<>();
    for (int i = 0; i < 8; i++) {
      Instant when = START.plus(Duration.ofMinutes(30 + random.nextInt(7 * 24 * 60 - 60)));
      if (i < 3) {
        when = MONDAY.plusDays(i * 2).atTime(17, 1 + random.nextInt(8)).atZone(TestStations.HCM).toInstant();
      }
      restarts.put(when, Duration.ofSeconds(random.nextInt(20 * 60)));
    }
    String cancelled = "khan-3";
    Instant cancelAt = emergencies.stream().filter(e -> e.ruleKey().equals(cancelled)).findFirst().orElseThrow()
        .startsAt().plusSeconds(20);

    SteppedTriggers triggers = new SteppedTriggers(time.clock, threads);
    Station station = start(triggers, planned, emergencies);
    Daemon daemon = daemon(station, triggers);
    Instant nextTick = time.clock.instant().plus(TICK);
    int restartsDone = 0;
    boolean cancelDone = false;
    while (time.clock.instant().isBefore(END)) {
      triggers.fireDue();
      threads.removeIf(t -> !t.isAlive());
      SteppedTime.settle(threads);
      Instant now = time.clock.instant();
      if (!cancelDone && !now.isBefore(cancelAt)) {
        station.runner().cancel(cancelled, "cancelled by the operator");
        cancelDone = true;
      }
      if (!restarts.isEmpty() && !now.isBefore(restarts.firstKey())) {
        Duration down = restarts.pollFirstEntry().getValue();
        stop(station, daemon);
        time.advance(down);
        station = start(triggers, List.of(), List.of());
        daemon = daemon(station, triggers);
        restartsDone++;
        nextTick = time.clock.instant().plus(TICK);
        continue;
      }
      if (!now.isBefore(nextTick)) {
        daemon.tick();
        nextTick = now.plus(TICK);
        continue;
      }
      Instant next = nextTick;
      Optional<Instant> fire = triggers.next();
      if (fire.isPresent() && fire.get().isBefore(next)) {
        next = fire.get();
      }
      if (!restarts.isEmpty() && restarts.firstKey().isBefore(next)) {
        next = restarts.firstKey();
      }
      if (!cancelDone && cancelAt.isBefore(next)) {
        next = cancelAt;
      }
      // while something airs, time moves in small steps so pre-emptions happen mid-play
      Duration step = threads.isEmpty() ? Duration.between(now, next) : Duration.ofMillis(500);
      time.advance(step.isNegative() || step.isZero() ? Duration.ofMillis(100) : step);
    }
    // let the last airings finish
    time.runUntil(() -> threads.stream().noneMatch(Thread::isAlive), Duration.ofSeconds(1), Duration.ofHours(1), threads);
    stop(station, daemon);
    assertEquals(8, restartsDone);

    // every planned airing up to the end: exactly one run, with a terminal outcome
    Station check = Station.assemble(TestStations.config(WARM_UP), data, time.clock, time, sound);
    try {
      List<AiringRunRecord> runs = new ArrayList<>();
      check.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
      Map<PlannedAiringKey, AiringRunRecord> byKey = new HashMap<>();
      for (AiringRunRecord r : runs) {
        assertTrue(byKey.put(r.plannedKey(), r) == null, "two runs for " + r.plannedKey());
        assertTrue(r.outcome().isPresent() && TERMINAL.contains(r.outcome().get()), "no outcome: " + r);
      }
      List<PlannedAiring> all = check.planned().between(START.minusSeconds(1), END.plus(Duration.ofHours(1)));
      int expected = 0;
      for (PlannedAiring a : all) {
        if (a.startsAt().isBefore(END)) {
          expected++;
          assertTrue(byKey.containsKey(a.key()), "planned airing without an outcome: " + a.key());
        }
      }
      for (AiringRunRecord r : runs) {
        assertTrue(check.planned().find(r.plannedKey()).isPresent(), "a run nothing planned: " + r.plannedKey());
      }
      Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
      runs.forEach(r -> tally.merge(r.outcome().get(), 1, Integer::sum));
      System.out.println("soak: " + expected + " planned airings in 7 days, " + runs.size() + " runs " + tally
          + ", restarts " + restartsDone);
      assertTrue(tally.getOrDefault(Outcome.PREEMPTED, 0) > 0, "the random emergencies cut something off: " + tally);
      assertTrue(tally.getOrDefault(Outcome.COMPLETED, 0) > expected / 2, tally.toString());
      assertTrue(runs.stream().anyMatch(r -> r.trigger() == Trigger.AFTER_PREEMPTION), "something cut was aired after");
      assertTrue(runs.stream().anyMatch(r -> r.plannedKey().ruleKey().equals(cancelled)
          && r.outcome().equals(Optional.of(Outcome.SKIPPED))), "the cancelled emergency is logged SKIPPED");

      // one airing on air at a time
      List<AiringRunRecord> aired = runs.stream().filter(r -> r.startedAt().isPresent())
          .sorted(java.util.Comparator.comparing(r -> r.startedAt().get())).toList();
      for (int i = 1; i < aired.size(); i++) {
        assertTrue(!aired.get(i).startedAt().get().isBefore(aired.get(i - 1).endedAt().get().minusSeconds(1)),
            aired.get(i - 1).plannedKey() + " and " + aired.get(i).plannedKey() + " overlap");
      }
      Duration preRoll = check.runner().preRoll();
      // every stretch a hamlet's line was on belongs to a run that switched that hamlet
      for (Map.Entry<String, Integer> zone : channels.entrySet()) {
        List<SimulatedRelayBoard.Switch> history = switches.getOrDefault(zone.getValue(), List.of());
        Instant onAt = null;
        int stretches = 0;
        for (SimulatedRelayBoard.Switch s : history) {
          if (s.on() && onAt == null) {
            onAt = s.at();
          } else if (!s.on() && onAt != null) {
            Instant from = onAt;
            Instant to = s.at();
            stretches++;
            assertTrue(runs.stream().anyMatch(r -> r.zonesConfirmed().contains(zone.getKey())
                    // switched no earlier than its trigger fired (the pre-roll before its planned time)
                    && !from.isBefore(r.plannedAt().minus(preRoll).minusSeconds(1))
                    && !to.isAfter(r.endedAt().get().plusSeconds(1))),
                zone.getKey() + " was on " + from + " .. " + to + " outside any logged run of it; runs near: "
                    + runs.stream().filter(r -> Duration.between(r.plannedAt(), from).abs().toMinutes() < 15).toList());
            onAt = null;
          }
        }
        assertTrue(onAt == null, zone.getKey() + " left on");
        long logged = runs.stream().filter(r -> r.zonesConfirmed().contains(zone.getKey())).count();
        assertEquals(logged, stretches, zone.getKey() + ": every logged run of it switched it on once");
      }
    } finally {
      check.close();
    }
  }

  private Station start(SteppedTriggers triggers, List<PlannedAiring> planned, List<PlannedAiring> emergencies) throws Exception {
    Station station = Station.assemble(TestStations.config(WARM_UP), data, time.clock, time, sound);
    GRID.forEach(station.programmes()::put);
    planned.forEach(station.planned()::add);
    emergencies.forEach(station.planned()::add);
    triggers.runWith(station.runner());
    return station;
  }

  private Daemon daemon(Station station, SteppedTriggers triggers) {
    Daemon daemon = station.daemon(triggers).monotonic(() -> time.clock.millis() * 1_000_000L);
    daemon.start();
    return daemon;
  }

  /** A graceful stop in the middle of whatever airs: time moves on while the station winds down. */
  private void stop(Station station, Daemon daemon) throws Exception {
    Thread closer = new Thread(() -> {
      daemon.close();
      station.close();
    }, "stopping");
    closer.start();
    List<Thread> all = new ArrayList<>(threads);
    all.add(closer);
    time.runUntil(() -> !closer.isAlive() && threads.stream().noneMatch(Thread::isAlive), Duration.ofMillis(200),
        Duration.ofMinutes(5), all);
    SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
    for (SimulatedRelayBoard.Switch s : board.history()) {
      switches.computeIfAbsent(s.channel().number(), c -> new ArrayList<>()).add(s);
    }
    assertTrue(board.allOff(), "every relay off after a stop");
    threads.clear();
  }
}
