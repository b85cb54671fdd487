package io.loaxa.scheduler.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.TestStations;
import io.loaxa.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Health snapshots go into the outbox at start, every five minutes, and at once when a board, the sound card or clock trust changes. */
class HealthReporterTest {
  /** Remembers what was added. */
  private static final class RecordingOutbox implements Outbox {
    final List<String> bodies = new ArrayList<>();

    @Override
    public long add(OutboxRow.Kind kind, String body) {
      assertEquals(OutboxRow.Kind.HEALTH, kind);
      bodies.add(body);
      return bodies.size();
    }

    @Override
    public List<OutboxRow> unsent(int limit) {
      return List.of();
    }

    @Override
    public void sent(long seq, Instant at) {}

    @Override
    public void attempted(long seq) {}

    @Override
    public void filed(java.util.Collection<Long> seqs, Instant at) {}

    @Override
    public int resendUnfiled(Instant sentBefore) {
      return 0;
    }

    @Override
    public long waiting() {
      return bodies.size();
    }
  }

  private static HealthSnapshot healthy(boolean board, boolean clockTrusted, long diskMb) {
    return new HealthSnapshot(List.of(new HealthSnapshot.Device("tu-chinh", board, board ? "" : "không trả lời")),
        new HealthSnapshot.Device("default", true, ""), clockTrusted, diskMb, board ? 0 : 1);
  }

  @Test
  void sentAtStartEveryFiveMinutesAndWhenABoardOrTheClockChanges() throws Exception {
    MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    RecordingOutbox outbox = new RecordingOutbox();
    AtomicReference<HealthSnapshot> now = new AtomicReference<>(healthy(true, true, 5120));
    HealthReporter reporter = new HealthReporter(outbox, now::get, clock, TestStations.config(Duration.ZERO), "1.4.0",
        () -> { });
    assertTrue(reporter.tick(), "at start");
    clock.advance(Duration.ofMinutes(1));
    now.set(healthy(true, true, 5000));
    assertFalse(reporter.tick(), "free space alone waits for the five minutes");
    clock.advance(Duration.ofSeconds(30));
    now.set(healthy(false, true, 5000));
    assertTrue(reporter.tick(), "a board stopped answering");
    clock.advance(Duration.ofMinutes(4));
    assertFalse(reporter.tick());
    now.set(healthy(false, false, 5000));
    assertTrue(reporter.tick(), "clock trust lost");
    clock.advance(Duration.ofMinutes(5));
    assertTrue(reporter.tick(), "five minutes on");
    assertEquals(4, outbox.bodies.size());
    Map<String, Object> first = Json.object(outbox.bodies.get(0));
    assertEquals("Đài truyền thanh xã Thử", first.get("name"));
    assertEquals("Thử", first.get("commune"));
    assertEquals("1.4.0", first.get("version"));
    assertEquals(4, ((List<?>) first.get("zones")).size());
    assertEquals(Boolean.TRUE, first.get("clockTrusted"));
    assertEquals(new BigDecimal(5120), first.get("diskFreeMb"));
    Map<String, Object> board = Json.object(outbox.bodies.get(1));
    assertEquals(Map.of("name", "tu-chinh", "ok", false, "detail", "không trả lời"), ((List<?>) board.get("boards")).get(0));
    assertEquals("2026-12-07T01:01:30Z", board.get("at"));
  }
}
