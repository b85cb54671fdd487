package io.loaxa.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.Pause;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.push.PushRequest;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.uplink.CommandVerifier;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub with a real Mosquitto (TLS, users, ACL) and a real PostgreSQL; the station is a bare Paho client. */
@Integration
class HubOverMqttTest {
  static HubPostgres pg;
  static Mosquitto broker;
  static HubDaemon hub;
  static MqttClient station;
  static final BlockingQueue<byte[]> commands = new LinkedBlockingQueue<>();
  static final BlockingQueue<String> filed = new LinkedBlockingQueue<>();
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Mosquitto.require();
    pg = HubPostgres.start();
    broker = Mosquitto.start(dir.resolve("broker"), "hub-secret-1");
    broker.addUser("tan-hung", "tan-hung-secret");
    HubConfig config = pg.hubConfig(dir, broker, "hub-secret-1");
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    waitFor(hub::brokerConnected, "the hub connects to the broker");
    station = new MqttClient(broker.url(), "loaxa-station-tan-hung", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setUserName("tan-hung");
    o.setPassword("tan-hung-secret".toCharArray());
    o.setSocketFactory(trusting(broker.caFile()).getSocketFactory());
    o.setMaxInflight(1000);
    station.connect(o);
    station.subscribe("loaxa/v1/hub/tan-hung/#", 1, (topic, m) -> {
      if (topic.endsWith("/command")) {
        commands.add(m.getPayload());
      } else if (topic.endsWith("/filed")) {
        filed.add(new String(m.getPayload(), StandardCharsets.UTF_8));
      }
    });
    publish("health", Bodies.health("tan-hung", 1, "Tân Hưng", Instant.now()));
    waitFor(() -> count("select count(*) from station where commune = 'Tân Hưng'") == 1, "the station is learned from health");
    String ack = filed.poll(30, TimeUnit.SECONDS);
    assertTrue(ack != null && ack.startsWith("{\"v\":1,\"seqs\":[1],\"at\":"), "the health row filed: " + ack);
  }

  @AfterAll
  static void stop() throws Exception {
    if (station != null) {
      station.disconnect();
      station.close();
    }
    if (hub != null) {
      hub.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  static SSLContext trusting(Path ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(ca)) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  static void publish(String kind, byte[] body) throws Exception {
    MqttMessage m = new MqttMessage(body);
    m.setQos(1);
    station.publish("loaxa/v1/station/tan-hung/" + kind, m);
  }

  static long count(String sql) {
    try {
      return Long.parseLong(pg.cluster.psql(sql).strip());
    } catch (Exception e) {
      return -1; // the database is being restarted
    }
  }

  static void waitFor(BooleanSupplier done, String what) {
    Eventually.within(Duration.ofSeconds(60), done, what);
  }

  static byte[] run(long runId) {
    return Bodies.run("tan-hung", runId + 1, runId, "thoi-su", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(runId * 60),
        "COMPLETED");
  }

  @Test
  void runsSentTwiceAreStoredOnceAndBadBodiesAreDropped() throws Exception {
    long droppedBefore = hub.ingest().dropped();
    for (long id = 1; id <= 50; id++) {
      publish("run", run(id));
    }
    for (long id = 1; id <= 10; id++) {
      publish("run", run(id)); // the outbox sends again what the broker did not confirm in time
    }
    publish("run", "{\"v\":1,".getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[65 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    publish("run", huge);
    publish("run", Bodies.run("binh-an", 99, 99, "thoi-su", Instant.parse("2026-12-01T00:00:00Z"), "COMPLETED"));
    waitFor(() -> hub.ingest().dropped() - droppedBefore == 3, "three bodies dropped");
    waitFor(() -> count("select count(*) from run where station = 'tan-hung' and run_id <= 50") == 50, "fifty runs");
    assertEquals(0, count("select count(*) from run where run_id = 99"));
  }

  @Test
  void aPostgresRestartMidIngestLosesNothing() throws Exception {
    for (long id = 1001; id <= 1100; id++) {
      publish("run", run(id));
    }
    pg.cluster.stop();
    for (long id = 1101; id <= 1300; id++) {
      publish("run", run(id));
    }
    Thread.sleep(1000); // the hub tries its batch against the stopped database meanwhile
    pg.cluster.start();
    waitFor(() -> count("select count(*) from run where run_id between 1001 and 1300") == 300,
        "all 300 runs after the restart (" + count("select count(*) from run where run_id between 1001 and 1300") + ")");
    assertEquals(0, count("select count(*) from (select run_id from run group by station, run_id having count(*) > 1) d"));
  }

  @Test
  void aPushReachesTheStationSignedAndItsAcksMoveItToAired() throws Exception {
    Push push = hub.pushes().push(new PushRequest(Command.Type.EMERGENCY, "EMERGENCY", "Cảnh báo bão số 9", "khan-cap",
        "Bão số 9 vào đất liền tối nay.", new Push.Targets(false, List.of(),
            List.of(new Push.Hamlet(new StationKey("tan-hung"), "thon-1"))), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()), "tinh-op");
    byte[] envelope = commands.poll(30, TimeUnit.SECONDS);
    assertTrue(envelope != null, "the command reaches the station's topic");
    // the station's own verifier, as the station daemon runs it
    CommandVerifier verifier = new CommandVerifier(HubKeys.readPublic(dir.resolve("keys").resolve(HubKeys.PUBLIC)),
        "tan-hung", Set.of("thon-1", "thon-2"), Clock.systemUTC(), Optional::empty);
    CommandVerifier.Verdict verdict = verifier.check(envelope, () -> 0L);
    var accepted = assertInstanceOf(CommandVerifier.Accepted.class, verdict, verdict.toString());
    Command sent = hub.store().commands(push.id()).get(0);
    assertEquals(CommandState.SENT, sent.state());
    Instant now = Instant.now();
    publish("ack", Bodies.ack("tan-hung", 5001, sent.id(), sent.seq(), "received", null, null, now));
    publish("ack", Bodies.ack("tan-hung", 5002, sent.id(), sent.seq(), "aired", 3890L, "COMPLETED", now.plusSeconds(40)));
    waitFor(() -> {
      try {
        return hub.store().commands(push.id()).get(0).state() == CommandState.AIRED;
      } catch (HubStoreException e) {
        return false;
      }
    }, "the command shows aired");
    Command aired = hub.store().commands(push.id()).get(0);
    assertEquals(Optional.of(3890L), aired.runId());
    assertEquals(Optional.of("COMPLETED"), aired.outcome());
    assertTrue(accepted.command().toString().contains(sent.id()), accepted.command().toString());
  }
}
