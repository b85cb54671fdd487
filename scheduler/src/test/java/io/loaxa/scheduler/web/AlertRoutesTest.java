package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.web.ApiClient.Login;
import io.loaxa.testkit.Integration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert settings page's API over real HTTP on loopback: a station whose e-mail alerts go to a
 * local SMTP server (aiosmtpd, with a login) and whose SMS modem is a port nobody answers on.
 */
@Integration
class AlertRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMTP_PASSWORD = AlertStation.SMTP_PASSWORD;

  @TempDir
  Path data;
  @TempDir
  Path dir;

  private AlertStation alerting;
  private WebUiStation station;
  private Path mail;


  @BeforeEach
  void start() throws Exception {
    alerting = new AlertStation(data, dir, "admin", "operator", "officer");
    station = alerting.station;
    mail = alerting.mail;
  }

  @AfterEach
  void stop() throws Exception {
    if (alerting != null) {
      alerting.close();
    }
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

  private HttpResponse<String> get(Login l) throws Exception {
    return send("GET", "/api/alerts", null, Optional.of(l), false);
  }

  private HttpResponse<String> put(Login l, String body) throws Exception {
    return send("PUT", "/api/alerts", body, Optional.of(l), true);
  }

  private List<AuditEntry> audit(String action) {
    return station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
        .filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void anAdminSeesTheChannelsAsConfiguredWithoutThePasswordAndTheConfigsRecipients() throws Exception {
    HttpResponse<String> r = get(login("admin"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(!r.body().contains(SMTP_PASSWORD), "never the password: " + r.body());
    JsonNode a = JSON.readTree(r.body());
    assertEquals(alerting.modemPort.toString(), a.path("channels").path("sms").path("port").asText());
    assertEquals("127.0.0.1", a.path("channels").path("email").path("host").asText());
    assertEquals("inline", a.path("channels").path("email").path("password").asText());
    assertEquals("config", a.path("source").asText());
    assertEquals(120, a.path("repeatMinutes").asInt());
    assertEquals(1, a.path("recipients").size());
    assertEquals("lan@xathu.vn", a.path("recipients").get(0).path("email").asText());
    assertTrue(a.path("recipients").get(0).path("kinds").isEmpty(), "every kind");
    assertEquals(IncidentKind.values().length, a.path("kinds").size());
    assertTrue(a.path("lastAlerts").isEmpty());
  }

  @Test
  void onlyAnAdminMayReadOrChangeTheAlertSettings() throws Exception {
    String body = "{\"recipients\":[{\"name\":\"Anh Tâm\",\"email\":\"tam@xathu.vn\"}],\"repeatMinutes\":30}";
    assertEquals(401, send("GET", "/api/alerts", null, Optional.empty(), false).statusCode());
    assertEquals(401, send("PUT", "/api/alerts", body, Optional.empty(), false).statusCode());
    assertEquals(401, send("POST", "/api/alerts/test", "{}", Optional.empty(), false).statusCode());
    for (String role : List.of("operator", "officer")) {
      Login l = login(role);
      assertEquals(403, get(l).statusCode(), role);
      assertEquals(403, put(l, body).statusCode(), role);
      assertEquals(403, send("DELETE", "/api/alerts", null, Optional.of(l), true).statusCode(), role);
      assertEquals(403, send("POST", "/api/alerts/test", "{}", Optional.of(l), true).statusCode(), role);
    }
    Login admin = login("admin");
    HttpResponse<String> noCsrf = send("PUT", "/api/alerts", body, Optional.of(admin), false);
    assertEquals(403, noCsrf.statusCode(), noCsrf.body());
    assertEquals(403, send("POST", "/api/alerts/test", "{}", Optional.of(admin), false).statusCode());
    assertEquals("config", JSON.readTree(get(admin).body()).path("source").asText(), "nothing saved");
    assertTrue(Files.notExists(mail), "no test message went out");
  }

  @Test
  void aBadPhoneNumberOrAddressIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
    Login admin = login("admin");
    List<String[]> refused = List.of(
        new String[] {"[{\"name\":\"Chị Lan\",\"email\":\"lan@xathu.vn\"},{\"name\":\"Anh Tâm\",\"phone\":\"0123\"}]",
            "recipients[1].phone"},
        new String[] {"[{\"name\":\"Anh Tâm\",\"phone\":\"+84212345678\"}]", "recipients[0].phone"},
        new String[] {"[{\"name\":\"Anh Tâm\",\"phone\":\"+1 212 555 0100\"}]", "recipients[0].phone"},
        new String[] {"[{\"name\":\"Anh Tâm\",\"email\":\"tam(a)xathu\"}]", "recipients[0].email"},
        new String[] {"[{\"name\":\"\",\"email\":\"tam@xathu.vn\"}]", "recipients[0].name"},
        new String[] {"[{\"name\":\"Anh Tâm\"}]", "recipients[0].phone"},
        new String[] {"[{\"name\":\"Anh Tâm\",\"email\":\"tam@xathu.vn\",\"kinds\":[\"mat-dien\"]}]",
            "recipients[0].kinds"},
        new String[] {"[{\"name\":\"Anh Tâm\",\"email\":\"tam@xathu.vn\",\"fax\":\"1\"}]", "recipients[0].fax"});
    for (String[] c : refused) {
      HttpResponse<String> r = put(admin, "{\"recipients\":" + c[0] + ",\"repeatMinutes\":30}");
      assertEquals(400, r.statusCode(), c[0] + " " + r.body());
      assertEquals(c[1], JSON.readTree(r.body()).path("field").asText(), r.body());
    }
    HttpResponse<String> often = put(admin, "{\"recipients\":[],\"repeatMinutes\":1}");
    assertEquals(400, often.statusCode(), often.body());
    assertEquals("repeatMinutes", JSON.readTree(often.body()).path("field").asText());
    String phone = put(admin, "{\"recipients\":[{\"name\":\"Anh Tâm\",\"phone\":\"0123\"}]}").body();
    assertTrue(JSON.readTree(phone).path("error").asText().contains("+84912345678"), phone);
    JsonNode after = JSON.readTree(get(admin).body());
    assertEquals("config", after.path("source").asText(), "nothing saved");
    assertEquals("lan@xathu.vn", after.path("recipients").get(0).path("email").asText());
    assertTrue(station.station.alertSettings().saved().isEmpty());
    assertTrue(audit("alerts.settings").stream().anyMatch(e -> !e.allowed() && e.after().contains("recipients[1].phone")),
        "the refusal is in the audit log");
  }

  @Test
  void anEditChangesWhoTheNextAlertGoesToAndIsAuditedBeforeAndAfter() throws Exception {
    Login admin = login("admin");
    String version = JSON.readTree(get(admin).body()).path("version").asText();
    HttpResponse<String> r = put(admin, "{\"version\":\"" + version + "\",\"recipients\":["
        + "{\"name\":\"Anh Tâm\",\"email\":\"tam@xathu.vn\",\"kinds\":[\"board-offline\"]},"
        + "{\"name\":\"Chị Hoa\",\"phone\":\"091 234 5678\",\"kinds\":[\"dead-air\"]}],\"repeatMinutes\":45}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode saved = JSON.readTree(r.body());
    assertEquals("page", saved.path("source").asText());
    assertEquals("admin", saved.path("changedBy").asText());
    assertEquals("+84912345678", saved.path("recipients").get(1).path("phone").asText(), "stored as +84…");
    assertEquals(45, saved.path("repeatMinutes").asInt());
    assertEquals("lan@xathu.vn", saved.path("defaults").path("recipients").get(0).path("email").asText(),
        "the config's recipients stay the defaults");
    assertEquals(409, put(admin, "{\"version\":\"" + version + "\",\"recipients\":[]}").statusCode(),
        "a page that read the old settings cannot overwrite the new ones");

    station.station.incidents().observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", station.clock.instant(),
        "bảng rơ-le tu-chinh không trả lời");
    station.station.alerts().tick(station.clock.instant());
    List<String> sent = Files.readAllLines(mail, StandardCharsets.UTF_8);
    assertEquals(1, sent.size(), sent.toString());
    assertTrue(sent.get(0).contains("\"to\": [\"tam@xathu.vn\"]"), sent.get(0));
    assertEquals(Optional.of(Duration.ofMinutes(45)), station.station.alerts().repeat());

    List<AuditEntry> changes = audit("alerts.settings");
    assertEquals(1, changes.size(), changes.toString());
    AuditEntry change = changes.get(0);
    assertEquals("admin", change.who());
    assertTrue(change.allowed());
    assertTrue(change.before().contains("repeat 120 min") && change.before().contains("lan@xathu.vn"), change.before());
    assertTrue(change.after().contains("repeat 45 min") && change.after().contains("tam@xathu.vn [board-offline]")
        && change.after().contains("+84912345678"), change.after());

    JsonNode last = JSON.readTree(get(admin).body()).path("lastAlerts");
    assertEquals(1, last.size(), last.toString());
    assertEquals("email", last.get(0).path("channel").asText());
    assertEquals("tam@xathu.vn", last.get(0).path("recipient").asText());
    assertEquals("sent", last.get(0).path("outcome").asText());
    assertEquals("board-offline", last.get(0).path("kind").asText());

    HttpResponse<String> reset = send("DELETE", "/api/alerts", null, Optional.of(admin), true);
    assertEquals(200, reset.statusCode(), reset.body());
    assertEquals("config", JSON.readTree(reset.body()).path("source").asText());
    station.station.incidents().resolved(IncidentKind.BOARD_OFFLINE, "tu-chinh", station.clock.instant());
    station.station.alerts().tick(station.clock.instant());
    sent = Files.readAllLines(mail, StandardCharsets.UTF_8);
    assertEquals(2, sent.size(), sent.toString());
    assertTrue(sent.get(1).contains("\"to\": [\"lan@xathu.vn\"]"), "back to the config's recipient: " + sent.get(1));
  }

  @Test
  void aFailedDeliveryIsShownWithTheChannelsWords() throws Exception {
    Login admin = login("admin");
    assertEquals(200, put(admin, "{\"recipients\":[{\"name\":\"Chị Hoa\",\"phone\":\"+84912345678\"}]}").statusCode());
    station.station.incidents().observed(IncidentKind.DISK_NEARLY_FULL, "/var/lib/loaxa", station.clock.instant(),
        "còn 80 MB trống");
    station.station.alerts().tick(station.clock.instant());
    JsonNode a = JSON.readTree(get(admin).body());
    assertTrue(a.path("repeatMinutes").isNull(), "no repeat when the page leaves it empty");
    JsonNode last = a.path("lastAlerts");
    assertEquals(1, last.size(), last.toString());
    assertEquals("sms", last.get(0).path("channel").asText());
    assertEquals("+84912345678", last.get(0).path("recipient").asText());
    assertEquals("failed", last.get(0).path("outcome").asText());
    assertTrue(!last.get(0).path("detail").asText().isEmpty(), last.toString());
  }

  @Test
  void theTestButtonSendsOnEveryChannelAndSaysWhatEachDid() throws Exception {
    Login admin = login("admin");
    HttpResponse<String> r = send("POST", "/api/alerts/test", "{}", Optional.of(admin), true);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode channels = JSON.readTree(r.body()).path("channels");
    assertEquals(2, channels.size(), r.body());
    assertEquals("sms", channels.get(0).path("channel").asText());
    assertTrue(!channels.get(0).path("sent").asBoolean(), "nobody has a phone: " + r.body());
    assertEquals("email", channels.get(1).path("channel").asText());
    assertTrue(channels.get(1).path("sent").asBoolean(), r.body());
    assertTrue(channels.get(1).path("what").asText().contains("lan@xathu.vn"), r.body());
    assertTrue(Files.readString(mail).contains("Thử cảnh báo"), Files.readString(mail));
    assertEquals(1, audit("alerts.test").size());
  }
}
