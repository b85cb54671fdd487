package io.loaxa.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The station's day and second of day worked out from epoch seconds agree with java.time's, summer time included. */
class LocalSecondsTest {
  private static void agreesWithJavaTime(ZoneId zone, String from, String to, int step) {
    Instant start = Instant.parse(from);
    Instant end = Instant.parse(to);
    LocalSeconds local = new LocalSeconds(zone, start, end);
    // from a day before the span to a day after it: the moments outside ask the zone's rules
    for (long s = start.getEpochSecond() - 86_400; s < end.getEpochSecond() + 86_400; s += step) {
      LocalDateTime expected = LocalDateTime.ofEpochSecond(s, 0, zone.getRules().getOffset(Instant.ofEpochSecond(s)));
      long l = local.local(s);
      assertEquals(expected.toLocalDate().toEpochDay(), LocalSeconds.epochDay(l), "day at " + Instant.ofEpochSecond(s));
      assertEquals(expected.toLocalTime().toSecondOfDay(), LocalSeconds.secondOfDay(l),
          "time of day at " + Instant.ofEpochSecond(s) + " (" + expected + ")");
    }
  }

  @Test
  void aParisYearIsRightOnEitherSideOfBothClockChanges() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    // 2024-03-31 02:00 → 03:00 and 2024-10-27 03:00 → 02:00, local; every 7 minutes and 13 seconds
    agreesWithJavaTime(paris, "2023-12-31T23:00:00Z", "2024-12-31T23:00:00Z", 433);
  }

  @Test
  void theSecondsAroundTheSpringChangeInParisFallOnTheRightHour() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    agreesWithJavaTime(paris, "2024-03-31T00:00:00Z", "2024-04-01T00:00:00Z", 1);
    LocalSeconds local = new LocalSeconds(paris, Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-04-30T00:00:00Z"));
    long before = Instant.parse("2024-03-31T00:59:59Z").getEpochSecond();
    assertEquals(3600 + 3599, LocalSeconds.secondOfDay(local.local(before)), "01:59:59 winter time");
    assertEquals(3 * 3600, LocalSeconds.secondOfDay(local.local(before + 1)), "03:00:00 summer time");
  }

  @Test
  void theAutumnChangeInParisGivesTheHourTwice() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    agreesWithJavaTime(paris, "2024-10-26T22:00:00Z", "2024-10-27T04:00:00Z", 1);
    LocalSeconds local = new LocalSeconds(paris, Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-11-01T00:00:00Z"));
    long first = Instant.parse("2024-10-27T00:30:00Z").getEpochSecond();
    long second = Instant.parse("2024-10-27T01:30:00Z").getEpochSecond();
    assertEquals(LocalSeconds.secondOfDay(local.local(first)), LocalSeconds.secondOfDay(local.local(second)),
        "02:30 summer time, then 02:30 winter time");
  }

  @Test
  void vietnamAndAZoneOfManyHistoricChangesAgreeToo() {
    agreesWithJavaTime(ZoneId.of("Asia/Ho_Chi_Minh"), "2023-12-31T17:00:00Z", "2024-12-31T17:00:00Z", 997);
    // Saigon changed its offset several times before 1975: a span across one of them
    agreesWithJavaTime(ZoneId.of("Asia/Ho_Chi_Minh"), "1959-06-01T00:00:00Z", "1960-06-30T00:00:00Z", 3607);
    agreesWithJavaTime(ZoneId.of("America/Sao_Paulo"), "2018-01-01T00:00:00Z", "2019-12-31T00:00:00Z", 3607);
  }
}
