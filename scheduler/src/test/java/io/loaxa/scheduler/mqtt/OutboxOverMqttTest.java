package io.loaxa.scheduler.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqliteOutbox;
import io.loaxa.scheduler.uplink.HubTopics;
import io.loaxa.scheduler.uplink.OutboxPublisher;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Mosquitto;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's runs reach the hub through a real Mosquitto (TLS, passwords, the protocol's ACL)
 * from the outbox in a real SQLite file: in order and none lost when the broker is down at the
 * station's start, when it is killed mid-run and comes back, and when the station itself stops
 * with rows unsent; resends are allowed and counted. The broker keeps a station from publishing as
 * another.
 */
@Integration
class OutboxOverMqttTest {
  private static final Pattern RUN_ID = Pattern.compile("\"runId\":(\\d+)");
  private static final Pattern SEQ = Pattern.compile("\"outboxSeq\":(\\d+)");
  private static final String ME = "tan-hung";
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir
  Path dir;

  private Mosquitto broker;
  private HubListener hub;
  private final MutableClock clock = new MutableClock(T0);
  private Database db;
  private SqliteAiringLog log;
  private PahoHubLink link;
  private OutboxPublisher publisher;
  private int runs;

  @BeforeEach
  void startBroker() throws Exception {
    Mosquitto.require();
    broker = Mosquitto.start(dir.resolve("broker"), "hub-secret");
    broker.addUser(ME, "tram-xa-9");
    broker.addUser("an-binh", "tram-xa-7");
    Files.writeString(dir.resolve("hub.secret"), "tram-xa-9\n");
    hub = new HubListener(broker.url(), broker.caFile(), "hub-secret");
    // as on any broker up for longer than a moment, the hub's session is on its disk
    broker.save();
  }

  @AfterEach
  void stop() throws Exception {
    closeStation();
    hub.close();
    broker.close();
  }

  private void openStation() throws Exception {
    openStation(OutboxPublisher.RESEND_DELAY);
  }

  private void openStation(Duration resendDelay) throws Exception {
    db = Database.open(dir.resolve("station"));
    log = new SqliteAiringLog(db, clock);
    log.feedOutbox();
    HubTopics topics = new HubTopics(ME);
    link = PahoHubLink.create(new PahoHubLink.Settings(broker.url(), topics.clientId(), ME, dir.resolve("hub.secret"),
        broker.caFile(), topics.command(), topics.online(), on -> HubTopics.onlineBody(on, clock.instant())), clock);
    publisher = new OutboxPublisher(new SqliteOutbox(db, clock), link, topics, clock, resendDelay);
    publisher.start();
    link.start(b -> { }, publisher::filed, publisher::nudge);
  }

  private void closeStation() {
    if (publisher != null) {
      publisher.close();
      link.close();
      db.close();
      publisher = null;
    }
  }

  /** One run of the airing log, begun and ended; returns its id. */
  private long airOne() {
    long id = begin();
    end(id);
    return id;
  }

  private long begin() {
    runs++;
    Instant at = T0.plus(Duration.ofMinutes(runs));
    clock.set(at);
    return log.begin(new RunStart(new PlannedAiringKey("thoi-su@" + runs), "thoi-su", "Thời sự", "thoi-su", "NORMAL",
        Trigger.SCHEDULED, at, List.of("thon-1"), "chimes/nhac-hieu.mp3"));
  }

  private void end(long id) {
    clock.advance(Duration.ofSeconds(30));
    log.end(id, new RunEnd(Optional.of(clock.instant().minusSeconds(30)), clock.instant(), List.of("thon-1"), List.of(),
        List.of(), Outcome.COMPLETED, ""));
  }

  /** The run ids the hub heard, each once, in the order first heard; and how many copies came twice. */
  private record Heard(List<Long> runs, int duplicates, List<Long> seqs) {}

  private Heard heard() {
    LinkedHashSet<Long> ids = new LinkedHashSet<>();
    List<Long> seqs = new ArrayList<>();
    int copies = 0;
    for (HubListener.Heard h : hub.on("/" + ME + "/run")) {
      Matcher m = RUN_ID.matcher(h.body());
      Matcher s = SEQ.matcher(h.body());
      assertTrue(m.find() && s.find(), h.body());
      copies++;
      ids.add(Long.parseLong(m.group(1)));
      seqs.add(Long.parseLong(s.group(1)));
    }
    return new Heard(List.copyOf(ids), copies - ids.size(), seqs);
  }

  private static List<Long> oneTo(int n) {
    List<Long> out = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }


  @Test
  void runsEndedWhileTheBrokerIsDownAtStartArriveInOrderOnceItIsUp() throws Exception {
    broker.stop();
    openStation();
    for (int i = 0; i < 5; i++) {
      airOne();
    }
    assertEquals(0, publisher.published(), "nothing can go yet");
    broker.restart();
    Eventually.within(Duration.ofSeconds(40), () -> heard().runs().size() == 5, () -> "5 runs at the hub: " + heard());
    assertEquals(oneTo(5), heard().runs());
    System.out.println("broker down at start: 5 runs, " + heard().duplicates() + " resent, " + publisher.failures()
        + " failed tries");
  }

