package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.supervision.IncidentKind;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents as a dashboard channel: on the "on air now" feed while open, and listed over the API. */
class IncidentRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path data;

  private WebUiStation station;

  @BeforeEach
  void start() throws Exception {
    station = new WebUiStation(data, "officer", "approver");
  }

  @AfterEach
  void stop() {
    station.close();
  }

  private String login(String name) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + WebUiStation.PASSWORD
            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(station.base() + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The feed's status events, as they come. */
  private BlockingQueue<JsonNode> feed(String cookie) throws Exception {
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/events"))
        .header("Accept", "text/event-stream").header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data:")) {
            events.add(JSON.readTree(line.substring(5).strip()));
          }
        }
      } catch (Exception e) {
        // the stream ended with the test
      }
    }, "test-feed");
    t.setDaemon(true);
    t.start();
    return events;
  }

  private static JsonNode until(BlockingQueue<JsonNode> feed, java.util.function.Predicate<JsonNode> wanted) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < end) {
      JsonNode e = feed.poll(500, TimeUnit.MILLISECONDS);
      if (e != null && wanted.test(e)) {
        return e;
      }
    }
    throw new AssertionError("the feed did not show it within 3 s");
  }

  @Test
  void anOpenIncidentIsOnTheFeedWithinASecondAndLeavesItWhenItEnds() throws Exception {
    String officer = login("officer");
    BlockingQueue<JsonNode> feed = feed(officer);
    assertEquals(0, until(feed, e -> true).path("incidents").size(), "a quiet station shows no incident");
    station.station.incidents().observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", station.clock.instant(),
        "bảng rơ-le tu-chinh không trả lời / board not answering");
    long observed = System.nanoTime();
    JsonNode shown = until(feed, e -> e.path("incidents").size() == 1);
    assertTrue(System.nanoTime() - observed < TimeUnit.SECONDS.toNanos(1), "within a second");
    JsonNode i = shown.path("incidents").get(0);
    assertEquals("board-offline", i.path("kind").asText());
    assertEquals("Mất kết nối bảng rơ-le", i.path("title").asText());
    assertEquals("Relay board offline", i.path("titleEn").asText());
    assertEquals("tu-chinh", i.path("subject").asText());
    assertTrue(i.path("open").asBoolean());
    assertTrue(i.path("end").isNull());

    station.station.incidents().resolved(IncidentKind.BOARD_OFFLINE, "tu-chinh", station.clock.instant());
    until(feed, e -> e.path("incidents").isEmpty());
  }

  @Test
  void theIncidentsOfTheLastDaysAreListedNewestFirstWithTheOpenOnes() throws Exception {
    var incidents = station.station.incidents();
    var now = station.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    incidents.observed(IncidentKind.DEAD_AIR, "loa", now.minusSeconds(600), "the monitor is silent",
        Optional.of(data.resolve("evidence").resolve("dead-air-1.wav")));
    incidents.resolved(IncidentKind.DEAD_AIR, "loa", now.minusSeconds(590));
    incidents.observed(IncidentKind.DISK_NEARLY_FULL, data.toString(), now.minusSeconds(60), "còn 80 MB trống");

    assertEquals(401, get("/api/incidents", null).statusCode(), "not without a session");
    String approver = login("approver");
    HttpResponse<String> r = get("/api/incidents", approver);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(1, body.path("open").size());
    assertEquals("disk-nearly-full", body.path("open").get(0).path("kind").asText());
    JsonNode all = body.path("incidents");
    assertEquals(2, all.size(), r.body());
    assertEquals("disk-nearly-full", all.get(0).path("kind").asText(), "newest first");
    JsonNode dead = all.get(1);
    assertEquals("dead-air", dead.path("kind").asText());
    assertTrue(!dead.path("open").asBoolean());
    assertEquals(now.minusSeconds(590).toString(), dead.path("end").asText());
    assertEquals("dead-air-1.wav", dead.path("evidence").asText(), "the file's name only, not the data folder");
    assertTrue(dead.path("alertsSent").isArray());

    assertEquals(400, get("/api/incidents?days=0", approver).statusCode());
    HttpResponse<String> unknown = get("/api/incidents?since=2026-01-01", approver);
    assertEquals(400, unknown.statusCode());
    assertEquals("since", JSON.readTree(unknown.body()).path("field").asText());
    assertEquals(2, JSON.readTree(get("/api/incidents?days=1", approver).body()).path("incidents").size());
  }

  @Test
  void anIncidentsEvidenceIsServedByItsNameAndNothingElseIs() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(data.resolve("evidence"));
    byte[] wav = "RIFF----WAVEfmt evidence".getBytes(StandardCharsets.US_ASCII);
    java.nio.file.Files.write(dir.resolve("dead-air-2.wav"), wav);
    java.nio.file.Files.write(dir.resolve("other.wav"), wav);
    java.nio.file.Files.writeString(data.resolve("secret.txt"), "not for the page");
    var now = station.clock.instant();
    station.station.incidents().observed(IncidentKind.DEAD_AIR, "loa", now.minusSeconds(30), "the monitor is silent",
        Optional.of(dir.resolve("dead-air-2.wav")));
    station.station.incidents().observed(IncidentKind.DISK_NEARLY_FULL, data.toString(), now.minusSeconds(20),
        "còn 80 MB trống", Optional.of(dir.resolve("gone.wav")));

    assertEquals(401, get("/api/incidents/evidence/dead-air-2.wav", null).statusCode(), "not without a session");
    String officer = login("officer");
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(station.base()
        + "/api/incidents/evidence/dead-air-2.wav")).header("Cookie", officer).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
    assertArrayEquals(wav, r.body());
    for (String name : List.of("other.wav", "gone.wav", "..%2Fsecret.txt", "%2E%2E%2Fsecret.txt", "secret.txt")) {
      HttpResponse<String> refused = get("/api/incidents/evidence/" + name, officer);
      // an encoded separator is refused by the server before any route (400), the rest by the route (404)
      assertTrue(refused.statusCode() == 404 || (name.contains("%2F") && refused.statusCode() == 400),
          name + ": " + refused.statusCode() + " " + refused.body());
      assertFalse(refused.body().contains("not for the page"), name);
    }
  }
}
