package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages and the live feed over real HTTP on loopback, without a browser. */
class PagesAndEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path data;

  private WebUiStation station;

  @BeforeEach
  void start() throws Exception {
    station = new WebUiStation(data, "admin", "operator", "officer");
  }

  @AfterEach
  void stop() {
    station.close();
  }

  private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(station.base() + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private record Login(String cookie, String csrf) {}

  private Login login(String name) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + WebUiStation.PASSWORD
            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(c.substring(0, c.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText());
  }

  private HttpResponse<String> post(String path, String body, Login l) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(station.base() + path)).header("Content-Type", "application/json")
        .header("Cookie", l.cookie()).header(ApiServer.CSRF_HEADER, l.csrf())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesComeFromTheJarWithAStrictPolicyAndTheirOwnContentTypes() throws Exception {
    Login officer = login("officer");
    HttpResponse<byte[]> page = get("/", officer.cookie());
    assertEquals(200, page.statusCode());
    assertEquals("text/html;charset=utf-8", type(page));
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'self'"), csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertTrue(html.contains("Đang phát"), "Vietnamese first");
    assertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from elsewhere");
    assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
    assertFalse(html.contains(" style="), "no inline style");

    HttpResponse<byte[]> js = get("/ui/common.js", null);
    assertEquals(200, js.statusCode(), "assets need no session");
    assertEquals("text/javascript;charset=utf-8", type(js));
    assertEquals("text/css;charset=utf-8", type(get("/ui/app.css", null)));
    String etag = js.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/ui/common.js"))
        .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(304, again.statusCode(), "a cached asset is not sent again");
  }

  @Test
  void aPageWithoutASessionRedirectsToLoginAndNoPathClimbsOutOfTheUiFolder() throws Exception {
    HttpResponse<byte[]> r = get("/ui/emergency.html", null);
    assertEquals(302, r.statusCode());
    assertEquals(PagesRoutes.LOGIN + "?next=%2Fui%2Femergency.html", r.headers().firstValue("Location").orElseThrow());
    assertEquals(302, get("/", null).statusCode());
    assertEquals(200, get("/ui/login.html", null).statusCode());
    for (String bad : List.of("/ui/..%2Fopenapi.json", "/ui/%2e%2e%2fopenapi.json", "/ui/..%5CApiServer.class",
        "/ui/openapi.json", "/ui/Login.HTML", "/ui/nothing.html", "/ui/common.js%00.html")) {
      // a fresh connection each: the server drops the connection of a request it cannot parse
      int code = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.base() + bad))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertTrue(code == 404 || code == 400, bad + " gave " + code);
    }
    String admin = login("admin").cookie();
    int withSession = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.base()
        + "/ui/..%2F..%2FPagesRoutes.openapi.json")).header("Cookie", admin).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
    assertTrue(withSession == 404 || withSession == 400, "a session opens no more: " + withSession);
  }

  @Test
  void theChartLibraryComesFromItsWebjarUnderTwoFixedNamesAndNoOtherWebjarFileIsServed() throws Exception {
    HttpResponse<byte[]> js = get("/ui/vendor-uplot.js", null);
    assertEquals(200, js.statusCode(), "an asset: no session needed");
    assertEquals("text/javascript;charset=utf-8", type(js));
    String script = new String(js.body(), StandardCharsets.UTF_8);
    assertTrue(script.startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.30) */"), "uPlot's own minified file, its"
        + " licence line kept: " + script.substring(0, 60));
    assertTrue(js.body().length < 60_000, "the minified build: " + js.body().length + " bytes");
    assertFalse(script.contains("eval(") || script.contains("new Function"), "nothing the policy would refuse");
    assertTrue(js.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self';"));
    String etag = js.headers().firstValue("ETag").orElseThrow();
    assertEquals("no-cache", js.headers().firstValue("Cache-Control").orElseThrow(), "reused once confirmed, like"
        + " every asset");
    HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/ui/vendor-uplot.js"))
        .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(304, again.statusCode());

    HttpResponse<byte[]> css = get("/ui/vendor-uplot.css", null);
    assertEquals(200, css.statusCode());
    assertEquals("text/css;charset=utf-8", type(css));
    assertTrue(new String(css.body(), StandardCharsets.UTF_8).contains(".uplot"));

    for (String bad : List.of("/ui/vendor-other.js", "/ui/vendor-uplot.min.js", "/ui/uPlot.iife.min.js",
        "/ui/uplot.iife.min.js", "/ui/vendor-uplot.mjs", "/ui/..%2Fuplot", "/ui/..%2F..%2FMETA-INF%2Fresources%2Fwebjars"
        + "%2Fuplot%2F1.6.30%2FLICENSE", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
        "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css", "/ui/vendor-uplot.js%2F..%2Fpackage.json")) {
      int code = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.base() + bad))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertTrue(code == 404 || code == 400, bad + " gave " + code);
    }
  }

  private static String type(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Reads server-sent events from /api/events on a thread of its own. */
  private static final class Feed implements AutoCloseable {
    final List<JsonNode> events = new ArrayList<>();
    /** The level events as they came, each with the System.nanoTime it was read at. */
    final List<Heard> levels = new ArrayList<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final InputStream body;
    /** How many of {@link #events} {@link #next} has handed out; guarded by {@code events}. */
    private int taken;

    Feed(HttpResponse<InputStream> response) {
      body = response.body();
      Thread t = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          String line;
          String event = "";
          while ((line = in.readLine()) != null) {
            if (line.startsWith("event:")) {
              event = line.substring(6).strip();
            } else if (line.startsWith("data:") && event.equals("status")) {
              synchronized (events) {
                events.add(JSON.readTree(line.substring(5).strip()));
                events.notifyAll();
              }
            } else if (line.startsWith("data:") && event.equals("level")) {
              synchronized (events) {
                levels.add(new Heard(System.nanoTime(), JSON.readTree(line.substring(5).strip())));
              }
            }
          }
        } catch (Exception e) {
          // the stream was cut: that is what ended means here
        }
        ended.complete(null);
      }, "test-feed");
      t.setDaemon(true);
      t.start();
    }

    /**
     * The next status not yet taken, waiting up to {@code within} for it. An event that came before
     * this call (the first status often does) is still there to take: it is never skipped.
     */
    JsonNode next(Duration within) throws InterruptedException {
      long until = System.nanoTime() + within.toNanos();
      synchronized (events) {
        while (events.size() <= taken) {
          long left = until - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("no event within " + within + " after " + taken + " taken");
          }
          events.wait(Math.max(1, left / 1_000_000));
        }
        return events.get(taken++);
      }
    }

    /** The next status that {@code wanted}, within {@code within}. */
    JsonNode until(java.util.function.Predicate<JsonNode> wanted, Duration within) throws InterruptedException {
      long end = System.nanoTime() + within.toNanos();
      while (true) {
        JsonNode e = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
        if (wanted.test(e)) {
          return e;
        }
      }
    }

    List<Heard> levels() {
      synchronized (events) {
        return List.copyOf(levels);
      }
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }

  private record Heard(long nanos, JsonNode event) {}

  private Feed feed(Login l) throws Exception {
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/events"))
        .header("Accept", "text/event-stream").header("Cookie", l.cookie()).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
    return new Feed(r);
  }

  @Test
  void theFeedSaysEachHamletsLineOnceThenOnlyWhatChangesAndAZoneSwitchedOnWithinASecond() throws Exception {
    HttpResponse<byte[]> none = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/events"))
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(401, none.statusCode(), "no feed without a session");
    Login officer = login("officer");
    try (Feed feed = feed(officer)) {
      JsonNode first = feed.next(Duration.ofSeconds(10));
      assertEquals("Đài truyền thanh xã Thử", first.path("station").asText());
      assertEquals(4, first.path("zones").size());
      assertEquals("Ấp 1", first.path("zones").get(0).path("name").asText());
      assertEquals("off", first.path("zones").get(0).path("state").asText());
      assertTrue(first.path("onAir").isNull());
      assertTrue(first.path("health").size() >= 3, first.toString());
      // nothing changes: the pages are not sent the same again (the beat comes only after 15 s)
      Thread.sleep(2_000);
      synchronized (feed.events) {
        assertEquals(1, feed.events.size(), "no status while nothing changed: " + feed.events);
      }
      assertEquals(List.of(), feed.levels(), "no level while nothing airs");
      Login operator = login("operator");
      long asked = System.nanoTime();
      assertEquals(200, post("/api/zones", "{\"action\":\"on\",\"zones\":\"ap-2\"}", operator).statusCode());
      long answered = System.nanoTime();
      JsonNode seen;
      do {
        seen = feed.next(Duration.ofSeconds(2));
      } while (!"on".equals(seen.path("zones").get(1).path("state").asText()));
      long heard = System.nanoTime();
      System.out.printf("web events: zone on heard %d ms after the switch answered (%d ms after asking)%n",
          TimeUnit.NANOSECONDS.toMillis(heard - answered), TimeUnit.NANOSECONDS.toMillis(heard - asked));
      assertTrue(heard - answered < TimeUnit.SECONDS.toNanos(1), "within a second");
      assertEquals("on", seen.path("amplifier").path("state").asText());
      post("/api/zones", "{\"action\":\"all-off\"}", operator);
    }
  }

  @Test
  void whileAnAnnouncementAirsTheFeedSaysTheOutputLevelUpToFiveTimesASecondAndStopsWhenItEnds() throws Exception {
    Path folder = data.resolve("content").resolve("khan");
    java.nio.file.Files.createDirectories(folder);
    writeSine(folder.resolve("thu-muc.wav"), 4);
    Login officer = login("officer");
    Login operator = login("operator");
    try (Feed feed = feed(officer)) {
      assertTrue(feed.next(Duration.ofSeconds(10)).path("onAir").isNull());
      HttpResponse<String> sent = post("/api/emergency", "{\"zones\":\"ap-4\",\"recording\":\"khan/thu-muc.wav\"}",
          operator);
      assertEquals(200, sent.statusCode(), sent.body());
      feed.until(s -> !s.path("onAir").isNull(), Duration.ofSeconds(10));
      long onAirAt = System.nanoTime();
      feed.until(s -> s.path("onAir").isNull(), Duration.ofSeconds(20));
      long endedAt = System.nanoTime();
      Thread.sleep(1_500);

      List<Heard> levels = feed.levels();
      List<Heard> during = levels.stream().filter(h -> h.nanos() >= onAirAt && h.nanos() <= endedAt).toList();
      double seconds = (endedAt - onAirAt) / 1e9;
      System.out.printf("web events: %d level events in %.1f s on air, %d in all%n", during.size(), seconds,
          levels.size());
      assertTrue(during.size() >= 5, "levels while on air: " + levels);
      assertTrue(during.size() <= 6 * seconds + 2, "at most ~5 a second: " + during.size() + " in " + seconds + " s");
      assertTrue(during.stream().anyMatch(h -> h.event().path("peak").asDouble() > -30
          && h.event().path("peak").asDouble() <= 0.0), "the tone's level: " + during);
      for (Heard h : levels) {
        assertTrue(h.event().path("rms").asDouble() <= h.event().path("peak").asDouble(), h.event().toString());
      }
      // the last status said nothing airs: nothing after it but what was already on its way (one round)
      long after = levels.stream().filter(h -> h.nanos() > endedAt + TimeUnit.MILLISECONDS.toNanos(450)).count();
      assertEquals(0, after, "no level once the airing ended: " + levels);
    }
  }

  /** A 440 Hz sine at −12 dBFS, mono 22.05 kHz, as a WAV file. */
  private static void writeSine(Path file, int seconds) throws Exception {
    javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(22050f, 16, 1, true, false);
    byte[] pcm = new byte[22050 * 2 * seconds];
    for (int i = 0; i < pcm.length / 2; i++) {
      short v = (short) (8200 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
        new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2)) {
      javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }
  }

  @Test
  void theFeedClosesWhenTheSessionEnds() throws Exception {
    Login officer = login("officer");
    try (Feed feed = feed(officer)) {
      feed.next(Duration.ofSeconds(10));
      assertEquals(200, post("/api/logout", "{}", officer).statusCode());
      feed.ended.get(3, TimeUnit.SECONDS);
      assertEquals(0, station.events().listening());
    }
  }

  @Test
  void anEmergencyIsRefusedAtTheFieldInVietnameseAndAnOfficerCannotSendOne() throws Exception {
    Login operator = login("operator");
    JsonNode choices = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/emergency/choices"))
        .header("Cookie", operator.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertEquals("Ấp 1", choices.path("zones").get(0).path("name").asText());
    assertEquals("bo-song", choices.path("groups").get(0).path("key").asText());
    HttpResponse<String> noZones = post("/api/emergency", "{\"zones\":\"\",\"text\":\"Lũ về\"}", operator);
    assertEquals(400, noZones.statusCode());
    assertEquals("zones", JSON.readTree(noZones.body()).path("field").asText());
    assertTrue(JSON.readTree(noZones.body()).path("error").asText().startsWith("chọn ít nhất một ấp"), noZones.body());
    HttpResponse<String> every = post("/api/emergency", "{\"zones\":\"all\",\"text\":\"Lũ về\",\"every\":\"0\"}",
        operator);
    assertEquals("every", JSON.readTree(every.body()).path("field").asText(), every.body());
    HttpResponse<String> both = post("/api/emergency", "{\"zones\":\"all\",\"text\":\"Lũ về\",\"recording\":\"a.wav\"}",
        operator);
    assertEquals(400, both.statusCode());
    HttpResponse<String> missing = post("/api/emergency", "{\"zones\":\"all\",\"recording\":\"../../etc/passwd\"}",
        operator);
    assertEquals("recording", JSON.readTree(missing.body()).path("field").asText(), missing.body());
    HttpResponse<String> zone = post("/api/emergency", "{\"zones\":\"ap-9\",\"text\":\"Lũ về\"}", operator);
    assertEquals("zones", JSON.readTree(zone.body()).path("field").asText(), zone.body());
    Login officer = login("officer");
    assertEquals(403, post("/api/emergency", "{\"zones\":\"all\",\"text\":\"Lũ về\"}", officer).statusCode());
    assertEquals(403, get("/api/emergency/choices", officer.cookie()).statusCode());
  }

  @Test
  void theOpenApiDocumentNamesThePagesTheFeedAndTheEmergencyRoutes() throws Exception {
    JsonNode doc = JSON.readTree(get("/api/openapi.json", null).body());
    for (String route : station.api().registered()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.path("paths").path(route.substring(route.indexOf(' ') + 1)).has(method), route);
    }
    assertTrue(doc.path("paths").path("/api/events").has("get"));
    assertTrue(doc.path("paths").path("/api/emergency").has("post"));
  }

  @Test
  void anEmergencyCanAirOneOfTheStationsRecordingsAndIsCancelledByItsKey() throws Exception {
    java.nio.file.Path folder = data.resolve("content").resolve("khan");
    java.nio.file.Files.createDirectories(folder);
    javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(22050f, 16, 1, true, false);
    byte[] pcm = new byte[22050 * 2 * 20];
    for (int i = 0; i < pcm.length / 2; i++) {
      short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
        new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2)) {
      javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE,
          folder.resolve("lu-ve.wav").toFile());
    }
    Login operator = login("operator");
    JsonNode choices = JSON.readTree(new String(get("/api/emergency/choices", operator.cookie()).body(),
        StandardCharsets.UTF_8));
    assertEquals("khan/lu-ve.wav", choices.path("recordings").get(0).asText(), choices.toString());
    HttpResponse<String> sent = post("/api/emergency", "{\"zones\":\"ap-4\",\"recording\":\"khan/lu-ve.wav\"}", operator);
    assertEquals(200, sent.statusCode(), sent.body());
    String rule = JSON.readTree(sent.body()).path("rule").asText();
    assertTrue(rule.startsWith("khan-"), rule);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!station.station.switchboard().status().get("ap-4").equals(java.util.Optional.of(true))) {
      assertTrue(System.nanoTime() < until, "ap-4 on air");
      Thread.sleep(20);
    }
    HttpResponse<String> cancel = post("/api/air/cancel", "{\"rule\":\"" + rule + "\"}", operator);
    assertEquals(200, cancel.statusCode(), cancel.body());
    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!station.station.switchboard().report().stream().allMatch(z -> z.reported().equals(java.util.Optional.of(false)))) {
      assertTrue(System.nanoTime() < until, "every line off after the cancel");
      Thread.sleep(20);
    }
  }
}
