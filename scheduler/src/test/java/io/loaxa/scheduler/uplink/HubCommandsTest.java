package io.loaxa.scheduler.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.config.HubConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.Station;
import io.loaxa.testkit.Eventually;
import io.loaxa.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a station does with the hub's commands, on a real station (simulated board, simulated sound,
 * SQLite files) with real Ed25519 keys: forged, unsigned, expired, replayed, other-station, oversized
 * and otherwise wrong commands are refused, audited and acked with the reason, and nothing airs; a
 * signed emergency airs through the station's own runner and is acked received, then aired with its run.
 */
class HubCommandsTest {
  private static final Instant T0 = Instant.parse("2026-12-07T01:30:00Z");
  private static final String ME = "tan-hung";
  private static final String ALL = "[\"*\"]";

  @TempDir
  Path data;

  private MutableClock clock;
  private SimulatedSoundOutput sound;
  private Station station;
  private HubSigner hub;
  private HubCommands commands;

  @BeforeEach
  void open() throws Exception {
    clock = new MutableClock(T0);
    sound = new SimulatedSoundOutput(clock, clock::advance);
    hub = new HubSigner();
    station = openStation();
  }

  private Station openStation() throws Exception {
    StationConfig config = TestStations.config(Duration.ZERO).withHub(new HubConfig("ssl://127.0.0.1:8883", ME,
        data.resolve("hub.pub"), data.resolve("ca.pem"), data.resolve("hub.secret"), HubConfig.Bulletins.REVIEW));
    Station s = Station.assemble(config, data.resolve("station"), clock, new ClockPause(clock), sound);
    CommandVerifier verifier = new CommandVerifier(hub.publicKey(), ME, Set.of("ap-1", "ap-2", "ap-3", "ap-4"), clock,
        Optional::empty);
    commands = new HubCommands(new HubCommands.Parts(verifier, s.hubCommands(), s.accounts().audit(), s.manualAiring(),
        s.runner(), () -> { }, data.resolve("station/content"), HubConfig.Bulletins.REVIEW, clock, TestStations.HCM,
        "ssl://127.0.0.1:8883", () -> { }));
    return s;
  }

  @AfterEach
  void close() {
    commands.close();
    station.close();
  }

  private byte[] signed(long seq, String type, String zones, String extra) throws Exception {
    return hub.envelope(HubSigner.command(ME, seq, type, clock.instant(), clock.instant().plus(Duration.ofHours(1)), zones,
        extra));
  }

  private static String text(String words) {
    return "\"text\":\"" + words + "\"";
  }

