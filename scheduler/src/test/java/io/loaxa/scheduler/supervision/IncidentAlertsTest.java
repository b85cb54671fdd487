package io.loaxa.scheduler.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteIncidentLog;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one incident stream into a real SQLite incident log and the alert dispatcher, on a clock that moves only when told. */
class IncidentAlertsTest {
  private static final String PHONE = "+84912345678";
  private static final String MAIL = "vhxh@xa.gov.vn";
  @TempDir
  Path data;
  private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
  private final RecordingAlertChannel sms = new RecordingAlertChannel("sms");
  private final RecordingAlertChannel email = new RecordingAlertChannel("email");
  private Database db;
  private SqliteIncidentLog log;
  private IncidentTracker incidents;

  @BeforeEach
  void open() {
    db = Database.open(data);
    log = new SqliteIncidentLog(db, clock);
    AlertDispatcher alerts = new AlertDispatcher("Đài xã Thử", TestStations.HCM, List.of(sms, email),
        List.of(new AlertDispatcher.Route("sms", PHONE, Set.of()),
            new AlertDispatcher.Route("email", MAIL, Set.of(IncidentKind.DEAD_AIR, IncidentKind.DISK_NEARLY_FULL))),
        new AlertDispatcher.Settings(Optional.of(Duration.ofMinutes(30)), Duration.ofMinutes(1), 3), log, clock);
    incidents = new IncidentTracker(log, alerts);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void tick() {
    incidents.tick(clock.instant());
  }

  @Test
  void everyKindIsAlertedOnceWhenItStartsAndOnceWhenItEndsHoweverOftenItIsReported() {
    for (IncidentKind kind : IncidentKind.values()) {
      incidents.observed(kind, "s", clock.instant(), "chi tiết");
      tick();
      clock.advance(Duration.ofSeconds(5));
      incidents.observed(kind, "s", clock.instant(), "chi tiết");
      tick();
      incidents.resolved(kind, "s", clock.instant());
      incidents.resolved(kind, "s", clock.instant());
      tick();
    }
    int kinds = IncidentKind.values().length;
    assertEquals(2 * kinds, sms.sent().size());
    assertEquals(4, email.sent().size(), "email only for the two kinds routed to it");
    List<IncidentLog.LoggedIncident> kept = log.between(Instant.EPOCH, clock.instant().plusSeconds(1));
    assertEquals(kinds, kept.size());
    for (IncidentLog.LoggedIncident i : kept) {
      assertTrue(i.incident().end().isPresent(), i.toString());
      boolean mailed = Set.of(IncidentKind.DEAD_AIR, IncidentKind.DISK_NEARLY_FULL).contains(i.incident().kind());
      assertEquals(mailed ? 4 : 2, i.alertsSent().size(), i.toString());
    }
    assertTrue(sms.sent().get(0).subject().contains("Sự cố: Mất kết nối bảng rơ-le (s)"), sms.sent().get(0).subject());
    assertTrue(sms.sent().get(1).subject().contains("Đã hết sự cố"), sms.sent().get(1).subject());
  }

  @Test
  void anUnresolvedIncidentIsAlertedAgainAtTheConfiguredRepeatUntilItEnds() {
    incidents.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "không trả lời");
    tick();
    clock.advance(Duration.ofMinutes(29));
    tick();
    assertEquals(1, sms.sent().size());
    clock.advance(Duration.ofMinutes(1));
    tick();
    assertEquals(2, sms.sent().size());
    assertTrue(sms.sent().get(1).subject().contains("Chưa khắc phục"), sms.sent().get(1).subject());
    clock.advance(Duration.ofMinutes(30));
    tick();
    assertEquals(3, sms.sent().size());
    incidents.resolved(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant());
    tick();
    clock.advance(Duration.ofHours(2));
    tick();
    assertEquals(4, sms.sent().size());
    assertTrue(sms.sent().get(3).body().contains("Kết thúc: 09:00:00 07/12/2026 (60 phút)"), sms.sent().get(3).body());
  }

  @Test
  void aFailedChannelIsTriedAgainAfterTheGapWhileTheOthersGoOut() {
    email.failNext(1);
    incidents.observed(IncidentKind.DEAD_AIR, "loa", clock.instant(), "im lặng", Optional.of(data.resolve("evidence/x.wav")));
    tick();
    assertEquals(1, sms.sent().size());
    assertEquals(0, email.sent().size());
    clock.advance(Duration.ofSeconds(59));
    tick();
    assertEquals(0, email.sent().size());
    clock.advance(Duration.ofSeconds(1));
    tick();
    assertEquals(1, email.sent().size());
    assertTrue(email.sent().get(0).body().contains("Bằng chứng: " + data.resolve("evidence/x.wav")));
    var kept = log.between(Instant.EPOCH, clock.instant()).get(0);
    assertEquals(List.of("sms:" + PHONE, "email:" + MAIL), kept.alertsSent());
    assertEquals(Optional.of(data.resolve("evidence/x.wav")), kept.incident().evidence());
  }

