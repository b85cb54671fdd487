package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.StationControl;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.testkit.MutableClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over real HTTP on loopback, a real SQLite file and the simulated board. */
class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "mat-khau-dai-1";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));

  @TempDir
  Path data;

  private Station station;
  private Daemon daemon;
  private ApiServer api;

  private ApiServer start(WebConfig web, String... accounts) throws Exception {
    return start(web, List.of(), accounts);
  }

  private ApiServer start(WebConfig web, List<RouteGroup> groups, String... accounts) throws Exception {
    station = TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance),
        Duration.ZERO);
    for (String a : accounts) {
      station.accounts().add(a, Role.parse(a), PASSWORD, "test", "localhost");
    }
    daemon = station.daemon(new RecordingAiringTriggers());
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), web, groups);
    return api;
  }

  private ApiServer start() throws Exception {
    return start(WebConfig.LOCAL_ONLY, "admin", "operator", "officer", "approver");
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (station != null) {
      station.close();
    }
  }

  /** A logged-in client: its cookie and CSRF token. */
  private record Login(String cookie, String csrf) {}

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port().orElseThrow() + path);
  }

  private HttpResponse<String> post(String path, String body, Optional<Login> login, Optional<String> csrf) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    login.ifPresent(l -> b.header("Cookie", l.cookie()));
    csrf.ifPresent(c -> b.header(ApiServer.CSRF_HEADER, c));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String body, Login login) throws Exception {
    return post(path, body, Optional.of(login), Optional.of(login.csrf()));
  }

  private HttpResponse<String> get(String path, Optional<Login> login) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    login.ifPresent(l -> b.header("Cookie", l.cookie()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Login login(String name) throws Exception {
    HttpResponse<String> r = post("/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
        Optional.empty(), Optional.empty());
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void withoutASessionEveryRouteButLoginIs401InTheOneErrorShape() throws Exception {
    start();
    HttpResponse<String> r = get("/api/status", Optional.empty());
    assertEquals(401, r.statusCode());
    JsonNode e = json(r);
    assertTrue(e.path("error").asText().startsWith("cần đăng nhập"), r.body());
    assertTrue(e.has("field") && e.has("line"), r.body());
    assertEquals(401, post("/api/zones", "{\"action\":\"all-off\"}", Optional.empty(), Optional.empty()).statusCode());
    HttpRequest en = HttpRequest.newBuilder(uri("/api/status")).header("Accept-Language", "en").GET().build();
    assertEquals("login required", json(http.send(en, HttpResponse.BodyHandlers.ofString())).path("error").asText());
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrictAndExpiresWhenIdle() throws Exception {
    start();
    HttpResponse<String> r = post("/api/login", "{\"name\":\"officer\",\"password\":\"" + PASSWORD + "\"}",
        Optional.empty(), Optional.empty());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "no Secure flag over plain HTTP: " + cookie);
    Login officer = new Login(cookie.substring(0, cookie.indexOf(';')), json(r).path("csrf").asText());
    assertEquals(200, get("/api/status", Optional.of(officer)).statusCode());
    clock.advance(Sessions.IDLE.plusMinutes(1));
    assertEquals(401, get("/api/status", Optional.of(officer)).statusCode(), "the idle session expired");
  }

  @Test
  void eachRoleIsAllowedAndRefusedWhereItShould() throws Exception {
    start();
    Login admin = login("admin");
    Login operator = login("operator");
    Login officer = login("officer");
    Login approver = login("approver");
    for (Login l : List.of(admin, operator, officer, approver)) {
      HttpResponse<String> s = get("/api/status", Optional.of(l));
      assertEquals(200, s.statusCode());
      assertEquals("Thử", json(s).path("station").asText());
    }
    String allOff = "{\"action\":\"all-off\"}";
    assertEquals(200, post("/api/zones", allOff, operator).statusCode());
    assertEquals(200, post("/api/zones", allOff, admin).statusCode());
    assertEquals(403, post("/api/zones", allOff, officer).statusCode());
    assertEquals(403, post("/api/zones", allOff, approver).statusCode());
    HttpResponse<String> on = post("/api/zones", "{\"action\":\"on\",\"zones\":\"ap-1\"}", operator);
    assertEquals(200, on.statusCode(), on.body());
    assertEquals(200, get("/api/users", Optional.of(admin)).statusCode());
    assertEquals(403, get("/api/users", Optional.of(operator)).statusCode());
    assertEquals(200, get("/api/audit", Optional.of(officer)).statusCode());
    assertEquals(403, get("/api/audit", Optional.of(operator)).statusCode());
    assertEquals(403, post("/api/users", "{\"name\":\"x\",\"role\":\"admin\",\"password\":\"" + PASSWORD + "\"}",
        operator).statusCode());
    HttpResponse<String> added = post("/api/users", "{\"name\":\"canbo\",\"role\":\"officer\",\"password\":\"" + PASSWORD
        + "\"}", admin);
    assertEquals(200, added.statusCode(), added.body());
    HttpResponse<String> weak = post("/api/users", "{\"name\":\"yeu\",\"role\":\"officer\",\"password\":\"123\"}", admin);
    assertEquals(400, weak.statusCode());
    assertEquals("password", json(weak).path("field").asText());
    HttpResponse<String> role = post("/api/users", "{\"name\":\"yeu\",\"role\":\"boss\",\"password\":\"" + PASSWORD + "\"}", admin);
    assertEquals("role", json(role).path("field").asText());
    String audit = get("/api/audit?format=csv", Optional.of(admin)).body();
    assertTrue(audit.contains("role officer refused"), audit);
    assertTrue(audit.contains("user.add canbo"), audit);
  }

  @Test
  void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
    start();
    Login operator = login("operator");
    String allOff = "{\"action\":\"all-off\"}";
    assertEquals(403, post("/api/zones", allOff, Optional.of(operator), Optional.empty()).statusCode());
    HttpResponse<String> wrong = post("/api/zones", allOff, Optional.of(operator), Optional.of("0".repeat(64)));
    assertEquals(403, wrong.statusCode());
    assertEquals(ApiServer.CSRF_HEADER, json(wrong).path("field").asText());
    assertEquals(403, post("/api/zones", allOff, Optional.of(operator), Optional.of(login("admin").csrf())).statusCode(),
        "another session's token does not count");
    assertEquals(200, post("/api/zones", allOff, operator).statusCode());
  }

  @Test
  void hundredWrongPasswordsAreThrottledAndTheLockoutIsAudited() throws Exception {
    start();
    int refused = 0;
    int locked = 0;
    for (int i = 0; i < 100; i++) {
      int code = post("/api/login", "{\"name\":\"admin\",\"password\":\"sai-" + i + "-mat-khau\"}", Optional.empty(),
          Optional.empty()).statusCode();
      if (code == 401) {
        refused++;
      } else if (code == 429) {
        locked++;
      }
    }
    assertEquals(LoginThrottleLimits.MAX, refused, "only the first attempts reach the password check");
    assertEquals(100 - LoginThrottleLimits.MAX, locked);
    assertEquals(429, post("/api/login", "{\"name\":\"admin\",\"password\":\"" + PASSWORD + "\"}", Optional.empty(),
        Optional.empty()).statusCode(), "the right password waits for the lockout too");
    // another account from the same address is locked by the address count
    assertEquals(429, post("/api/login", "{\"name\":\"officer\",\"password\":\"" + PASSWORD + "\"}", Optional.empty(),
        Optional.empty()).statusCode());
    clock.advance(Duration.ofMinutes(16));
    login("admin");
    long failed = station.accounts().audit().between(Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
        .filter(e -> e.action().equals("login") && !e.allowed()).count();
    assertTrue(failed >= 100, "every failed or locked login is in the audit log: " + failed);
  }

  /** The throttle's limit as the test expects it. */
  private static final class LoginThrottleLimits {
    static final int MAX = io.loaxa.scheduler.accounts.LoginThrottle.MAX_FAILURES;
  }

  @Test
  void theLocalCommandLineReachesTheDaemonWithTheCredentialFileOnly() throws Exception {
    start();
    Optional<StationControl> control = DaemonControl.forRunning(data);
    assertTrue(control.isPresent());
    assertTrue(control.get().zonesStatus().contains("ap-1"), control.get().zonesStatus());
    assertTrue(control.get().allOff().length() > 0);
    HttpRequest forged = HttpRequest.newBuilder(uri("/api/status")).header("Authorization", "Bearer " + "ab".repeat(32))
        .GET().build();
    assertEquals(401, http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode());
    Set<String> perms = new HashSet<>();
    java.nio.file.Files.getPosixFilePermissions(data.resolve(ControlFile.NAME)).forEach(p -> perms.add(p.name()));
    assertEquals(Set.of("OWNER_READ", "OWNER_WRITE"), perms);
  }

  @Test
  void withoutAnAdminTheApiStaysOnLocalhostUntilTheOneTimeSetupLinkIsUsed() throws Exception {
    start(new WebConfig("0.0.0.0", 0, Optional.empty()));
    assertTrue(api.port().isEmpty(), "not listening beyond localhost");
    String token = api.setupToken().orElseThrow();
    HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.localPort() + "/setup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=00&name=quantri&password=" + PASSWORD)).build();
    assertEquals(403, http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpRequest setup = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.localPort() + "/setup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&name=quantri&password=" + PASSWORD)).build();
    HttpResponse<String> made = http.send(setup, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, made.statusCode(), made.body());
    assertEquals(403, http.send(setup, HttpResponse.BodyHandlers.ofString()).statusCode(), "single use");
    assertTrue(api.port().isPresent(), "listening beyond localhost once an admin exists");
    login("quantri");
  }

  @Test
  void theDaemonSurvivesGarbageRequests() throws Exception {
    start();
    Login operator = login("operator");
    HttpResponse<String> bad = post("/api/zones", "{not json", operator);
    assertEquals(400, bad.statusCode());
    assertTrue(json(bad).has("error"));
    assertEquals(400, post("/api/zones", "[1,2]", operator).statusCode());
    HttpResponse<String> unknown = post("/api/air", "{\"programme\":\"chuong\",\"zonez\":\"all\"}", operator);
    assertEquals(400, unknown.statusCode());
    assertEquals("zonez", json(unknown).path("field").asText());
    assertEquals(400, post("/api/zones", "{\"action\":{\"nested\":1}}", operator).statusCode());
    assertEquals(413, post("/api/zones", "{\"action\":\"" + "x".repeat((int) ApiServer.MAX_BODY + 10) + "\"}", operator)
        .statusCode());
    assertEquals(404, get("/api/khong-co", Optional.of(operator)).statusCode());
    Random random = new Random(16);
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), api.port().orElseThrow())) {
        s.setSoTimeout(5000);
        byte[] junk = new byte[1 + random.nextInt(4096)];
        random.nextBytes(junk);
        OutputStream out = s.getOutputStream();
        out.write(junk);
        out.flush();
        s.shutdownOutput();
        InputStream in = s.getInputStream();
        in.readAllBytes();
      } catch (java.io.IOException e) {
        // the server may close on garbage; it must only stay up
      }
    }
    assertEquals(200, get("/api/status", Optional.of(operator)).statusCode());
  }

  @Test
  void theOpenApiDocumentNamesEveryRegisteredRoute() throws Exception {
    start();
    JsonNode doc = json(get("/api/openapi.json", Optional.empty()));
    for (String route : api.registered()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      String path = route.substring(route.indexOf(' ') + 1);
      assertTrue(doc.path("paths").path(path).has(method), route + " is in /api/openapi.json");
    }
  }

  /** A route group as the log, schedule and content routes are written: guarded, audited, documented. */
  static final class EchoGroup implements RouteGroup {
    @Override
    public void register(Routes routes) {
      routes.get("/api/echo", Routes.READ_LOG, (ctx, who) -> java.util.Map.of("who", who.name()));
      routes.post("/api/echo", Routes.OPERATE, (ctx, who) -> {
        String said = JavalinApi.text(JavalinApi.body(ctx, Set.of("say")), "say").orElse("");
        routes.audit(ctx, who, "echo", "", said, true);
        return java.util.Map.of("said", said);
      });
      routes.get("/api/echo.bin", Routes.ANY, (ctx, who) ->
          new Routes.Download("application/octet-stream", "nhật ký.bin", new byte[] {1, 2, 3}));
    }
  }

  @Test
  void aRouteGroupIsGuardedAuditedAndDocumentedLikeTheBuiltInRoutes() throws Exception {
    start(WebConfig.LOCAL_ONLY, List.of(new EchoGroup()), "admin", "operator", "officer", "approver");
    assertEquals(401, get("/api/echo", Optional.empty()).statusCode());
    assertEquals(403, get("/api/echo", Optional.of(login("operator"))).statusCode());
    assertEquals("officer", json(get("/api/echo", Optional.of(login("officer")))).path("who").asText());
    Login operator = login("operator");
    assertEquals(403, post("/api/echo", "{\"say\":\"x\"}", Optional.of(operator), Optional.empty()).statusCode());
    HttpResponse<String> unknown = post("/api/echo", "{\"shout\":\"x\"}", operator);
    assertEquals(400, unknown.statusCode());
    assertEquals("shout", json(unknown).path("field").asText());
    assertEquals("xin chào", json(post("/api/echo", "{\"say\":\"xin chào\"}", operator)).path("said").asText());
    assertTrue(station.accounts().audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .anyMatch(e -> e.action().equals("echo") && e.after().equals("xin chào") && e.who().equals("operator")));
    HttpResponse<String> bin = get("/api/echo.bin", Optional.of(operator));
    assertEquals("application/octet-stream", bin.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(bin.headers().firstValue("Content-Disposition").orElseThrow().contains("filename*=UTF-8''nh%E1%BA%ADt%20k%C3%BD.bin"));
    JsonNode doc = json(get("/api/openapi.json", Optional.empty()));
    assertTrue(doc.path("paths").path("/api/echo").has("post"), "the group's own OpenAPI part is merged");
    assertTrue(doc.path("paths").has("/api/status"), "beside the built-in paths");
    for (String route : api.registered()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.path("paths").path(route.substring(route.indexOf(' ') + 1)).has(method), route);
    }
  }
}
