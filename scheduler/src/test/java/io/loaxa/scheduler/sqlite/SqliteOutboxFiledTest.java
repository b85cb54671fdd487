package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.uplink.OutboxRow;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox in a real SQLite file against the hub's filed acks: a row the broker took is done only
 * when the hub filed it; one left unfiled past the resend delay goes again in seq order, never
 * before the delay and never on a hub that has not filed a row yet.
 */
class SqliteOutboxFiledTest {
  private static final Duration DELAY = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
  private Database db;
  private SqliteOutbox outbox;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    outbox = new SqliteOutbox(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Long> unsentSeqs() {
    return outbox.unsent(100).stream().map(OutboxRow::seq).toList();
  }

  /** Adds {@code n} health rows and sends them all (the broker acknowledged each). */
  private void addAndSend(int n) {
    for (int i = 0; i < n; i++) {
      outbox.add(OutboxRow.Kind.HEALTH, "{\"n\":" + i + "}");
    }
    for (OutboxRow r : outbox.unsent(100)) {
      outbox.attempted(r.seq());
      outbox.sent(r.seq(), clock.instant());
    }
  }

  private int resendDue() {
    return outbox.resendUnfiled(clock.instant().minus(DELAY));
  }

  @Test
  void rowsTheHubDidNotFileGoAgainInSeqOrderAfterTheDelay() {
    addAndSend(2);
    outbox.filed(List.of(1L, 2L), clock.instant());
    addAndSend(4); // seqs 3..6: the broker took them, then lost its memory
    outbox.filed(List.of(4L), clock.instant()); // the one the broker had saved
    assertEquals(3, outbox.unfiled(), "3, 5 and 6 unfiled");
    clock.advance(DELAY.minusSeconds(1));
    assertEquals(0, resendDue(), "not before the delay");
    assertEquals(List.of(), unsentSeqs());
    clock.advance(Duration.ofSeconds(2));
    outbox.add(OutboxRow.Kind.HEALTH, "{\"n\":7}");
    assertEquals(3, resendDue());
    assertEquals(List.of(3L, 5L, 6L, 7L), unsentSeqs(), "the resends go first, in seq order, then what is new");
    assertEquals(4, outbox.waiting());
  }

  @Test
  void aFiledAckDoneWithARowThatWentAgainBeforeItCame() {
    addAndSend(1);
    outbox.filed(List.of(1L), clock.instant());
    addAndSend(1);
    clock.advance(DELAY.plusSeconds(1));
    assertEquals(1, resendDue());
    assertEquals(List.of(2L), unsentSeqs());
    outbox.filed(List.of(2L, 2L, 99L), clock.instant()); // a late ack, twice, and a seq this outbox never had
    assertEquals(List.of(), unsentSeqs(), "filed rows are not sent again");
    assertEquals(0, outbox.waiting());
    assertEquals(0, outbox.unfiled());
    clock.advance(DELAY.multipliedBy(2));
    assertEquals(0, resendDue());
  }

  @Test
  void aHubThatNeverFiledGetsNoResends() {
    addAndSend(3);
    clock.advance(DELAY.multipliedBy(10));
    assertEquals(0, resendDue(), "a hub without filed acks would get the rows forever");
    assertEquals(List.of(), unsentSeqs());
    assertEquals(3, outbox.unfiled());
  }

  @Test
  void rowsMarkedDoneAtTheStationDoNotCountAsTheHubFiling() {
    outbox.add(OutboxRow.Kind.HEALTH, "{}");
    // what the publisher does with a row that has nothing to send: never attempted
    outbox.sent(1, clock.instant());
    outbox.filed(List.of(1L), clock.instant());
    addAndSend(2);
    clock.advance(DELAY.multipliedBy(2));
    assertEquals(0, resendDue());
  }

  @Test
  void rowsSentBeforeTheHubFirstFiledAreNotSentAgain() {
    addAndSend(3); // under a hub that did not file yet
    addAndSend(1);
    outbox.filed(List.of(4L), clock.instant()); // the upgraded hub's first filed ack
    addAndSend(1);
    clock.advance(DELAY.plusSeconds(1));
    assertEquals(1, resendDue());
    assertEquals(List.of(5L), unsentSeqs());
  }
}
