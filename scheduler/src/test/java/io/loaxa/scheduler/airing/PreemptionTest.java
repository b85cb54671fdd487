package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.SteppedTime;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.FollowUp;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Priorities on one air, with airings on their own threads as Quartz fires them: an emergency cuts
 * a lower airing off at once, a priority airing waits for the running segment's end, equal ones
 * queue first come first served, and what was cut is resumed, restarted or dropped as its
 * programme says. Simulated board and sound; station time moved by the test.
 */
class PreemptionTest {
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2026-03-02T23:00:00Z"); // 06:00 in Hồ Chí Minh City
  private static final Duration STEP = Duration.ofMillis(100);

  @TempDir
  Path data;

  private SteppedTime time;
  private SimulatedSoundOutput sound;
  private Station station;
  private SimulatedRelayBoard board;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Optional<Outcome>> results = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    time = new SteppedTime(T0);
    sound = new SimulatedSoundOutput(time.clock, time::elapse);
    station = TestStations.station(data, time.clock, time, sound, WARM_UP);
    board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
  }

  @AfterEach
  void tearDown() throws Exception {
    station.runner().close("test over");
    time.advance(Duration.ofHours(2));
    for (Thread t : threads) {
      t.join(5000);
    }
    station.close();
  }

  private Programme programme(String key, Priority priority, AfterPreemption after, Segment... segments) {
    Programme p = new Programme(new ProgrammeKey(key), "Chương trình " + key, Category.INFORMATION, priority,
        List.of(segments), Duration.ofMinutes(10), Optional.empty()).withAfterPreemption(after);
    station.programmes().put(p);
    return p;
  }

  private PlannedAiring plan(Programme p, Instant at, String zones) {
    PlannedAiring airing = new PlannedAiring(
        PlannedAiringKey.of(p.key().value(), LocalDateTime.ofInstant(at, TestStations.HCM)), p.key(), at,
        ZoneSelection.parse(zones), p.priority());
    station.planned().add(airing);
    return airing;
  }

  /** Fires the airing on its own thread, as a Quartz worker would. */
  private void fire(PlannedAiring airing) {
    Thread t = new Thread(() -> {
      try {
        results.put(airing.key().value(), station.runner().run(airing.key(), time.clock.instant(), Trigger.SCHEDULED));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "airing-" + airing.key());
    threads.add(t);
    t.start();
  }

  private List<AiringRunRecord> runs() {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    return runs;
  }

  private AiringRunRecord run(PlannedAiringKey key) {
    return runs().stream().filter(r -> r.plannedKey().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no run for " + key + " in " + runs()));
  }

  private boolean ended(PlannedAiringKey key) {
    return runs().stream().anyMatch(r -> r.plannedKey().equals(key) && r.outcome().isPresent());
  }

  /** The follow-up planned after {@code cut} was cut off, if one was. */
  private Optional<PlannedAiring> followUp(PlannedAiring cut, FollowUp.Kind kind) {
    return station.planned().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .filter(a -> a.followUp().filter(f -> f.of().equals(cut.key()) && f.kind() == kind).isPresent())
        .findFirst();
  }

  private boolean followUpEnded(PlannedAiring cut, FollowUp.Kind kind) {
    return followUp(cut, kind).map(a -> ended(a.key())).orElse(false);
  }

  private AiringRunRecord followUpRun(PlannedAiring cut, FollowUp.Kind kind) {
    return run(followUp(cut, kind).orElseThrow(() -> new AssertionError("no " + kind + " of " + cut.key())).key());
  }

  private boolean on(int channel) {
    return board.isOn(new io.loaxa.devices.RelayChannel(channel));
  }

  @Test
  void anEmergencyCutsANormalProgrammeOffAtOnceAndTheProgrammeStartsAgainAfterIt() {
    Programme notice = programme("thong-bao", Priority.NORMAL, AfterPreemption.RESTART,
        new Segment.Gap(Duration.ofMinutes(3)));
    Programme storm = programme("bao-khan", Priority.EMERGENCY, AfterPreemption.DROP,
        new Segment.Gap(Duration.ofSeconds(40)));
    PlannedAiring normal = plan(notice, T0.plusSeconds(5), "ap-1,ap-2");
    fire(normal);
    time.runUntil(() -> on(1) && time.clock.instant().isAfter(T0.plusSeconds(35)), STEP, Duration.ofMinutes(1), threads);
    assertTrue(on(8), "the amplifier is on for the notice");

    Instant asked = time.clock.instant();
    PlannedAiring emergency = plan(storm, asked, "ap-3");
    fire(emergency);
    time.runUntil(() -> on(3), STEP, Duration.ofMinutes(1), threads);
    Duration cutAfter = Duration.between(asked, time.clock.instant());

    assertFalse(on(1) || on(2), "the notice's hamlets are off while the emergency airs to ap-3 only");
    AiringRunRecord cut = run(normal.key());
    assertEquals(Optional.of(Outcome.PREEMPTED), cut.outcome());
    assertTrue(cut.reason().contains("pre-empted by emergency " + emergency.key()), cut.reason());
    assertTrue(cutAfter.compareTo(Duration.ofMillis(500)) <= 0, "ap-3 on " + cutAfter + " after the request");

    time.runUntil(() -> ended(emergency.key()) && followUpEnded(normal, FollowUp.Kind.RESTART),
        STEP, Duration.ofMinutes(10), threads);
    AiringRunRecord aired = run(emergency.key());
    assertEquals(Optional.of(Outcome.COMPLETED), aired.outcome());
    Duration latency = Duration.between(asked, aired.startedAt().get());
    assertTrue(latency.compareTo(Duration.ofMillis(300)) <= 0,
        "the amplifier was still warm: the emergency's first sample came " + latency + " after the request, no warm-up");
    AiringRunRecord again = followUpRun(normal, FollowUp.Kind.RESTART);
    assertEquals(Optional.of(Outcome.COMPLETED), again.outcome(), again.reason());
    assertEquals(Trigger.AFTER_PREEMPTION, again.trigger());
    PlannedAiring restart = followUp(normal, FollowUp.Kind.RESTART).orElseThrow();
    assertEquals(normal.key().ruleKey(), restart.key().ruleKey(), "a follow-up keeps the rule of what it follows");
    assertEquals(Optional.of(LocalDateTime.ofInstant(restart.startsAt(), TestStations.HCM).withNano(0)),
        restart.key().localStart(), "and its key holds its own local start, as every key does");
    assertEquals(new FollowUp(normal.key(), FollowUp.Kind.RESTART, notice.key(), 1), restart.followUp().orElseThrow());
    assertTrue(again.startedAt().get().isAfter(aired.endedAt().get().minusMillis(1)), "after the emergency");
    assertEquals(3 * 60 * 44_100L, sound.plays().get(sound.plays().size() - 1).framesPlayed(),
        "the notice aired whole again");
    time.runUntil(() -> threads.stream().noneMatch(Thread::isAlive), STEP, Duration.ofMinutes(1), threads);
    assertTrue(board.allOff(), "every relay off after the last airing");
  }

  @Test
  void aPriorityAiringWaitsForTheRunningSegmentToEndAndTheRestResumes() {
    Programme bulletin = programme("ban-tin", Priority.NORMAL, AfterPreemption.RESUME,
        new Segment.Gap(Duration.ofSeconds(60)), new Segment.Gap(Duration.ofSeconds(90)),
        new Segment.Gap(Duration.ofSeconds(30)));
    Programme urgent = programme("uu-tien", Priority.PRIORITY, AfterPreemption.RESTART,
        new Segment.Gap(Duration.ofSeconds(20)));
    PlannedAiring normal = plan(bulletin, T0.plusSeconds(5), "all");
    fire(normal);
    time.runUntil(() -> time.clock.instant().isAfter(T0.plusSeconds(25)), STEP, Duration.ofMinutes(1), threads);
    PlannedAiring priority = plan(urgent, time.clock.instant(), "ap-4");
    fire(priority);

    time.runUntil(() -> followUpEnded(normal, FollowUp.Kind.RESUME), STEP, Duration.ofMinutes(10), threads);
    AiringRunRecord cut = run(normal.key());
    assertEquals(Optional.of(Outcome.PREEMPTED), cut.outcome());
    assertEquals(60 * 44_100L, sound.plays().get(0).framesPlayed(), "it ended with its first segment, not mid-segment");
    AiringRunRecord waited = run(priority.key());
    assertEquals(Optional.of(Outcome.COMPLETED), waited.outcome());
    assertEquals(cut.endedAt(), waited.startedAt(), "the priority airing went on at the segment's end, amplifier warm");
    AiringRunRecord rest = followUpRun(normal, FollowUp.Kind.RESUME);
    assertEquals(Optional.of(Outcome.COMPLETED), rest.outcome());
    assertEquals(120 * 44_100L, sound.plays().get(2).framesPlayed(), "the rest: the two segments not yet aired");
  }

  @Test
  void equalPrioritiesQueueFirstComeFirstServedAndADroppedProgrammeStaysCut() {
    Programme music = programme("ca-nhac", Priority.NORMAL, AfterPreemption.DROP, new Segment.Gap(Duration.ofMinutes(2)));
    Programme first = programme("khan-1", Priority.EMERGENCY, AfterPreemption.DROP, new Segment.Gap(Duration.ofSeconds(30)));
    Programme second = programme("khan-2", Priority.EMERGENCY, AfterPreemption.DROP, new Segment.Gap(Duration.ofSeconds(30)));
    PlannedAiring normal = plan(music, T0.plusSeconds(5), "all");
    fire(normal);
    time.runUntil(() -> time.clock.instant().isAfter(T0.plusSeconds(20)), STEP, Duration.ofMinutes(1), threads);
    PlannedAiring e1 = plan(first, time.clock.instant(), "ap-1");
    fire(e1);
    time.runUntil(() -> on(1) && !on(2), STEP, Duration.ofMinutes(1), threads);
    PlannedAiring e2 = plan(second, time.clock.instant(), "ap-2");
    fire(e2);
    time.runUntil(() -> ended(e2.key()), STEP, Duration.ofMinutes(5), threads);

    assertEquals(Optional.of(Outcome.PREEMPTED), run(normal.key()).outcome());
    AiringRunRecord r1 = run(e1.key());
    AiringRunRecord r2 = run(e2.key());
    assertEquals(Optional.of(Outcome.COMPLETED), r1.outcome(), "an equal priority does not cut the first emergency off");
    assertEquals(Optional.of(Outcome.COMPLETED), r2.outcome());
    assertEquals(30 * 44_100L, sound.plays().get(1).framesPlayed(), "the first emergency aired whole");
    assertFalse(r2.startedAt().get().isBefore(r1.endedAt().get()), "the second waited for the first");
    time.runUntil(() -> threads.stream().noneMatch(Thread::isAlive), STEP, Duration.ofMinutes(1), threads);
    assertTrue(runs().stream().noneMatch(r -> r.trigger() == Trigger.AFTER_PREEMPTION), "a dropped programme is not aired again: "
        + runs().stream().map(AiringRunRecord::plannedKey).collect(Collectors.toList()));
    assertTrue(followUp(normal, FollowUp.Kind.RESUME).isEmpty() && followUp(normal, FollowUp.Kind.RESTART).isEmpty(),
        "nothing is planned after a dropped programme");
    assertTrue(board.allOff());
  }

  @Test
  void aProgrammeLongerThanItsMaximumIsCutThereSoNothingHoldsTheAirForever() throws Exception {
    Programme p = new Programme(new ProgrammeKey("dai"), "Quá dài", Category.INFORMATION, Priority.NORMAL,
        List.of(new Segment.Gap(Duration.ofMinutes(3))), Duration.ofMinutes(1), Optional.of(Duration.ofMinutes(1)));
    station.programmes().put(p);
    PlannedAiring airing = plan(p, T0.plusSeconds(5), "ap-1");
    fire(airing);
    time.runUntil(() -> ended(airing.key()), STEP, Duration.ofMinutes(5), threads);
    AiringRunRecord r = run(airing.key());
    assertEquals(Optional.of(Outcome.COMPLETED), r.outcome());
    assertEquals(60 * 44_100L, sound.plays().get(0).framesPlayed(), "cut at one minute");
    assertTrue(r.reason().contains("maximum duration"), r.reason());
  }

  @Test
  void theOperatorCancelsTheEmergencyOnAirAndItsRepeatsAndTheInterruptedProgrammeComesBack() {
    Programme notice = programme("thong-bao", Priority.NORMAL, AfterPreemption.RESTART, new Segment.Gap(Duration.ofMinutes(1)));
    Programme storm = programme("bao-khan", Priority.EMERGENCY, AfterPreemption.DROP, new Segment.Gap(Duration.ofMinutes(5)));
    PlannedAiring normal = plan(notice, T0.plusSeconds(5), "all");
    fire(normal);
    time.runUntil(() -> time.clock.instant().isAfter(T0.plusSeconds(20)), STEP, Duration.ofMinutes(1), threads);
    Instant now = time.clock.instant();
    PlannedAiring e1 = new PlannedAiring(PlannedAiringKey.of("khan-x", LocalDateTime.ofInstant(now, TestStations.HCM)),
        storm.key(), now, ZoneSelection.parse("all"), Priority.EMERGENCY);
    PlannedAiring e2 = new PlannedAiring(PlannedAiringKey.of("khan-x", LocalDateTime.ofInstant(now.plusSeconds(1800), TestStations.HCM)),
        storm.key(), now.plusSeconds(1800), ZoneSelection.parse("all"), Priority.EMERGENCY);
    station.planned().add(e1);
    station.planned().add(e2);
    fire(e1);
    time.runUntil(() -> station.runner().onAirNow().equals(Optional.of(e1.key()))
        && time.clock.instant().isAfter(now.plusSeconds(30)), STEP, Duration.ofMinutes(1), threads);

    assertEquals(2, station.runner().cancel("khan-x", "cancelled by the operator"));
    time.runUntil(() -> followUpEnded(normal, FollowUp.Kind.RESTART), STEP, Duration.ofMinutes(5), threads);
    AiringRunRecord onAir = run(e1.key());
    assertEquals(Optional.of(Outcome.SKIPPED), onAir.outcome());
    assertTrue(onAir.reason().startsWith("cancelled by the operator after"), onAir.reason());
    assertEquals(Optional.of(Outcome.SKIPPED), run(e2.key()).outcome());
    assertEquals(Optional.of(Outcome.COMPLETED), followUpRun(normal, FollowUp.Kind.RESTART).outcome());
  }

  @Test
  void cancellingASeriesStopsItsFollowUpOnAirAndSkipsItsLaterRepeats() {
    Programme notice = programme("thong-bao", Priority.NORMAL, AfterPreemption.RESTART, new Segment.Gap(Duration.ofMinutes(3)));
    Programme storm = programme("bao-khan", Priority.EMERGENCY, AfterPreemption.DROP, new Segment.Gap(Duration.ofSeconds(30)));
    PlannedAiring first = plan(notice, T0.plusSeconds(5), "all");
    PlannedAiring repeat = plan(notice, T0.plus(Duration.ofHours(1)), "all");
    fire(first);
    time.runUntil(() -> time.clock.instant().isAfter(T0.plusSeconds(30)), STEP, Duration.ofMinutes(1), threads);
    fire(plan(storm, time.clock.instant(), "ap-3"));
    time.runUntil(() -> followUp(first, FollowUp.Kind.RESTART)
            .map(f -> station.runner().onAirNow().equals(Optional.of(f.key()))).orElse(false),
        STEP, Duration.ofMinutes(5), threads);
    PlannedAiring restart = followUp(first, FollowUp.Kind.RESTART).orElseThrow();
    time.runUntil(() -> time.clock.instant().isAfter(restart.startsAt().plusSeconds(20)), STEP, Duration.ofMinutes(1), threads);

    assertEquals(2, station.runner().cancel("thong-bao", "cancelled by the operator"),
        "the follow-up on air and the repeat an hour later");
    time.runUntil(() -> ended(restart.key()) && station.runner().onAirNow().isEmpty(), STEP, Duration.ofMinutes(1), threads);
    AiringRunRecord stopped = run(restart.key());
    assertEquals(Optional.of(Outcome.SKIPPED), stopped.outcome(), stopped.reason());
    assertTrue(stopped.reason().startsWith("cancelled by the operator after"), stopped.reason());
    assertTrue(sound.plays().get(sound.plays().size() - 1).framesPlayed() < 60 * 44_100L, "it stopped, not aired whole");
    assertEquals(Optional.of(Outcome.SKIPPED), run(repeat.key()).outcome(), "the repeat is skipped too");
    time.runUntil(() -> threads.stream().noneMatch(Thread::isAlive), STEP, Duration.ofMinutes(1), threads);
    assertTrue(followUp(restart, FollowUp.Kind.RESTART).isEmpty(), "a cancelled follow-up is not followed up again");
    assertTrue(board.allOff(), "every relay off after the cancel");
  }
}
