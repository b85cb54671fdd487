package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The log's moments read by hand agree with java.time, leap days and the turn of centuries included. */
class DatabaseInstantTest {
  @Test
  void countsTheDaysSince1970AsJavaTimeDoes() {
    for (LocalDate d = LocalDate.of(1600, 1, 1); d.isBefore(LocalDate.of(2401, 1, 1)); d = d.plusDays(1)) {
      assertEquals(d.toEpochDay(), Database.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
    }
  }

  @Test
  void readsWhatTheLogWritesAsInstantDoes() {
    for (String text : new String[] {"2024-02-29T23:59:59Z", "2024-03-01T00:00:00.250Z", "2000-02-29T12:00:00Z",
        "1970-01-01T00:00:00Z", "2100-12-31T16:59:59.999Z"}) {
      assertEquals(Instant.parse(text), Database.instant(text), text);
      assertEquals(Instant.parse(text), Database.instant(text.getBytes(StandardCharsets.US_ASCII)), "bytes " + text);
    }
    assertEquals(Instant.parse("2024-03-01T05:30:00.123456Z"),
        Database.instant("2024-03-01T05:30:00.123456Z".getBytes(StandardCharsets.US_ASCII)), "any other ISO instant");
  }

  @Test
  void aDayTheMonthDoesNotHaveIsRefused() {
    assertThrows(DateTimeParseException.class, () -> Database.instant("2023-02-29T05:30:00Z"));
    assertThrows(DateTimeParseException.class, () -> Database.instant("2100-02-29T05:30:00Z"));
    assertThrows(DateTimeParseException.class, () -> Database.instant("2024-04-31T05:30:00Z"));
    assertThrows(DateTimeParseException.class,
        () -> Database.instant("2023-02-29T05:30:00Z".getBytes(StandardCharsets.US_ASCII)));
  }
}
