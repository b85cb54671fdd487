package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.yaml.ScheduleFile;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonthlyCchcTest {
  private static final StationFacts STATION = StationFacts.demo();

  private static Schedule demo() throws Exception {
    return ScheduleFile.read(DemoSchedule.text(), DemoSchedule.FILE, STATION, CheckOptions.from(LocalDate.of(2026, 1, 1)));
  }

  private static List<PlannedAiring> march(Schedule s) {
    return Expansion.plan(s, STATION, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
  }

  @Test
  void aMonthWhoseCchcAiringAiredNeedsNoMakeUp() throws Exception {
    Schedule s = demo();
    PlannedAiringKey aired = PlannedAiringKey.of("cchc-thang", LocalDateTime.of(2026, 3, 2, 18, 35));
    assertEquals(List.of(), MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(aired),
        LocalDateTime.of(2026, 3, 3, 8, 0), march(s)));
  }

  @Test
  void noMakeUpIsPlannedWhileTheMonthsAiringIsStillToCome() throws Exception {
    Schedule s = demo();
    assertEquals(List.of(), MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(), LocalDateTime.of(2026, 3, 2, 12, 0), march(s)));
  }

  @Test
  void aMissedCchcAiringGetsAMakeUpInTheNextFreePeakSlotOfTheSameMonthWithTheSameTopic() throws Exception {
    Schedule s = demo();
    // the station was down on Monday evening 2 March; it is Tuesday 3 March, 08:00
    List<MakeUp> makeUps = MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(PlannedAiringKey.of("thoi-su-vov",
        LocalDateTime.of(2026, 3, 2, 18, 0))), LocalDateTime.of(2026, 3, 3, 8, 0), march(s));
    assertEquals(1, makeUps.size());
    MakeUp m = makeUps.get(0);
    PlannedAiring a = m.airing().orElseThrow();
    // Tuesday's evening peak window 17:30-19:00: van-nghe holds 17:30-17:45 and the VOV relay 18:00-18:30, so the
    // first clear 15 minutes are 17:45-18:00
    assertEquals("cchc-thang~makeup@2026-03-03T17:45:00", a.key().value());
    assertTrue(a.zones().all());
    assertEquals(Expansion.topicFor(s.rule("cchc-thang").orElseThrow(), STATION, YearMonth.of(2026, 3)), a.topic());
    assertEquals("CCHC cchc-thang for 2026-03 did not air (planned 2026-03-02 18:35); make-up planned 2026-03-03 17:45 "
        + "in peak window 17:30-19:00, topic dich-vu-cong-truc-tuyen", m.message());
    assertEquals(Optional.of(m.message()), a.note());
  }

  @Test
  void aMakeUpThatAiredSatisfiesTheMonthAndOneStillPlannedIsNotPlannedTwice() throws Exception {
    Schedule s = demo();
    PlannedAiringKey makeUpKey = PlannedAiringKey.of("cchc-thang" + MonthlyCchc.MAKE_UP_SUFFIX, LocalDateTime.of(2026, 3, 3, 17, 45));
    assertEquals(List.of(), MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(makeUpKey), LocalDateTime.of(2026, 3, 4, 8, 0), march(s)));
    PlannedAiring planned = MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(), LocalDateTime.of(2026, 3, 3, 8, 0), march(s))
        .get(0).airing().orElseThrow();
    List<PlannedAiring> withMakeUp = new java.util.ArrayList<>(march(s));
    withMakeUp.add(planned);
    assertEquals(List.of(), MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(), LocalDateTime.of(2026, 3, 3, 9, 0), withMakeUp));
  }

  @Test
  void whenTheMonthHasNoPeakWindowLeftTheOperatorIsToldSo() throws Exception {
    Schedule s = demo();
    List<MakeUp> late = MonthlyCchc.makeUps(s, STATION, YearMonth.of(2026, 3), Set.of(), LocalDateTime.of(2026, 3, 31, 19, 0), march(s));
    assertEquals(1, late.size());
    assertEquals(Optional.empty(), late.get(0).airing());
    assertEquals("CCHC cchc-thang for 2026-03 did not air (planned 2026-03-02 18:35); no peak window is left in 2026-03 for a make-up",
        late.get(0).message());
  }

  @Test
  void consecutiveMonthsAlwaysGetDifferentTopicsWhateverTheirNumber() {
    for (int n = 2; n <= 13; n++) {
      List<String> topics = java.util.stream.IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
      AiringRule rule = new AiringRule("cchc", new ProgrammeKey("cchc"), new ZoneChoice.All(), List.of(java.time.LocalTime.of(18, 0)),
          new Recurrence.MonthlyWeekday(1, java.time.DayOfWeek.MONDAY), Optional.empty(), Optional.empty(), List.of(), List.of(),
          Optional.empty(), true, topics);
      for (YearMonth m = YearMonth.of(2025, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
        Optional<String> now = Expansion.topicFor(rule, STATION, m);
        Optional<String> next = Expansion.topicFor(rule, STATION, m.plusMonths(1));
        assertTrue(now.isPresent() && !now.equals(next), n + " topics, " + m);
      }
    }
  }
}
