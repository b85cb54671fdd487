package io.loaxa.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.Pause;
import io.loaxa.hub.Bodies;
import io.loaxa.hub.Delivery;
import io.loaxa.hub.HubPostgres;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Integration
class IngestTest {
  static final Instant T = Instant.parse("2026-11-03T10:15:00Z");
  HubPostgres pg;
  Ingest ingest;
  final AtomicInteger acks = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    pg = HubPostgres.start();
    ingest = new Ingest(pg.store, Clock.systemUTC(), Pause.sleeping(), new DropLog(Clock.systemUTC())).start();
  }

  @AfterEach
  void stop() {
    ingest.close();
    pg.close();
  }

  void offer(String topic, byte[] body) {
    ingest.offer(new Delivery(topic, body, acks::incrementAndGet));
  }

  void run(String station, long runId) {
    offer("loaxa/v1/station/" + station + "/run", Bodies.run(station, runId, runId, "thoi-su", T.plusSeconds(runId * 60), "COMPLETED"));
  }

  static void waitFor(BooleanSupplier done, String what) {
    Eventually.within(Duration.ofSeconds(60), done, what);
  }

  long rows() throws Exception {
    return Long.parseLong(pg.cluster.psql("select count(*) from run").strip());
  }

  @Test
  void theSameRunTwiceIsStoredOnceAndBadBodiesAreDroppedButAcknowledged() throws Exception {
    run("tan-hung", 1);
    run("tan-hung", 1);
    run("tan-hung", 2);
    offer("loaxa/v1/station/tan-hung/run", "{not json".getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[70 * 1024];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    offer("loaxa/v1/station/tan-hung/run", huge);
    offer("loaxa/v1/station/binh-an/run", Bodies.run("tan-hung", 3, 3, "thoi-su", T, "COMPLETED"));
    offer("loaxa/v1/station/Bad_Id/run", Bodies.run("tan-hung", 4, 4, "thoi-su", T, "COMPLETED"));
    waitFor(() -> acks.get() == 7, "every message acknowledged");
    assertEquals(2, rows());
    assertEquals(4, ingest.dropped());
    assertEquals(2, ingest.newRuns());
  }

  @Test
  void aPostgresRestartMidIngestLosesNothingAndAcknowledgesOnlyWhatWasCommitted() throws Exception {
    for (int i = 1; i <= 300; i++) {
      run("s-" + (i % 7), i);
    }
    waitFor(() -> acks.get() >= 50, "some filed before the restart");
    pg.cluster.stop();
    int ackedWhileDown = acks.get();
    for (int i = 301; i <= 600; i++) {
      run("s-" + (i % 7), i);
    }
    // nothing more can be committed while the database is down, so nothing more is acknowledged
    Thread.sleep(1500);
    int stillAcked = acks.get();
    assertTrue(stillAcked <= 300, "only runs from before the stop could be acknowledged: " + stillAcked);
    pg.cluster.start();
    waitFor(() -> acks.get() == 600, "all 600 acknowledged after the restart (" + acks.get() + ")");
    assertEquals(600, rows());
    assertEquals("0", pg.cluster.psql("select count(*) from (select station, run_id from run group by 1, 2 having count(*) > 1) d").strip());
    assertTrue(ackedWhileDown >= 50);
  }
}
