package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emergency texts under content approval, over real HTTP on loopback: with {@code emergencyBypass: no}
 * an operator's storm warning waits for an approver, who airs it or turns it down; with the default
 * bypass it airs at once and the audit log says it went out without an approver.
 */
class EmergencyApprovalTest {
  private static final String WARNING = "{\"zones\":\"all\",\"text\":\"Bão số 3 sắp đổ bộ, bà con vào nơi trú ẩn an toàn\"}";

  @TempDir
  Path data;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T01:00:00Z"));
  private Station station;
  private Daemon daemon;
  private EmergencyRoutes emergency;
  private ApiServer api;
  private ApiClient client;

  private void start(boolean bypass) throws Exception {
    station = Station.assemble(TestStations.config(Duration.ZERO).withApproval(true).withEmergencyBypass(bypass), data,
        clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance));
    for (String a : List.of("admin", "operator", "officer", "approver")) {
      station.accounts().add(a, Role.parse(a), ApiClient.PASSWORD, "test", "localhost");
    }
    daemon = station.daemon(new RecordingAiringTriggers()).planFrom(station.planner());
    Map<String, String> names = new LinkedHashMap<>();
    station.config().zones().forEach(z -> names.put(z.key().value(), z.name()));
    emergency = new EmergencyRoutes(new EmergencyRoutes.Parts(TestStations.HCM, names, Map.of(),
        data.resolve("content"), station.manualAiring(), station.runner(), daemon,
        EmergencyRoutes.Approval.of(true, bypass), clock));
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), WebConfig.LOCAL_ONLY,
        List.of(emergency));
    client = new ApiClient(() -> api.port().orElseThrow());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (emergency != null) {
      emergency.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (station != null) {
      station.close();
    }
  }

  private List<AiringRunRecord> runs() {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    return runs;
  }

  /** The run the emergency became, once its background airing has written it to the log. */
  private AiringRunRecord runOf(String plannedKey) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (AiringRunRecord r : runs()) {
        if (r.plannedKey().value().equals(plannedKey)) {
          return r;
        }
      }
      Thread.sleep(20); // the airing runs on the route's own thread; this waits for that thread, not for a time
    }
    throw new AssertionError("no run of " + plannedKey + " in the log: " + runs());
  }

  private List<String> auditActions() {
    return station.accounts().audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .map(AuditEntry::action).toList();
  }

  @Test
  void anOperatorsStormWarningWaitsForTheApproverAndAirsTheMomentItIsAccepted() throws Exception {
    start(false);
    ApiClient.Login operator = client.login("operator");
    ApiClient.Login approver = client.login("approver");

    HttpResponse<String> sent = client.json("POST", "/api/emergency", WARNING, operator);
    assertEquals(200, sent.statusCode(), sent.body());
    JsonNode held = json(sent);
    assertEquals("waiting", held.path("state").asText());
    assertEquals("khan-1", held.path("held").asText());
    assertTrue(held.path("progress").asText().contains("chờ người duyệt"), held.toString());
    assertTrue(runs().isEmpty(), "nothing is planned or aired while it waits");

    JsonNode seen = json(client.get("/api/emergency/held", operator));
    assertEquals(1, seen.size());
    assertEquals("waiting", seen.get(0).path("state").asText());
    assertEquals("operator", seen.get(0).path("sentBy").asText());
    assertEquals(403, client.get("/api/emergency/held", client.login("officer")).statusCode());
    assertEquals(403, client.json("POST", "/api/emergency/held/khan-1/accept", "", operator).statusCode(),
        "an operator does not approve their own emergency");

    HttpResponse<String> accepted = client.json("POST", "/api/emergency/held/khan-1/accept", "", approver);
    assertEquals(200, accepted.statusCode(), accepted.body());
    String key = json(accepted).path("key").asText();
    assertFalse(key.isEmpty(), accepted.body());
    assertEquals("EMERGENCY", runOf(key).priority().toUpperCase(java.util.Locale.ROOT));

    JsonNode after = json(client.get("/api/emergency/held", operator)).get(0);
    assertEquals("accepted", after.path("state").asText());
    assertEquals("approver", after.path("decidedBy").asText());
    assertEquals(key, after.path("key").asText());
    assertEquals(409, client.json("POST", "/api/emergency/held/khan-1/accept", "", approver).statusCode(),
        "an emergency accepted once does not air twice");
    assertEquals(404, client.json("POST", "/api/emergency/held/khan-9/accept", "", approver).statusCode());
    assertTrue(auditActions().containsAll(List.of("emergency.held khan-1", "emergency.accept khan-1")), auditActions().toString());
  }

  @Test
  void aRejectedEmergencyNeverAirsAndTheOperatorSeesWhy() throws Exception {
    start(false);
    ApiClient.Login operator = client.login("operator");
    ApiClient.Login approver = client.login("approver");
    assertEquals(200, client.json("POST", "/api/emergency", WARNING, operator).statusCode());
    HttpResponse<String> noReason = client.json("POST", "/api/emergency/held/khan-1/reject", "{}", approver);
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals("reason", json(noReason).path("field").asText());
    HttpResponse<String> rejected = client.json("POST", "/api/emergency/held/khan-1/reject",
        "{\"reason\":\"sai tên cơn bão\"}", approver);
    assertEquals(200, rejected.statusCode(), rejected.body());

    JsonNode seen = json(client.get("/api/emergency/held", operator)).get(0);
    assertEquals("rejected", seen.path("state").asText());
    assertEquals("sai tên cơn bão", seen.path("reason").asText());
    assertEquals(409, client.json("POST", "/api/emergency/held/khan-1/accept", "", approver).statusCode());
    assertTrue(runs().isEmpty(), "a rejected emergency is never planned");
    assertTrue(auditActions().contains("emergency.reject khan-1"), auditActions().toString());
  }

  @Test
  void anAdminsEmergencyIsNotHeld() throws Exception {
    start(false);
    HttpResponse<String> sent = client.json("POST", "/api/emergency", WARNING, client.login("admin"));
    assertEquals(200, sent.statusCode(), sent.body());
    assertTrue(json(sent).path("state").isMissingNode(), sent.body());
    runOf(json(sent).path("key").asText());
  }

  @Test
  void withTheDefaultBypassTheWarningAirsAtOnceAndTheAuditSaysItBypassedTheApprover() throws Exception {
    start(true);
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> sent = client.json("POST", "/api/emergency", WARNING, operator);
    assertEquals(200, sent.statusCode(), sent.body());
    assertTrue(json(sent).path("state").isMissingNode(), sent.body());
    runOf(json(sent).path("key").asText());
    AuditEntry bypass = station.accounts().audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream().filter(e -> e.action().equals("emergency.bypass")).findFirst().orElseThrow(() ->
            new AssertionError("no bypass in the audit log: " + auditActions()));
    assertEquals("operator", bypass.who());
    assertTrue(bypass.after().contains("without an approver") && bypass.after().contains("Bão số 3"), bypass.after());
    assertEquals(0, json(client.get("/api/emergency/held", operator)).size());
  }
}
