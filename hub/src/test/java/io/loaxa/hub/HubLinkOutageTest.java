package io.loaxa.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.devices.Pause;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stations whose line to the province is cut for a day: each keeps airing into the outbox of its own
 * SQLite file (the station daemon's real outbox, publisher and Paho link), then comes back through a
 * real Mosquitto configured as the README says; the hub's PostgreSQL ends with every run of every
 * station once, compared run id by run id with the stations' airing logs.
 */
@Integration
class HubLinkOutageTest {
  static final String[] STATIONS = {"an-phu", "binh-an", "tan-hung"};
  static final Instant DAY_ONE = Instant.parse("2026-12-06T17:00:00Z"); // 00:00 of 7 December in Vietnam
  static final int PER_DAY = 288; // one run every five minutes: more than any real day holds

  @TempDir
  Path dir;
  HubPostgres pg;
  Mosquitto broker;
  HubConfig config;
  HubDaemon hub;
  final List<LinkedStation> stations = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Mosquitto.require();
    pg = HubPostgres.start();
    broker = Mosquitto.start(dir.resolve("broker"), "hub-secret-1");
    // README, "Province hub": the hub acknowledges only after PostgreSQL commits, so a day of runs
    // from many stations may wait in its session at once; the default of 1000 per client drops some
    Files.writeString(dir.resolve("broker").resolve("mosquitto.conf"), "max_queued_messages 1000000\n"
        + "max_inflight_messages 500\n", StandardOpenOption.APPEND);
    broker.stop();
    broker.restart();
    for (String s : STATIONS) {
      broker.addUser(s, s + "-secret");
    }
    config = pg.hubConfig(dir, broker, "hub-secret-1");
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitFor(hub::brokerConnected, () -> "the hub connects to the broker");
    broker.save(); // as on any broker up for longer than a moment, the hub's session is on its disk
    for (String s : STATIONS) {
      stations.add(LinkedStation.open(s, dir.resolve("station-" + s), broker.url(), broker.caFile(), s + "-secret",
          DAY_ONE).comeBack());
    }
  }

  @AfterEach
  void stop() throws Exception {
    stations.forEach(LinkedStation::close);
    if (hub != null) {
      hub.close();
    }
    broker.close();
    pg.close();
  }

  /** A day of runs, one every five minutes, each four minutes long; the station's clock moves through the day. */
  static void airADay(LinkedStation s) {
    for (int i = 0; i < PER_DAY; i++) {
      s.air(i % 4 == 0 ? "cchc-thang" : "thoi-su", i % 4 == 0 ? "cchc" : "thoi-su", Duration.ofMinutes(4));
      s.clock.advance(Duration.ofMinutes(1));
    }
  }

  long runsAtHub(LinkedStation s) {
    return Long.parseLong(psql("select count(*) from run where station = '" + s.id + "'"));
  }

  /** Each station's online flag at the hub, in key order ({@code t}, {@code f}, or empty when never heard). */
  String online() {
    return psql("select string_agg(case when online then 't' when not online then 'f' else '' end, ',' order by station) from station");
  }

  String psql(String sql) {
    try {
      return pg.cluster.psql(sql).strip();
    } catch (Exception e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  static void waitFor(BooleanSupplier done, Supplier<String> what) {
    Eventually.within(Duration.ofSeconds(90), done, what);
  }

  /** Every station's runs at the hub are exactly those of its airing log: none lost, none twice. */
  void assertHubHasEveryRunOnce() {
    for (LinkedStation s : stations) {
      List<Long> atHub = psql("select run_id from run where station = '" + s.id + "' order by run_id").lines()
          .map(String::strip).filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
      assertEquals(s.aired(), atHub, s.id + ": the hub's runs against the station's airing log");
      assertEquals(0, s.waiting(), s.id + ": rows left in the outbox");
    }
    assertEquals("0", psql("select count(*) from (select 1 from run group by station, run_id having count(*) > 1) d"));
    assertEquals(Arrays.stream(STATIONS).map(s -> s + "|" + (PER_DAY + 10)).toList(),
        psql("select station || '|' || count(*) from run group by station order by station").lines().toList());
  }

  @Test
  void stationsAwayForADayCatchUpWithNoRunLostOrDoubled() throws Exception {
    for (LinkedStation s : stations) {
      for (int i = 0; i < 10; i++) {
        s.air("thoi-su", "thoi-su", Duration.ofMinutes(4));
      }
    }
    waitFor(() -> stations.stream().allMatch(s -> runsAtHub(s) == 10), () -> "10 runs of each station before the outage");
    waitFor(() -> online().equals("t,t,t"), () -> "the stations' own online flags at the hub: " + online());
    stations.forEach(LinkedStation::goOffline);
    waitFor(() -> online().equals("f,f,f"), () -> "the stations say goodbye: " + online());
    stations.forEach(HubLinkOutageTest::airADay);
    for (LinkedStation s : stations) {
      assertEquals(PER_DAY, s.waiting(), s.id + ": the day waits in the outbox");
      assertEquals(10, runsAtHub(s), s.id + ": nothing reached the hub while the line was cut");
    }
    long back = System.nanoTime();
    for (LinkedStation s : stations) {
      s.comeBack();
    }
    waitFor(() -> stations.stream().allMatch(s -> runsAtHub(s) == PER_DAY + 10),
        () -> "every run at the hub: " + psql("select station || '|' || count(*) from run group by station"));
    waitFor(() -> online().equals("t,t,t"), () -> "back online at the hub: " + online());
    System.out.printf("3 stations back after a day away: %d runs committed at the hub in %d ms%n", 3 * PER_DAY,
        (System.nanoTime() - back) / 1_000_000);
    assertHubHasEveryRunOnce();
  }

  @Test
  void stationsBackWhileTheHubIsAwayWaitInItsSessionAndLoseNothing() throws Exception {
    stations.forEach(LinkedStation::goOffline);
    for (LinkedStation s : stations) {
      for (int i = 0; i < 10; i++) {
        s.air("thoi-su", "thoi-su", Duration.ofMinutes(4));
      }
    }
    stations.forEach(HubLinkOutageTest::airADay);
    hub.close();
    hub = null;
    for (LinkedStation s : stations) {
      s.comeBack();
    }
    // the broker acknowledges each row and keeps it in the hub's persistent session
    waitFor(() -> stations.stream().allMatch(s -> s.waiting() == 0), () -> "every outbox drained into the broker");
    assertEquals("0", psql("select count(*) from run"));
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitFor(() -> stations.stream().allMatch(s -> runsAtHub(s) == PER_DAY + 10),
        () -> "every run at the hub from its session: " + psql("select station || '|' || count(*) from run group by station"));
    assertHubHasEveryRunOnce();
  }
}
