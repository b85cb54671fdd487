package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.station.StationRoutes;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API as a browser on the office LAN meets it: a test station (real SQLite file, simulated
 * board and sound) with the log, report and speech routes wired as the daemon wires them, served
 * over real HTTP on loopback, and one account of each role.
 */
final class ApiRig implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "mat-khau-dai-1";
  final MutableClock clock;
  final Station station;
  final Daemon daemon;
  final ApiServer api;
  final StationRoutes routes;
  final HttpClient http;
  private final String scheme;

  /** A logged-in client: its cookie and CSRF token, and the Set-Cookie line it was given. */
  record Login(String cookie, String csrf, String setCookie) {}

  ApiRig(Path data, MutableClock clock) throws Exception {
    this(data, clock, WebConfig.LOCAL_ONLY, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  ApiRig(Path data, MutableClock clock, WebConfig web, HttpClient http) throws Exception {
    this(data, clock, web, http, List.of());
  }

  /** With more route groups beside the station's (the pages, for a browser). */
  ApiRig(Path data, MutableClock clock, WebConfig web, HttpClient http, List<RouteGroup> more) throws Exception {
    this.clock = clock;
    this.http = http;
    this.scheme = web.tls().isPresent() ? "https" : "http";
    station = TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance),
        Duration.ZERO);
    for (String a : List.of("admin", "operator", "officer", "approver")) {
      station.accounts().add(a, Role.parse(a), PASSWORD, "test", "localhost");
    }
    daemon = station.daemon(new RecordingAiringTriggers());
    routes = StationRoutes.open(station);
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), web, all(routes.groups(), more));
  }

  private static List<RouteGroup> all(List<RouteGroup> a, List<RouteGroup> b) {
    List<RouteGroup> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Airs {@code programme} planned at {@code local} station time, fired {@code late} after it (past its tolerance: missed). */
  Optional<Outcome> air(ProgrammeKey programme, String local, String zones, Duration late) throws Exception {
    Instant at = LocalDateTime.parse(local).atZone(TestStations.HCM).toInstant();
    clock.set(at.minusSeconds(5).plus(late));
    PlannedAiring airing = TestStations.plan(station, programme, at, zones);
    return station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);
  }

  /** The log's runs planned in {@code [from, to)}, as the log streams them. */
  List<AiringRunRecord> runs(Instant from, Instant to) {
    List<AiringRunRecord> all = new ArrayList<>();
    station.log().forEachRun(from, to, all::add);
    return all;
  }

  URI uri(String path) {
    return URI.create(scheme + "://127.0.0.1:" + api.port().orElseThrow() + path);
  }

  HttpResponse<String> get(String path, Optional<Login> login, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    login.ifPresent(l -> b.header("Cookie", l.cookie()));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, Login login) throws Exception {
    return get(path, Optional.of(login));
  }

  HttpResponse<byte[]> bytes(String path, Login login) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(uri(path)).header("Cookie", login.cookie()).GET().build();
    return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> postBytes(String path, String body, Login login) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(uri(path)).header("Cookie", login.cookie())
        .header(ApiServer.CSRF_HEADER, login.csrf()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String body, Optional<Login> login, Optional<String> csrf) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    login.ifPresent(l -> b.header("Cookie", l.cookie()));
    csrf.ifPresent(c -> b.header(ApiServer.CSRF_HEADER, c));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String body, Login login) throws Exception {
    return post(path, body, Optional.of(login), Optional.of(login.csrf()));
  }

  Login login(String name) throws Exception {
    HttpResponse<String> r = post("/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
        Optional.empty(), Optional.empty());
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText(),
        setCookie);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    api.close();
    routes.close();
    daemon.close();
    station.close();
  }
}
