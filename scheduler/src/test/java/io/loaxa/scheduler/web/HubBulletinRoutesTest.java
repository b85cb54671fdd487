package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.config.HubConfig;
import io.loaxa.scheduler.uplink.CommandVerifier;
import io.loaxa.scheduler.uplink.HubCommands;
import io.loaxa.scheduler.uplink.HubSigner;
import io.loaxa.scheduler.web.ApiClient.Login;
import java.net.http.HttpResponse;
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

/**
 * Bulletins the province hub pushed under {@code hub.bulletins: review}, over real HTTP on loopback:
 * signed with a real Ed25519 key, held by the station's own hub command handling, listed for an
 * operator, accepted (planned, acked accepted) or rejected with a reason (acked rejected), audited.
 */
class HubBulletinRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ME = "tan-hung";

  @TempDir
  Path data;

  private WebUiStation station;
  private HubSigner hub;
  private HubCommands commands;


  @BeforeEach
  void start() throws Exception {
    station = new WebUiStation(data, "admin", "operator", "officer");
    hub = new HubSigner();
    CommandVerifier verifier = new CommandVerifier(hub.publicKey(), ME, Set.of("ap-1", "ap-2", "ap-3", "ap-4"),
        station.clock, Optional::empty);
    var s = station.station;
    commands = new HubCommands(new HubCommands.Parts(verifier, s.hubCommands(), s.accounts().audit(), s.manualAiring(),
        s.runner(), () -> { }, data.resolve("content"), HubConfig.Bulletins.REVIEW, station.clock, TestStations.HCM,
        "ssl://127.0.0.1:8883", () -> { }));
    station.hubCommands.set(commands);
  }

  @AfterEach
  void stop() {
    commands.close();
    station.close();
  }

  private void pushed(long seq, String words) throws Exception {
    Instant now = station.clock.instant();
    commands.receive(hub.envelope(HubSigner.command(ME, seq, "bulletin", now, now.plus(Duration.ofHours(2)),
        "[\"ap-1\",\"ap-2\"]", "\"text\":\"" + words + "\"")));
    assertTrue(commands.idle(5000));
  }

  private Login login(String name) throws Exception {
    return station.client().login(name);
  }

  private HttpResponse<String> send(String method, String path, String body, Optional<Login> login, boolean csrf)
      throws Exception {
    ApiClient.Request r = ApiClient.request(method, path, body == null ? "" : body, "application/json");
    if (login.isPresent()) {
      r = csrf ? r.as(login.get()) : r.as(login.get()).withoutCsrf();
    }
    return station.client().send(r);
  }

  private String commandId(String words) throws Exception {
    JsonNode held = JSON.readTree(send("GET", "/api/hub/bulletins", null, Optional.of(login("operator")), false).body())
        .path("held");
    for (JsonNode h : held) {
      if (h.path("text").asText().equals(words)) {
        return h.path("id").asText();
      }
    }
    throw new AssertionError("no held bulletin '" + words + "' in " + held);
  }

  @Test
  void anOperatorSeesAHeldBulletinAndAcceptsItAndItIsPlannedAndAcked() throws Exception {
    pushed(1, "Ngày mai tiêm phòng cho trẻ em");
    assertEquals(401, send("GET", "/api/hub/bulletins", null, Optional.empty(), false).statusCode());
    assertEquals(403, send("GET", "/api/hub/bulletins", null, Optional.of(login("officer")), false).statusCode());
    Login operator = login("operator");
    HttpResponse<String> list = send("GET", "/api/hub/bulletins", null, Optional.of(operator), false);
    assertEquals(200, list.statusCode(), list.body());
    JsonNode body = JSON.readTree(list.body());
    assertTrue(body.path("linked").asBoolean());
    assertEquals(1, body.path("held").size(), list.body());
    JsonNode b = body.path("held").get(0);
    assertEquals("Ngày mai tiêm phòng cho trẻ em", b.path("text").asText());
    assertEquals("NORMAL", b.path("priority").asText());
    assertEquals(List.of("ap-1", "ap-2"), List.of(b.path("zones").get(0).asText(), b.path("zones").get(1).asText()));
    String id = b.path("id").asText();

    assertEquals(403, send("POST", "/api/hub/bulletins/" + id + "/accept", "{}", Optional.of(operator), false)
        .statusCode(), "no CSRF token");
    assertEquals(Optional.of("held"), station.station.hubCommands().stateOf(id));
    HttpResponse<String> accepted = send("POST", "/api/hub/bulletins/" + id + "/accept", "{}", Optional.of(operator), true);
    assertEquals(200, accepted.statusCode(), accepted.body());
    String rule = JSON.readTree(accepted.body()).path("rule").asText();
    assertEquals(Optional.of("accepted"), station.station.hubCommands().stateOf(id));
    assertEquals(Optional.of(rule), station.station.hubCommands().ruleOf(id));
    assertTrue(!station.station.planned().withoutRunOfRule(rule).isEmpty(), "planned as " + rule);
    assertEquals(0, JSON.readTree(send("GET", "/api/hub/bulletins", null, Optional.of(operator), false).body())
        .path("held").size(), "no longer waiting");
    assertEquals(409, send("POST", "/api/hub/bulletins/" + id + "/accept", "{}", Optional.of(operator), true).statusCode(),
        "not twice");
    List<AuditEntry> audit = station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(60));
    assertTrue(audit.stream().anyMatch(e -> e.who().equals("operator") && e.action().equals("hub.bulletin.accept " + id)
        && e.allowed()), audit.toString());
  }

  @Test
  void anOperatorRejectsAHeldBulletinWithAReasonAndNothingIsPlanned() throws Exception {
    pushed(2, "Họp dân tối nay");
    String id = commandId("Họp dân tối nay");
    Login operator = login("operator");
    HttpResponse<String> noReason = send("POST", "/api/hub/bulletins/" + id + "/reject", "{\"reason\":\" \"}",
        Optional.of(operator), true);
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals("reason", JSON.readTree(noReason.body()).path("field").asText());
    assertEquals(Optional.of("held"), station.station.hubCommands().stateOf(id));
    HttpResponse<String> r = send("POST", "/api/hub/bulletins/" + id + "/reject",
        "{\"reason\":\"Trùng với bản tin xã đã phát\"}", Optional.of(operator), true);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Optional.of("rejected"), station.station.hubCommands().stateOf(id));
    assertEquals(Optional.empty(), station.station.hubCommands().ruleOf(id), "nothing planned");
    List<AuditEntry> audit = station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(60));
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("hub.bulletin.reject " + id)
        && e.after().contains("Trùng với bản tin xã đã phát")), audit.toString());
    assertEquals(409, send("POST", "/api/hub/bulletins/nope-1/accept", "{}", Optional.of(operator), true).statusCode());
  }
}
