package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.ScheduleStore;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.schedules.DemoSchedule;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule in the station database: import all or nothing, planning ahead without duplicates, CCHC make-ups. */
class SchedulePlannerTest {
  /** Monday 2 March 2026, 17:00 in Vietnam. */
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir
  Path data;

  private Station station(MutableClock clock) throws Exception {
    return TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance), Duration.ofSeconds(2));
  }

  private static List<PlannedAiring> week(Station station) {
    Instant now = station.clock().instant();
    return station.planned().between(now, now.plus(Duration.ofDays(8)));
  }

  /** A planner for the station, which has the demo schedule imported. */
  private static SchedulePlanner withDemoSchedule(Station station) throws Exception {
    SchedulePlanner planner = station.planner();
    planner.importText(DemoSchedule.text(), DemoSchedule.FILE);
    return planner;
  }

  /** What a failed import must leave as it was: the stored schedule and the coming week's airings. */
  private record Grid(ScheduleStore.Stored schedule, List<PlannedAiring> planned) {
    static Grid of(Station station) {
      return new Grid(station.schedule().current().orElseThrow(), week(station));
    }
  }

  @Test
  void importingTheDemoSchedulePlansItsNextSevenDaysWithTheSchedulesOwnKeys() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = station.planner();
      SchedulePlanner.Imported done = planner.importText(DemoSchedule.text(), DemoSchedule.FILE);
      assertEquals(12, done.programmes());
      assertEquals(13, done.rules());
      List<PlannedAiring> expected = Expansion.plan(planner.current().orElseThrow(), planner.facts(), LocalDate.of(2026, 3, 2),
          LocalDate.of(2026, 3, 9)).stream().filter(a -> !a.startsAt().isBefore(T0)).toList();
      assertEquals(expected.size(), done.planned());
      assertEquals(expected.stream().map(PlannedAiring::key).toList(), week(station).stream().map(PlannedAiring::key).toList());
      // the CCHC airing of the month carries its topic into the store, for the runner to fill in
      PlannedAiring cchc = station.planned().find(PlannedAiringKey.of("cchc-thang", LocalDateTime.of(2026, 3, 2, 18, 35))).orElseThrow();
      assertEquals(Optional.of("dich-vu-cong-truc-tuyen"), cchc.topic());
      // chimes before and after are stored as segments, so the runner plays them
      assertEquals("chime: default", io.loaxa.schedules.SegmentText.format(station.programmes()
          .find(new io.loaxa.schedules.ProgrammeKey("cchc-thang")).orElseThrow().segments()).lines().findFirst().orElseThrow());
    }
  }

  @Test
  void planningAgainAndImportingTheSameFileAgainNeverDuplicateAnAiring() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      List<PlannedAiring> first = week(station);
      assertEquals(0, planner.planAhead());
      planner.importText(DemoSchedule.text(), DemoSchedule.FILE);
      assertEquals(first, week(station));
      // a day later the planner adds only the new eighth day
      clock.advance(Duration.ofDays(1));
      int added = planner.planAhead();
      assertTrue(added > 5 && added < 15, "one more day: " + added);
    }
  }

  @Test
  void aScheduleWithProblemsLeavesTheOldScheduleAndItsPlannedAiringsUntouched() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      Grid before = Grid.of(station);
      String broken = DemoSchedule.text().replace("at: \"18:35\"", "at: \"18:95\"").replace("zones: khu-trung-tam", "zones: [ap-1, ap-9]");
      SourceException e = assertThrows(SourceException.class, () -> planner.importText(broken, "broken.yaml"));
      assertEquals(2, e.problems().size(), e.getMessage());
      assertTrue(e.getMessage().contains("broken.yaml:"), e.getMessage());
      assertEquals(before, Grid.of(station));
    }
  }

  @Test
  void aDatabaseFailureHalfwayThroughAnImportRollsEverythingBack() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      Grid before = Grid.of(station);
      // the store fails on the last planned airing it writes: after the schedule, the programmes and the deletions
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
           Statement s = c.createStatement()) {
        s.execute("CREATE TRIGGER fail_import BEFORE INSERT ON planned_airings WHEN NEW.key LIKE 'tin-moi%'"
            + " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
      }
      String changed = DemoSchedule.text().replace("airings:\n", "airings:\n  - { key: tin-moi, programme: phap-luat, zones: all, at: \"20:00\" }\n");
      StoreException e = assertThrows(StoreException.class, () -> planner.importText(changed, "changed.yaml"));
      assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
      assertEquals(before, Grid.of(station));
    }
  }

  @Test
  void importingANewGridRemovesTheOldGridsFutureAiringsButNotWhatAlreadyAired() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      PlannedAiringKey bulletin = PlannedAiringKey.of("ban-tin-xa", LocalDateTime.of(2026, 3, 2, 17, 30));
      clock.advance(Duration.ofMinutes(29)); // 17:29: the runner airs the bulletin
      assertTrue(station.runner().run(bulletin, clock.instant(), Trigger.SCHEDULED).isPresent());
      String withoutBulletin = DemoSchedule.text().replace("days: [MO, WE, FR]", "days: [FR]");
      planner.importText(withoutBulletin, "lich-moi.yaml");
      assertTrue(station.planned().find(bulletin).isPresent(), "what aired keeps its planned airing");
      assertTrue(station.planned().find(PlannedAiringKey.of("ban-tin-xa", LocalDateTime.of(2026, 3, 4, 17, 30))).isEmpty());
      assertTrue(station.planned().find(PlannedAiringKey.of("ban-tin-xa", LocalDateTime.of(2026, 3, 6, 17, 30))).isPresent());
      assertEquals("lich-moi.yaml", station.schedule().current().orElseThrow().source());
    }
  }

  @Test
  void whenTheMonthsCchcAiringDidNotAirThePlannerPlansAMakeUpTheSameMonth() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      // the station was off on Monday evening; Tuesday 3 March, 08:00
      clock.set(Instant.parse("2026-03-03T01:00:00Z"));
      planner.planAhead();
      // this station sets no peak windows, so the make-up goes in the hour after the rule's own time
      PlannedAiring makeUp = station.planned().find(new PlannedAiringKey("cchc-thang~makeup@2026-03-03T18:35:00")).orElseThrow();
      assertEquals(Optional.of("dich-vu-cong-truc-tuyen"), makeUp.topic());
      assertTrue(makeUp.note().orElseThrow().contains("did not air"), makeUp.note().toString());
      int again = planner.planAhead();
      assertEquals(0, again, "one make-up, not one per planning round");
    }
  }

  @Test
  void aScheduleImportedAfterTheMonthsCchcTimeWaitsForNextMonthInsteadOfAMakeUp() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-03T01:00:00Z"));
    try (Station station = station(clock)) {
      SchedulePlanner planner = withDemoSchedule(station);
      planner.planAhead();
      assertTrue(station.planned().between(clock.instant(), clock.instant().plus(Duration.ofDays(28))).stream()
          .noneMatch(a -> a.ruleKey().endsWith("~makeup")), "nothing was meant to air on 2 March here");
    }
  }
}
