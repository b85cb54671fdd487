package io.loaxa.hub.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.loaxa.hub.Bodies;
import io.loaxa.hub.StationMessage;
import io.loaxa.hub.StationStatus;
import io.loaxa.hub.json.StationBodies;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PostgresCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Integration
class PostgresHubStoreTest {
  static PostgresCluster cluster;
  static PostgresHubStore store;
  static final Instant T = Instant.parse("2026-12-01T00:30:00Z");

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start("hub");
    store = new PostgresHubStore(HubDatabase.open(cluster.jdbcUrl(), cluster.user(), "", 4, Duration.ofSeconds(10)));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static StationMessage decoded(String topic, byte[] body) {
    return assertInstanceOf(StationBodies.Accepted.class, StationBodies.decode(topic, body)).message();
  }

  @Test
  void theSameRunSentTwiceIsStoredOnce() throws Exception {
    StationMessage health = decoded("loaxa/v1/station/tan-hung/health", Bodies.health("tan-hung", 1, "Tân Hưng", T));
    StationMessage run = decoded("loaxa/v1/station/tan-hung/run", Bodies.run("tan-hung", 2, 7, "cchc", T, "COMPLETED"));
    assertEquals(1, store.file(List.of(health, run), T.plusSeconds(700)));
    assertEquals(0, store.file(List.of(run), T.plusSeconds(800)));
    assertEquals("1", cluster.psql("select count(*) from run where station = 'tan-hung' and run_id = 7").strip());
    StationStatus s = store.stations().stream().filter(x -> x.station().value().equals("tan-hung")).findFirst().orElseThrow();
    assertEquals("Tân Hưng", s.commune());
    assertEquals(2, s.zones().size());
    assertEquals(T.plusSeconds(800), s.lastSeen());
  }

  @Test
  void aBodyThatNamesAnotherStationIsDropped() {
    StationBodies.Decoded d = StationBodies.decode("loaxa/v1/station/tan-hung/run", Bodies.run("binh-an", 1, 1, "cchc", T, null));
    assertFalse(d instanceof StationBodies.Accepted);
  }
}
