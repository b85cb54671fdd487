package io.loaxa.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.devices.Pause;
import io.loaxa.hub.Bodies;
import io.loaxa.hub.HubDaemon;
import io.loaxa.hub.HubPostgres;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.testkit.Integration;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's API over real HTTP on loopback, with a real PostgreSQL and the broker away. */
@Integration
class HubApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static HubPostgres pg;
  static HubDaemon hub;
  static String base;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    pg = HubPostgres.start();
    Instant now = Instant.now();
    pg.stations(now, "tan-hung", "Tân Hưng", "binh-an", "Bình An");
    pg.store.file(List.of(HubPostgres.decoded("tan-hung", "run", Bodies.run("tan-hung", 5, 1, "cchc",
        now.minusSeconds(3600), "COMPLETED"))), now);
    HubKeys.generate(dir.resolve("keys"));
    HubConfig config = new HubConfig("Sở VHTT tỉnh thử", ZoneId.of("Asia/Ho_Chi_Minh"), dir.resolve("data"),
        dir.resolve("keys").resolve(HubKeys.PRIVATE),
        new HubConfig.Database(pg.cluster.jdbcUrl(), pg.cluster.user(), Optional.empty(), 4),
        new HubConfig.Broker("tcp://127.0.0.1:1", "hub", Optional.empty(), Optional.empty()), WebConfig.LOCAL_ONLY,
        PeakWindows.DEFAULT);
    hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping());
    hub.accounts().add("tinh-op", Role.OPERATOR, "mat-khau-dai-du-1", "test", "127.0.0.1");
    hub.accounts().add("tinh-vhxh", Role.OFFICER, "mat-khau-dai-du-2", "test", "127.0.0.1");
    base = "http://127.0.0.1:" + hub.api().localPort();
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    pg.close();
  }

  /** A browser-like client: its own cookie jar and the CSRF token from login. */
  static final class Client {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf = "";

    Client login(String name, String password) throws Exception {
      HttpResponse<String> r = post("/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
      assertEquals(200, r.statusCode(), r.body());
      csrf = JSON.readTree(r.body()).get("csrf").asText();
      return this;
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-Token", csrf)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @Test
  void anOperatorPushesAnEmergencyToACommuneAndSeesItQueuedWhileTheBrokerIsAway() throws Exception {
    Client op = new Client().login("tinh-op", "mat-khau-dai-du-1");
    HttpResponse<String> r = op.post("/api/hub/pushes", "{\"type\":\"emergency\",\"title\":\"Cảnh báo lũ\","
        + "\"text\":\"Nước sông lên nhanh.\",\"to\":{\"communes\":[\"Tân Hưng\"]},\"repeatEveryMinutes\":30}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode push = JSON.readTree(r.body());
    assertEquals(1, push.get("stations").size());
    assertEquals("tan-hung", push.get("stations").get(0).get("station").asText());
    assertEquals("queued", push.get("stations").get(0).get("state").asText());
    JsonNode again = JSON.readTree(op.get("/api/hub/pushes/" + push.get("push").asText()).body());
    assertEquals(1, again.get("counts").get("queued").asInt());
  }

  @Test
  void aPushToAnUnknownCommuneIsRefusedInTheOneErrorShape() throws Exception {
    Client op = new Client().login("tinh-op", "mat-khau-dai-du-1");
    HttpResponse<String> r = op.post("/api/hub/pushes", "{\"type\":\"bulletin\",\"title\":\"Tin\",\"text\":\"x\","
        + "\"to\":{\"communes\":[\"Không Có\"]}}");
    assertEquals(400, r.statusCode());
    assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("không có đài nào của xã 'Không Có'"), r.body());
  }

  @Test
  void anOfficerReadsTheReportButCannotPush() throws Exception {
    Client officer = new Client().login("tinh-vhxh", "mat-khau-dai-du-2");
    assertEquals(403, officer.post("/api/hub/pushes", "{}").statusCode());
    String month = java.time.YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    HttpResponse<String> json = officer.get("/api/hub/report?period=" + month);
    assertEquals(200, json.statusCode(), json.body());
    JsonNode report = JSON.readTree(json.body());
    assertEquals(2, report.get("cchc").size(), json.body());
    HttpResponse<byte[]> xlsx = officer.bytes("/api/hub/report?period=" + month + "&format=xlsx");
    assertEquals(200, xlsx.statusCode());
    assertEquals('P', xlsx.body()[0]);
    assertEquals('K', xlsx.body()[1]);
  }

  @Test
  void stationsShowTheirCommuneHamletsAndWhenLastSeen() throws Exception {
    Client officer = new Client().login("tinh-vhxh", "mat-khau-dai-du-2");
    JsonNode s = JSON.readTree(officer.get("/api/hub/stations").body()).get("stations");
    assertEquals(2, s.size());
    JsonNode tanHung = s.get(0).get("station").asText().equals("tan-hung") ? s.get(0) : s.get(1);
    assertEquals("Tân Hưng", tanHung.get("commune").asText());
    assertEquals(2, tanHung.get("zones").size());
    assertTrue(tanHung.get("online").asBoolean());
    assertTrue(tanHung.get("health").get("clockTrusted").asBoolean());
  }

  @Test
  void theOpenApiDocumentNamesTheHubRoutes() throws Exception {
    JsonNode doc = JSON.readTree(new Client().get("/api/openapi.json").body());
    for (String path : List.of("/api/hub/stations", "/api/hub/pushes", "/api/hub/pushes/{push}", "/api/hub/pushes/{push}/cancel",
        "/api/hub/report")) {
      assertTrue(doc.get("paths").has(path), path);
    }
    assertTrue(doc.get("components").get("schemas").has("PushRequest"));
  }

  @Test
  void theStationsOwnAirAndLinePathsAreNotServedByTheHub() throws Exception {
    Client op = new Client().login("tinh-op", "mat-khau-dai-du-1");
    assertEquals(404, op.get("/api/status").statusCode());
    assertEquals(404, op.get("/api/zones/status").statusCode());
    for (String path : List.of("/api/air", "/api/air/cancel", "/api/zones")) {
      HttpResponse<String> r = op.post(path, "{\"action\":\"all-off\",\"rule\":\"x\"}");
      assertEquals(404, r.statusCode(), path + ": " + r.body());
    }
    JsonNode paths = JSON.readTree(op.get("/api/openapi.json").body()).get("paths");
    for (String path : List.of("/api/status", "/api/zones/status", "/api/zones", "/api/air", "/api/air/cancel")) {
      assertFalse(paths.has(path), path + " is not the hub's");
    }
    assertTrue(paths.has("/api/users") && paths.has("/api/audit"), "the accounts' paths stay");
  }

  @Test
  void withoutASessionNothingIsShown() throws Exception {
    assertEquals(401, new Client().get("/api/hub/stations").statusCode());
  }
}