  private List<Map<String, Object>> acks() throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OutboxRow row : station.outbox().unsent(10_000)) {
      if (row.kind() == OutboxRow.Kind.ACK) {
        out.add(Json.object(row.body().orElseThrow()));
      }
    }
    return out;
  }

  private List<AiringRunRecord> runs() {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), runs::add);
    return runs;
  }

  private List<AuditEntry> audit() {
    return station.accounts().audit().between(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)));
  }


  @Test
  void everyBadCommandIsRefusedAuditedAndAckedWithTheReasonAndNothingAirs() throws Exception {
    HubSigner stranger = new HubSigner();
    Instant now = clock.instant();
    byte[] audio = HubSigner.wav(0.5);
    String goodAudio = "\"audio\":{\"name\":\"bao.wav\",\"sha256\":\"" + HubSigner.sha256(audio) + "\",\"data\":\""
        + Base64.getEncoder().encodeToString(audio) + "\"}";
    String badAudio = "\"audio\":{\"name\":\"bao.wav\",\"sha256\":\"" + HubSigner.sha256(new byte[] {1}) + "\",\"data\":\""
        + Base64.getEncoder().encodeToString(audio) + "\"}";
    String payload = HubSigner.command(ME, 1, "emergency", now, now.plusSeconds(3600), ALL, text("Bão số 9"));
    record Case(String what, byte[] envelope, String reason) {}
    List<Case> cases = List.of(
        new Case("not JSON", "{\"payload\": ".getBytes(StandardCharsets.UTF_8), "the command is not readable JSON"),
        new Case("unsigned", ("{\"payload\":\"" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "\"}").getBytes(StandardCharsets.UTF_8), "lệnh không có chữ ký / the command is not signed"),
        new Case("signed by another key", stranger.envelope(payload), "the signature does not verify"),
        new Case("signature over other bytes", HubSigner.envelope(payload.replace("Bão", "Lũ").getBytes(StandardCharsets.UTF_8),
            Base64.getDecoder().decode(new String(hub.envelope(payload), StandardCharsets.UTF_8).replaceAll(".*\"sig\":\"", "")
                .replace("\"}", ""))), "the signature does not verify"),
        new Case("for another station", hub.envelope(HubSigner.command("an-binh", 1, "emergency", now, now.plusSeconds(3600),
            ALL, text("Bão"))), "the command is for another station (an-binh)"),
        new Case("expired", hub.envelope(HubSigner.command(ME, 1, "emergency", now.minusSeconds(7200),
            now.minusSeconds(1), ALL, text("Bão"))), "the command expired at"),
        new Case("issued in the future", hub.envelope(HubSigner.command(ME, 1, "emergency", now.plus(Duration.ofMinutes(11)),
            now.plusSeconds(7200), ALL, text("Bão"))), "more than 10 minutes after station time"),
        new Case("unknown zone", signed(1, "emergency", "[\"ap-1\",\"thon-9\"]", text("Bão")), "unknown zones [thon-9]"),
        new Case("version 2", hub.envelope(payload.replace("{\"v\":1", "{\"v\":2")), "command version 2 is not supported"),
        new Case("oversized without audio", signed(1, "emergency", ALL, text("a".repeat(70_000))),
            "at most 65536 without audio"),
        new Case("audio whose sha256 differs", signed(1, "emergency", ALL, badAudio), "its sha256 does not match"),
        new Case("both text and audio", signed(1, "emergency", ALL, text("Bão") + "," + goodAudio), "exactly one of text"));
    for (Case c : cases) {
      int before = acks().size();
      commands.receive(c.envelope());
      List<Map<String, Object>> acks = acks();
      assertEquals(before + 1, acks.size(), c.what());
      Map<String, Object> ack = acks.get(acks.size() - 1);
      assertEquals("refused", ack.get("state"), c.what());
      String reason = (String) ack.get("reason");
      assertTrue(reason.contains(c.reason()), c.what() + ": " + reason);
      assertTrue(reason.indexOf(" / ") > 0, c.what() + ": Vietnamese, then English: " + reason);
    }
    List<AuditEntry> refusals = audit().stream().filter(e -> e.who().equals("hub") && !e.allowed()).toList();
    assertEquals(cases.size(), refusals.size(), refusals.toString());
    assertTrue(refusals.stream().allMatch(e -> e.address().equals("ssl://127.0.0.1:8883")), refusals.toString());
    assertTrue(commands.idle(5000));
    assertEquals(List.of(), runs(), "nothing aired or was logged");
    assertEquals(List.of(), sound.plays(), "nothing reached the speakers");
    assertEquals(java.util.OptionalLong.empty(), station.hubCommands().highestAccepted(), "no command was accepted");
  }

  @Test
  void aReplayedOrOlderSeqIsRefusedEvenAfterTheStationRestarts() throws Exception {
    commands.receive(signed(5, "bulletin", ALL, text("Lịch tiêm phòng")));
    assertTrue(commands.idle(5000));
    assertEquals(List.of("received", "held"), acks().stream().map(a -> a.get("state")).toList());
    commands.close();
    station.close();
    station = openStation();
    for (long seq : new long[] {5, 3}) {
      commands.receive(signed(seq, "emergency", ALL, text("Bão")));
      Map<String, Object> ack = acks().get(acks().size() - 1);
      assertEquals("refused", ack.get("state"));
      assertTrue(((String) ack.get("reason")).contains("a replayed or old command (seq " + seq + ", accepted up to 5)"),
          ack.toString());
    }
    assertTrue(commands.idle(5000));
    assertEquals(List.of(), runs());
    assertEquals(List.of(), sound.plays());
  }

  /** What receive() stores before it hands the command on: the state a station killed at that moment leaves. */
  private String storedButNotCarriedOut(long seq, String type, Instant expires, String extra) {
    String payload = HubSigner.command(ME, seq, type, clock.instant(), expires, ALL, extra);
    String id;
    try {
      id = (String) Json.object(payload).get("id");
    } catch (Json.MalformedException e) {
      throw new AssertionError(e);
    }
    assertTrue(station.hubCommands().accept(id, seq, type, payload, clock.instant(), HubBodies.ack(Optional.of(id),
        java.util.OptionalLong.of(seq), "received", Optional.empty(), Optional.empty(), "", clock.instant())));
    return id;
  }

  @Test
  void anEmergencyReceivedButNotCarriedOutBeforeAStopAirsAfterTheRestart() throws Exception {
    String id = storedButNotCarriedOut(3, "emergency", clock.instant().plus(Duration.ofHours(1)), text("Bão số 9"));
    commands.close();
    station.close();
    clock.advance(Duration.ofMinutes(2));
    station = openStation();
    assertEquals(List.of(), runs(), "nothing aired before the restart");
    assertEquals(1, commands.resume());
    Eventually.within(Duration.ofSeconds(20), () -> runs().stream().anyMatch(r -> r.outcome().isPresent()),
        "the emergency's run ended");
    assertEquals(1, runs().size());
    assertEquals("EMERGENCY", runs().get(0).priority());
    assertEquals(Optional.of(Outcome.COMPLETED), runs().get(0).outcome(), runs().get(0).reason());
    assertEquals(1, sound.plays().size());
    assertEquals(Optional.of("aired"), station.hubCommands().stateOf(id));
    assertEquals(0, commands.resume(), "a command carried out is not carried out again at the next start");
    assertTrue(commands.idle(5000));
    assertEquals(1, runs().size());
  }

  @Test
  void aCommandThatExpiredWhileTheStationWasDownIsReportedFailedAndDoesNotAir() throws Exception {
    String emergency = storedButNotCarriedOut(4, "emergency", clock.instant().plus(Duration.ofMinutes(30)), text("Lũ"));
    String bulletin = storedButNotCarriedOut(5, "bulletin", clock.instant().plus(Duration.ofHours(6)), text("Tiêm phòng"));
    commands.close();
    station.close();
    clock.advance(Duration.ofHours(1));
    station = openStation();
    assertEquals(2, commands.resume());
    assertTrue(commands.idle(5000));
    assertEquals(Optional.of("failed"), station.hubCommands().stateOf(emergency));
    assertEquals(Optional.of("held"), station.hubCommands().stateOf(bulletin), "the bulletin waits for the operator");
    List<Map<String, Object>> acks = acks();
    assertTrue(acks.stream().anyMatch(a -> emergency.equals(a.get("command")) && "failed".equals(a.get("state"))
        && ((String) a.get("reason")).contains("expired")), acks.toString());
    assertEquals(List.of(), runs());
    assertEquals(List.of(), sound.plays());
  }

  @Test
  void aSignedEmergencyAirsThroughTheStationsRunnerAndIsAckedReceivedThenAiredWithItsRun() throws Exception {
    byte[] audio = HubSigner.wav(2);
    String payload = HubSigner.command(ME, 17, "emergency", clock.instant(), clock.instant().plus(Duration.ofHours(1)),
        "[\"ap-1\",\"ap-3\"]", "\"audio\":{\"name\":\"bao-so-9.wav\",\"sha256\":\"" + HubSigner.sha256(audio)
            + "\",\"data\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}");
    String id = (String) Json.object(payload).get("id");
    commands.receive(hub.envelope(payload));
    Eventually.within(Duration.ofSeconds(20), () -> runs().stream().anyMatch(r -> r.outcome().isPresent()),
        "the emergency's run ended");
    AiringRunRecord run = runs().get(0);
    assertEquals(1, runs().size());
    assertEquals("EMERGENCY", run.priority());
    assertEquals(Optional.of(Outcome.COMPLETED), run.outcome(), run.reason());
    assertEquals(List.of("ap-1", "ap-3"), run.zonesConfirmed());
    assertEquals(1, sound.plays().size(), "it reached the speakers");
    List<OutboxRow> rows = station.outbox().unsent(100);
    List<String> kinds = rows.stream().map(r -> r.kind().stored()).toList();
    assertEquals(List.of("ack", "run", "run-ack"), kinds);
    assertEquals("received", Json.object(rows.get(0).body().orElseThrow()).get("state"));
    assertEquals(Optional.of(id), rows.get(1).hubCommand(), "the run names the command it aired for");
    Map<String, Object> aired = Json.object(HubBodies.runAck(rows.get(2).run().orElseThrow(), rows.get(2).hubCommand()
        .orElseThrow(), rows.get(2).commandSeq()));
    assertEquals("aired", aired.get("state"));
    assertEquals(id, aired.get("command"));
    assertEquals(new java.math.BigDecimal(run.id()), aired.get("runId"));
    assertEquals(new java.math.BigDecimal(17), aired.get("seq"));
    assertEquals("COMPLETED", aired.get("outcome"));
    assertEquals(Optional.of("aired"), station.hubCommands().stateOf(id));
    assertTrue(audit().stream().anyMatch(e -> e.who().equals("hub") && e.allowed() && e.action().equals("hub.emergency")));
  }

  @Test
  void aCancelFromTheHubStopsTheRepeatsOfItsEmergency() throws Exception {
    byte[] audio = HubSigner.wav(1);
    String payload = HubSigner.command(ME, 1, "emergency", clock.instant(), clock.instant().plus(Duration.ofHours(3)), ALL,
        "\"audio\":{\"name\":\"bao.wav\",\"sha256\":\"" + HubSigner.sha256(audio) + "\",\"data\":\""
            + Base64.getEncoder().encodeToString(audio) + "\"},\"repeatEveryMinutes\":30,\"until\":\""
            + clock.instant().plus(Duration.ofHours(2)) + "\"");
    String id = (String) Json.object(payload).get("id");
    commands.receive(hub.envelope(payload));
    Eventually.within(Duration.ofSeconds(20), () -> runs().stream().anyMatch(r -> r.outcome().isPresent()),
        "the first airing ended");
    assertTrue(station.planned().withoutRunOfRule(station.hubCommands().ruleOf(id).orElseThrow()).size() >= 3,
        "its repeats are planned");
    commands.receive(signed(2, "cancel", "null", "\"cancels\":\"" + id + "\""));
    assertTrue(commands.idle(5000));
    List<AiringRunRecord> all = runs();
    assertEquals(Optional.of(Outcome.COMPLETED), all.get(0).outcome());
    assertTrue(all.size() >= 4, all.toString());
    assertTrue(all.subList(1, all.size()).stream().allMatch(r -> r.outcome().equals(Optional.of(Outcome.SKIPPED))),
        all.toString());
    Map<String, Object> last = acks().get(acks().size() - 1);
    assertEquals("accepted", last.get("state"), last.toString());
    assertTrue(((String) last.get("reason")).contains((all.size() - 1) + " airings cancelled"), last.toString());
    assertEquals(1, sound.plays().size(), "only the first airing reached the speakers");
  }

  @Test
  void underAcceptABulletinIsPlannedAtOnce() throws Exception {
    commands.close();
    CommandVerifier verifier = new CommandVerifier(hub.publicKey(), ME, Set.of("ap-1", "ap-2", "ap-3", "ap-4"), clock,
        Optional::empty);
    int[] refreshed = {0};
    commands = new HubCommands(new HubCommands.Parts(verifier, station.hubCommands(), station.accounts().audit(),
        station.manualAiring(), station.runner(), () -> refreshed[0]++, data.resolve("station/content"),
        HubConfig.Bulletins.ACCEPT, clock, TestStations.HCM, "ssl://127.0.0.1:8883", () -> { }));
    Instant at = clock.instant().plus(Duration.ofHours(2));
    byte[] audio = HubSigner.wav(1);
    commands.receive(signed(1, "bulletin", "[\"ap-2\"]", "\"at\":\"" + at + "\",\"audio\":{\"name\":\"tiem.wav\","
        + "\"sha256\":\"" + HubSigner.sha256(audio) + "\",\"data\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}"));
    assertTrue(commands.idle(5000));
    assertEquals(List.of("received", "accepted"), acks().stream().map(a -> a.get("state")).toList());
    assertEquals(1, refreshed[0], "the triggers were told");
    assertEquals(List.of(), runs(), "not aired before its time");
  }

  @Test
  void audioThatDoesNotDecodeIsRefusedAuditedAndNotAired() throws Exception {
    byte[] junk = "RIFF this is not a recording".getBytes(StandardCharsets.UTF_8);
    commands.receive(signed(1, "emergency", ALL, "\"audio\":{\"name\":\"bao.wav\",\"sha256\":\"" + HubSigner.sha256(junk)
        + "\",\"data\":\"" + Base64.getEncoder().encodeToString(junk) + "\"}"));
    assertTrue(commands.idle(5000));
    List<Map<String, Object>> acks = acks();
    assertEquals(List.of("received", "refused"), acks.stream().map(a -> a.get("state")).toList());
    assertTrue(((String) acks.get(1).get("reason")).contains("the station cannot air it"), acks.toString());
    assertTrue(audit().stream().anyMatch(e -> e.who().equals("hub") && !e.allowed()), audit().toString());
    assertEquals(List.of(), runs());
    assertEquals(List.of(), sound.plays());
    commands.receive(signed(1, "emergency", ALL, text("Bão")));
    assertEquals("refused", acks().get(acks().size() - 1).get("state"), "its seq still counts against a replay");
  }

  @Test
  void aBulletinWaitsForTheOperatorUnderReviewAndNothingAirs() throws Exception {
    commands.receive(signed(1, "bulletin", "[\"ap-2\"]", text("Lịch tiêm phòng cho trẻ em")));
    assertTrue(commands.idle(5000));
    assertEquals(List.of("received", "held"), acks().stream().map(a -> a.get("state")).toList());
    assertEquals(List.of(), runs());
    assertFalse(sound.plays().size() > 0);
  }
}