  @Test
  void aBrokerKilledMidRunLosesNoRunAndTheHubSeesThemInOrder() throws Exception {
    openStation();
    for (int i = 0; i < 5; i++) {
      airOne();
    }
    Eventually.within(Duration.ofSeconds(30), () -> heard().runs().size() == 5, "the first 5 runs");
    long onAir = begin();
    broker.kill();
    end(onAir);
    for (int i = 0; i < 4; i++) {
      airOne();
    }
    broker.restart();
    for (int i = 0; i < 5; i++) {
      airOne();
    }
    Eventually.within(Duration.ofSeconds(60), () -> heard().runs().size() == 15,
        () -> "15 runs at the hub: " + heard());
    Heard h = heard();
    assertEquals(oneTo(15), h.runs());
    List<Long> firstSeen = h.seqs().stream().distinct().toList();
    List<Long> sorted = new ArrayList<>(firstSeen);
    sorted.sort(null);
    assertEquals(sorted, firstSeen, "rows go in outbox order");
    System.out.println("broker killed mid-run: 15 runs, " + h.duplicates() + " resent, " + publisher.failures()
        + " failed tries");
  }

  @Test
  void runsQueuedForAHubThatIsAwayOutliveABrokerKilledBeforeItsNextTimedSave() throws Exception {
    hub.close();
    hub = new HubListener(broker.url(), broker.caFile(), "hub-secret", true);
    openStation(Duration.ofSeconds(2));
    SqliteOutbox outbox = new SqliteOutbox(db, clock);
    airOne();
    airOne();
    Eventually.within(Duration.ofSeconds(30), () -> outbox.unfiled() == 0, "the hub filed the first 2 runs");
    hub.close();
    for (int i = 0; i < 3; i++) {
      airOne();
    }
    Eventually.within(Duration.ofSeconds(30), () -> publisher.published() >= 5, "the broker acknowledged 3 more runs");
    assertEquals(0, outbox.waiting(), "the broker has them");
    assertEquals(3, outbox.unfiled(), "the hub has not");
    // at once, before the broker's timed save: only its memory held them
    broker.kill();
    broker.restart();
    hub = new HubListener(broker.url(), broker.caFile(), "hub-secret", true);
    clock.advance(Duration.ofSeconds(3));
    publisher.nudge();
    Eventually.within(Duration.ofSeconds(30), () -> heard().runs().size() == 3 && outbox.unfiled() == 0,
        () -> "the 3 runs at the hub again and filed: " + heard() + ", " + outbox.unfiled() + " unfiled");
    assertEquals(List.of(3L, 4L, 5L), heard().runs());
    assertTrue(publisher.resent() >= 3, "sent again for want of the hub's filed ack: " + publisher.resent());
  }

  @Test
  void rowsLeftUnsentWhenTheStationStopsGoAtItsNextStart() throws Exception {
    openStation();
    airOne();
    airOne();
    Eventually.within(Duration.ofSeconds(30), () -> heard().runs().size() == 2, "the first 2 runs");
    broker.stop();
    for (int i = 0; i < 3; i++) {
      airOne();
    }
    closeStation();
    broker.restart();
    openStation();
    airOne();
    Eventually.within(Duration.ofSeconds(40), () -> heard().runs().size() == 6, () -> "6 runs at the hub: " + heard());
    assertEquals(oneTo(6), heard().runs());
    assertEquals(0, new SqliteOutbox(db, clock).waiting());
  }

  @Test
  void aRunOnAirWhenTheStationDiedReachesTheHubAsInterruptedAfterTheRestart() throws Exception {
    openStation();
    airOne();
    begin();
    // what kill -9 leaves: the run begun, never ended, and the process gone
    closeStation();
    openStation();
    assertEquals(1, log.closeInterrupted(clock.instant()));
    Eventually.within(Duration.ofSeconds(30), () -> heard().runs().size() == 2,
        () -> "both runs at the hub: " + heard());
    String second = hub.on("/" + ME + "/run").stream().filter(h -> h.body().contains("\"runId\":2,")).findFirst()
        .orElseThrow().body();
    assertTrue(second.contains("\"outcome\":\"INTERRUPTED\""), second);
  }

  @Test
  void aCommandSentWhileTheStationIsAwayWaitsAtTheBrokerUntilItIsBack() throws Exception {
    List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
    HubTopics topics = new HubTopics(ME);
    PahoHubLink.Settings settings = new PahoHubLink.Settings(broker.url(), topics.clientId(), ME, dir.resolve("hub.secret"),
        broker.caFile(), topics.command(), topics.online(), on -> HubTopics.onlineBody(on, clock.instant()));
    PahoHubLink first = PahoHubLink.create(settings, clock);
    first.start(b -> commands.add(new String(b, java.nio.charset.StandardCharsets.UTF_8)), () -> { });
    Eventually.within(Duration.ofSeconds(20), () -> hub.on("/" + ME + "/online").stream().anyMatch(h -> h.body().contains("true")),
        "the station subscribed and said online");
    first.close();
    hub.send(topics.command(), "{\"payload\":\"e30=\",\"sig\":\"\"}".getBytes());
    PahoHubLink back = PahoHubLink.create(settings, clock);
    try {
      back.start(b -> commands.add(new String(b, java.nio.charset.StandardCharsets.UTF_8)), () -> { });
      Eventually.within(Duration.ofSeconds(20), () -> commands.size() == 1, "the command kept for the station");
      assertEquals("{\"payload\":\"e30=\",\"sig\":\"\"}", commands.get(0));
    } finally {
      back.close();
    }
  }

  @Test
  void theBrokerKeepsAStationFromPublishingAsAnother() throws Exception {
    openStation();
    Eventually.within(Duration.ofSeconds(20), link::connected, "the station is connected");
    link.publish("loaxa/v1/station/an-binh/run", "{\"outboxSeq\":1,\"runId\":999}".getBytes(), false);
    link.publish("loaxa/v1/station/tan-hung/run", "{\"outboxSeq\":2,\"runId\":1000}".getBytes(), false);
    Eventually.within(Duration.ofSeconds(20), () -> heard().runs().contains(1000L), "its own message");
    assertEquals(List.of(), hub.on("/an-binh/run"), "the broker dropped the message sent as another station");
  }
}