  @Test
  void aChannelThatKeepsFailingOrBreaksIsGivenUpWithoutReachingTheDetector() {
    email.failNext(10);
    sms.broken(true);
    incidents.observed(IncidentKind.DISK_NEARLY_FULL, "/data", clock.instant(), "còn 100 MB");
    for (int i = 0; i < 5; i++) {
      tick();
      clock.advance(Duration.ofMinutes(1));
    }
    assertEquals(0, incidents.alerts().pending(), "given up after 3 attempts each");
    sms.broken(false);
    incidents.resolved(IncidentKind.DISK_NEARLY_FULL, "/data", clock.instant());
    tick();
    assertEquals(1, sms.sent().size(), "the end still goes out");
  }

  @Test
  void anIncidentLeftOpenByAStoppedStationEndsAtTheNextStartAndAStillPresentConditionStartsAgain() {
    incidents.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "bảng rơ-le không trả lời");
    incidents.observed(IncidentKind.DISK_NEARLY_FULL, "/var/lib/loaxa", clock.instant(), "còn 80 MB");
    tick();
    Instant stopped = clock.instant();
    clock.advance(Duration.ofHours(1)); // the station was down; nobody saw either end

    IncidentTracker restarted = new IncidentTracker(log, new AlertDispatcher("Đài xã Thử", TestStations.HCM, List.of(sms),
        List.of(new AlertDispatcher.Route("sms", PHONE, Set.of())), AlertDispatcher.Settings.DEFAULT, log, clock));
    restarted.stationStarted(clock.instant());
    List<IncidentLog.LoggedIncident> kept = log.between(stopped.minusSeconds(1), clock.instant());
    assertEquals(2, kept.size());
    for (IncidentLog.LoggedIncident k : kept) {
      assertEquals(Optional.of(clock.instant()), k.incident().end(), k.toString());
      assertTrue(k.incident().detail().contains("end not seen: loaxa stopped"), k.incident().detail());
    }
    int before = sms.sent().size();
    restarted.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "bảng rơ-le không trả lời");
    restarted.tick(clock.instant());
    assertEquals(before + 1, sms.sent().size(), "still offline: a new incident, alerted");
    List<IncidentLog.LoggedIncident> now = log.between(stopped.minusSeconds(1), clock.instant().plusSeconds(1));
    assertEquals(3, now.size());
    assertTrue(now.get(2).incident().open(), "the new one is open");
  }

  @Test
  void newRecipientsAndANewRepeatTakeOverFromTheNextAlertOn() {
    incidents.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "không trả lời");
    tick();
    assertEquals(List.of(PHONE), sms.sent().get(0).to());
    incidents.alerts().reroute(List.of(new AlertDispatcher.Route("sms", "+84987654321", Set.of())),
        Optional.of(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(9));
    tick();
    assertEquals(1, sms.sent().size(), "not yet: ten minutes from the change");
    clock.advance(Duration.ofMinutes(1));
    tick();
    assertEquals(2, sms.sent().size());
    assertEquals(List.of("+84987654321"), sms.sent().get(1).to(), "the repeat goes to the new recipient");
    incidents.alerts().reroute(List.of(new AlertDispatcher.Route("sms", "+84987654321", Set.of())), Optional.empty());
    clock.advance(Duration.ofHours(3));
    tick();
    assertEquals(2, sms.sent().size(), "no repeat any more");
  }

  @Test
  void aFailedTryIsKeptWithTheChannelsWordsBesideTheSentOnes() {
    email.failNext(1);
    incidents.observed(IncidentKind.DEAD_AIR, "loa", clock.instant(), "im lặng");
    tick();
    clock.advance(Duration.ofMinutes(1));
    tick();
    List<IncidentLog.AlertTry> tries = log.lastAlerts(10);
    assertEquals(3, tries.size(), tries.toString());
    assertEquals(List.of("email sent", "email failed", "sms sent"), tries.stream()
        .map(t -> t.channel() + " " + t.delivery().wire()).toList(), "newest first: the retry, then the first tries");
    IncidentLog.AlertTry failed = tries.stream().filter(t -> t.delivery() == IncidentLog.Delivery.FAILED).findFirst()
        .orElseThrow();
    assertEquals(MAIL, failed.recipient());
    assertTrue(!failed.detail().isEmpty(), failed.toString());
    assertEquals(List.of("sms:" + PHONE, "email:" + MAIL), log.between(Instant.EPOCH, clock.instant().plusSeconds(1))
        .get(0).alertsSent(), "the incident lists only the alerts that went out");
  }
}
