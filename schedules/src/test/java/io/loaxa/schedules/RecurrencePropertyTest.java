package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.schedules.ical.RecurrenceRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The schedule's own expansion against lib-recur's reading of the same rules as RFC 5545 RRULEs. */
class RecurrencePropertyTest {
  private static final List<ZoneKey> ZONES = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"), new ZoneKey("ap-3"));

  @Test
  void everyRandomRuleAirsExactlyWhenItsRruleSaysSo() {
    int compared = 0;
    int empty = 0;
    for (long seed = 1; seed <= 600; seed++) {
      RandomSchedules random = new RandomSchedules(seed, ZONES);
      Random r = new Random(seed * 31);
      ProgrammeKey p = new ProgrammeKey("ct");
      AiringRule rule = random.rule("lich", p, List.of(p));
      rule = new AiringRule(rule.key(), p, rule.zones(), rule.times(), rule.recurrence(), rule.from(), rule.until(), rule.except(),
          List.of(), rule.priority(), false, List.of());
      Schedule schedule = new Schedule(1, java.util.Map.of(), List.of(random.programme(p)), List.of(rule));
      LocalDate first = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(1500));
      LocalDate end = first.plusDays(1 + r.nextInt(500));
      StationFacts station = StationFacts.of(ZoneId.of("Asia/Ho_Chi_Minh"), ZONES);

      List<LocalDateTime> ours = Expansion.plan(schedule, station, first, end).stream()
          .map(a -> a.key().localStart().orElseThrow()).sorted().toList();
      List<LocalDateTime> library = RecurrenceRules.instances(rule, first, end);

      assertEquals(library, ours, "seed " + seed + ": " + rule + " from " + first + " to " + end
          + " (RRULE " + RecurrenceRules.rrule(rule, station.timeZone()).orElse("none") + ")");
      compared += ours.size();
      empty += ours.isEmpty() ? 1 : 0;
    }
    // the property says something only if most rules air in their window and some do not
    assertEquals(true, compared > 20_000, "airings compared: " + compared);
    assertEquals(true, empty > 10 && empty < 300, "rules without airings: " + empty);
  }

  @Test
  void plannedInstantsAreTheLocalStartsInTheStationZoneEvenAcrossDaylightSaving() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    for (long seed = 1; seed <= 100; seed++) {
      RandomSchedules random = new RandomSchedules(seed, ZONES);
      Schedule schedule = random.schedule(3, 5);
      StationFacts station = StationFacts.of(berlin, ZONES).withCchcTopics(List.of("x", "y"));
      for (PlannedAiring a : Expansion.plan(schedule, station, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 1))) {
        LocalDateTime local = a.key().localStart().orElseThrow();
        assertEquals(local.atZone(berlin).toInstant(), a.startsAt(), a.key().value());
      }
    }
  }

  @Test
  void rotatingRulesCarryTheTopicOfTheirMonthAndOthersNone() {
    RandomSchedules random = new RandomSchedules(7, ZONES);
    Schedule schedule = random.schedule(4, 40);
    StationFacts station = StationFacts.of(StationFacts.VIETNAM, ZONES).withCchcTopics(List.of("t1", "t2", "t3", "t4"));
    for (PlannedAiring a : Expansion.plan(schedule, station, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))) {
      AiringRule rule = schedule.rule(a.ruleKey()).orElseThrow();
      Optional<String> expected = Expansion.topicFor(rule, station, java.time.YearMonth.from(a.key().localStart().orElseThrow()));
      assertEquals(expected, a.topic(), a.key().value());
      assertEquals(rule.rotateTopics(), a.topic().isPresent(), a.key().value());
    }
  }
}
