package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConflictsTest {
  private static final List<ZoneKey> ZONES = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"), new ZoneKey("ap-3"));

  private static PlannedAiring airing(String rule, int hour, int minute, ZoneSelection zones, Priority p, String programme) {
    LocalDateTime local = LocalDate.of(2026, 3, 2).atTime(hour, minute);
    return new PlannedAiring(PlannedAiringKey.of(rule, local), new ProgrammeKey(programme), Expansion.instant(local, StationFacts.VIETNAM), zones, p);
  }

  @Test
  void twoSamePriorityAiringsOnOneHamletAtOnceConflictOnlyOnTheSharedHamlets() {
    PlannedAiring a = airing("a", 6, 0, ZoneSelection.of(List.of(ZONES.get(0), ZONES.get(1))), Priority.NORMAL, "dai");
    PlannedAiring b = airing("b", 6, 20, ZoneSelection.of(List.of(ZONES.get(1), ZONES.get(2))), Priority.NORMAL, "ngan");
    PlannedAiring c = airing("c", 6, 30, ZoneSelection.everyZone(), Priority.NORMAL, "ngan");
    PlannedAiring urgent = airing("d", 6, 5, ZoneSelection.everyZone(), Priority.EMERGENCY, "ngan");
    Map<ProgrammeKey, Duration> lengths = Map.of(new ProgrammeKey("dai"), Duration.ofMinutes(30), new ProgrammeKey("ngan"), Duration.ofMinutes(10));
    List<Conflict> found = Conflicts.find(List.of(c, urgent, b, a), lengths::get, ZONES);
    // a 06:00-06:30 overlaps b 06:20-06:30 on ap-2; c starts as a ends and after b ends; the emergency pre-empts
    assertEquals(List.of(new Conflict(a, b, List.of(ZONES.get(1)))), found);
  }

  @Test
  void theSweepFindsExactlyThePairsABruteForceComparisonFinds() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<PlannedAiring> airings = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Set<ZoneKey> zones = new TreeSet<>();
        zones.add(ZONES.get(random.nextInt(3)));
        ZoneSelection sel = random.nextInt(4) == 0 ? ZoneSelection.everyZone() : ZoneSelection.of(zones);
        airings.add(airing("r" + i, random.nextInt(4) + 5, random.nextInt(60), sel, Priority.values()[random.nextInt(2)], "p" + random.nextInt(3)));
      }
      Map<ProgrammeKey, Duration> lengths = Map.of(new ProgrammeKey("p0"), Duration.ofMinutes(5), new ProgrammeKey("p1"), Duration.ofMinutes(20),
          new ProgrammeKey("p2"), Duration.ofMinutes(45));
      Set<String> expected = new TreeSet<>();
      for (PlannedAiring x : airings) {
        for (PlannedAiring y : airings) {
          Instant xe = x.startsAt().plus(lengths.get(x.programme()));
          Instant ye = y.startsAt().plus(lengths.get(y.programme()));
          boolean before = x.startsAt().isBefore(y.startsAt()) || (x.startsAt().equals(y.startsAt()) && x.key().value().compareTo(y.key().value()) < 0);
          Set<ZoneKey> shared = new TreeSet<>(x.zones().resolve(ZONES));
          shared.retainAll(y.zones().resolve(ZONES));
          if (before && x.priority() == y.priority() && !shared.isEmpty() && x.startsAt().isBefore(ye) && y.startsAt().isBefore(xe)) {
            expected.add(x.key() + "|" + y.key() + "|" + shared);
          }
        }
      }
      Set<String> actual = new TreeSet<>();
      for (Conflict c : Conflicts.find(airings, lengths::get, ZONES)) {
        actual.add(c.first().key() + "|" + c.second().key() + "|" + new TreeSet<>(c.zones()));
      }
      assertEquals(expected, actual, "round " + round);
    }
  }

  @Test
  void theQuietHoursWeekendAndSessionLimitsCatchNormalAiringsButNeverEmergencies() {
    StationFacts station = StationFacts.of(StationFacts.VIETNAM, ZONES).withPolicy(new AirtimePolicy(java.util.Optional.of(Duration.ofMinutes(60)),
        Duration.ofMinutes(15), List.of(TimeWindow.parse("21:30-05:00").orElseThrow()), true));
    LocalDateTime saturday = LocalDate.of(2026, 3, 7).atTime(22, 0);
    PlannedAiring night = new PlannedAiring(PlannedAiringKey.of("dem", saturday), new ProgrammeKey("p"),
        Expansion.instant(saturday, StationFacts.VIETNAM), ZoneSelection.everyZone(), Priority.NORMAL);
    PlannedAiring storm = new PlannedAiring(PlannedAiringKey.of("bao", saturday), new ProgrammeKey("p"),
        Expansion.instant(saturday, StationFacts.VIETNAM), ZoneSelection.everyZone(), Priority.EMERGENCY);
    List<PlannedAiring> session = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // 17:00, 17:25, 17:50, 18:15, 20 minutes each, 5-minute breaks: one session of 95 minutes
      LocalDateTime t = LocalDate.of(2026, 3, 2).atTime(LocalTime.of(17, 0).plusMinutes(25L * i));
      session.add(new PlannedAiring(PlannedAiringKey.of("s" + i, t), new ProgrammeKey("p"), Expansion.instant(t, StationFacts.VIETNAM),
          ZoneSelection.of(List.of(ZONES.get(0))), Priority.NORMAL));
    }
    List<PlannedAiring> all = new ArrayList<>(session);
    all.add(night);
    all.add(storm);
    List<String> found = AirtimeChecks.check(all, k -> Duration.ofMinutes(20), station).stream()
        .map(v -> v.airing().key() + " " + v.kind() + ": " + v.reason()).toList();
    assertEquals(List.of(
        "s2@2026-03-02T17:50:00 SESSION_LENGTH: làm thành một buổi liền 70 phút trên ap-1 từ 2026-03-02 17:00, quá mức 60 phút"
            + " của quy định (makes a session of 70 min on ap-1 from 2026-03-02 17:00, over the policy's 60 min)",
        "dem@2026-03-07T22:00:00 QUIET_HOURS: phát 2026-03-07 22:00-22:20 trong giờ yên tĩnh 21:30-05:00 (quy định của đài; chỉ buổi"
            + " phát EMERGENCY mới được phát) (airs 2026-03-07 22:00-22:20 inside quiet hours 21:30-05:00 [station policy; only EMERGENCY"
            + " airings may])",
        "dem@2026-03-07T22:00:00 WEEKEND: phát vào thứ Bảy 2026-03-07 trong khi quy định của đài không phát cuối tuần (airs on Saturday"
            + " 2026-03-07 and the station policy says no weekends)"), found);
  }
}
