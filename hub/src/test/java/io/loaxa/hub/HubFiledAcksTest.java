package io.loaxa.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.Pause;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.scheduler.mqtt.PahoHubLink;
import io.loaxa.scheduler.uplink.HubLink.HubLinkException;
import io.loaxa.scheduler.uplink.HubTopics;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Mosquitto;
import io.loaxa.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's filed acks against a real Mosquitto saving on its timer, as the README configures it, a
 * real PostgreSQL and a station's real SQLite outbox and link: rows the broker took and then lost,
 * killed before its next save while the hub was away, reach the hub's database exactly once because
 * the station sends what the hub never filed again; and no station can file rows for another.
 */
@Integration
class HubFiledAcksTest {
  static final Instant DAY = Instant.parse("2026-12-07T01:00:00Z");
  static final int ROWS = 40;

  @TempDir
  Path dir;
  HubPostgres pg;
  Mosquitto broker;
  HubConfig config;
  HubDaemon hub;
  LinkedStation station;
  LinkedStation other;

  @BeforeEach
  void start() throws Exception {
    Mosquitto.require();
    pg = HubPostgres.start();
    broker = Mosquitto.start(dir.resolve("broker"), "hub-secret-1");
    broker.addUser("an-phu", "an-phu-secret");
    broker.addUser("binh-an", "binh-an-secret");
    config = pg.hubConfig(dir, broker, "hub-secret-1");
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitFor(hub::brokerConnected, () -> "the hub connects to the broker");
    station = LinkedStation.open("an-phu", dir.resolve("station-an-phu"), broker.url(), broker.caFile(),
        "an-phu-secret", DAY).resendAfter(Duration.ofSeconds(2)).comeBack();
    waitFor(() -> psql("select count(*) from station where station = 'an-phu' and online").equals("1"),
        () -> "the station online at the hub");
    broker.save(); // as on any broker up for longer than a moment: the sessions are on its disk
  }

  @AfterEach
  void stop() throws Exception {
    if (station != null) {
      station.close();
    }
    if (other != null) {
      other.close();
    }
    if (hub != null) {
      hub.close();
    }
    broker.close();
    pg.close();
  }

  String psql(String sql) {
    try {
      return pg.cluster.psql(sql).strip();
    } catch (Exception e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  long runsAtHub() {
    return Long.parseLong(psql("select count(*) from run where station = 'an-phu'"));
  }

  static void waitFor(BooleanSupplier done, Supplier<String> what) {
    Eventually.within(Duration.ofSeconds(90), done, what);
  }

  /** Waits while the station's own clock moves a second each half second of the test's. */
  static void waitWhileTimePasses(MutableClock clock, BooleanSupplier done, Supplier<String> what) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 90 s: " + what.get());
      }
      Thread.sleep(500);
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void rowsABrokerKilledBeforeItsTimedSaveLostReachTheHubOnceFromTheStationsResend() throws Exception {
    for (int i = 0; i < 2; i++) {
      station.air("thoi-su", "thoi-su", Duration.ofMinutes(4));
    }
    waitFor(() -> runsAtHub() == 2 && station.unfiled() == 0, () -> "the hub filed the first 2 runs: "
        + runsAtHub() + " at the hub, " + station.unfiled() + " unfiled");
    hub.close();
    hub = null;
    for (int i = 0; i < ROWS; i++) {
      station.air("thoi-su", "thoi-su", Duration.ofMinutes(4));
    }
    // the broker acknowledged each row into the hub's session, in its memory only
    waitFor(() -> station.waiting() == 0, () -> "the outbox drained into the broker: " + station.waiting());
    assertEquals(ROWS, station.unfiled(), "the hub has filed none of them");
    broker.kill();
    broker.restart();
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitWhileTimePasses(station.clock, () -> runsAtHub() == ROWS + 2 && station.unfiled() == 0,
        () -> runsAtHub() + " runs at the hub, " + station.unfiled() + " unfiled at the station");
    List<Long> atHub = psql("select run_id from run where station = 'an-phu' order by run_id").lines()
        .map(String::strip).filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
    assertEquals(station.aired(), atHub, "every run of the airing log at the hub, once");
    System.out.printf("broker killed before its timed save: %d rows sent again by the station, all %d filed%n",
        station.resent(), ROWS + 2);
  }

  @Test
  void aStationCannotFileRowsForAnother() throws Exception {
    other = LinkedStation.open("binh-an", dir.resolve("station-binh-an"), broker.url(), broker.caFile(),
        "binh-an-secret", DAY).comeBack();
    waitFor(() -> psql("select count(*) from station where station = 'binh-an' and online").equals("1"),
        () -> "binh-an online at the hub");
    hub.close();
    hub = null;
    long run = other.air("thoi-su", "thoi-su", Duration.ofMinutes(4));
    waitFor(() -> other.waiting() == 0, () -> "binh-an's run at the broker");
    HubTopics theirs = new HubTopics("binh-an");
    Path password = Files.writeString(dir.resolve("an-phu.secret"), "an-phu-secret\n");
    HubTopics mine = new HubTopics("an-phu");
    PahoHubLink forger = PahoHubLink.create(new PahoHubLink.Settings(broker.url(), "forger-an-phu", "an-phu", password,
        broker.caFile(), mine.command(), mine.online(), on -> HubTopics.onlineBody(on, Instant.now())), Clock.systemUTC());
    try {
      forger.start(b -> { }, () -> { });
      waitFor(forger::connected, () -> "the forging client connects as an-phu");
      byte[] forged = "{\"v\":1,\"seqs\":[1,2,3],\"at\":\"2026-12-07T01:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
      try {
        forger.publish(theirs.filed(), forged, false);
      } catch (HubLinkException e) {
        // a broker may also refuse it outright; either way it must not reach binh-an
      }
    } finally {
      forger.close();
    }
    assertEquals(1, other.unfiled(), "binh-an's row not filed by an-phu's forged ack");
    // the hub writes anywhere: its real ack comes after the forged one would have
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitFor(() -> other.unfiled() == 0 && !other.filedHeard().isEmpty(), () -> "binh-an's run filed by the hub: "
        + other.filedHeard());
    List<String> heard = other.filedHeard();
    assertTrue(heard.stream().noneMatch(b -> b.contains("[1,2,3]")), "the broker dropped the forged ack: " + heard);
    assertTrue(heard.stream().allMatch(b -> b.matches("\\{\"v\":1,\"seqs\":\\[\\d+(,\\d+)*],\"at\":\"[^\"]+\"}")),
        heard.toString());
    assertEquals("1", psql("select count(*) from run where station = 'binh-an' and run_id = " + run));
  }
}
