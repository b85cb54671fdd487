package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The airing log the log's tests read, made by airing through the runner on the rig's mutable
 * clock: the morning chime to every hamlet on 1–12 December 2026, the CCHC programme to ap-1 and
 * ap-2 on the odd evenings at 18:15, and one chime to ap-3 fired ten minutes late on the 12th and
 * missed. The clock is left on Monday 14 December at 09:00, station time.
 */
final class TwelveDecemberDays {
  static final ProgrammeKey CCHC = new ProgrammeKey("cchc-thang");
  static final Instant DEC_1 = LocalDate.of(2026, 12, 1).atStartOfDay(TestStations.HCM).toInstant();
  static final Instant DEC_15 = LocalDate.of(2026, 12, 15).atStartOfDay(TestStations.HCM).toInstant();
  static final int RUNS = 12 + 6 + 1;

  private TwelveDecemberDays() {}

  /** Airs the twelve days on {@code rig}'s station; returns the log's runs in planned order. */
  static List<AiringRunRecord> air(ApiRig rig) throws Exception {
    rig.station.programmes().put(new Programme(CCHC, "Chuyên mục cải cách hành chính", Category.CCHC, Priority.NORMAL,
        List.of(new Segment.Chime("default")), Duration.ofMinutes(2), Optional.empty()));
    for (int day = 1; day <= 12; day++) {
      String date = String.format("2026-12-%02d", day);
      assertEquals(Optional.of(Outcome.COMPLETED), rig.air(TestStations.CHIME, date + "T06:00:00", "all", Duration.ZERO));
      if (day % 2 == 1) {
        assertEquals(Optional.of(Outcome.COMPLETED), rig.air(CCHC, date + "T18:15:00", "ap-1,ap-2", Duration.ZERO));
      }
    }
    assertEquals(Optional.of(Outcome.MISSED), rig.air(TestStations.CHIME, "2026-12-12T19:00:00", "ap-3",
        Duration.ofMinutes(10)));
    rig.clock.set(LocalDate.of(2026, 12, 14).atTime(9, 0).atZone(TestStations.HCM).toInstant());
    List<AiringRunRecord> log = rig.runs(DEC_1, DEC_15);
    assertEquals(RUNS, log.size());
    return log;
  }
}
