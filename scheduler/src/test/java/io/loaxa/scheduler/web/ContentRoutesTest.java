package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiClient.json;
import static io.loaxa.scheduler.web.ApiClient.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import java.util.Optional;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.testkit.MutableClock;
import io.loaxa.testkit.Sox;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content library over real HTTP on loopback with a real SQLite file, and real recordings made
 * by sox and lame, decoded by the station's own decoders.
 */
class ContentRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T01:00:00Z"));

  @TempDir
  Path data;

  @TempDir
  Path made;

  private Station station;
  private Daemon daemon;
  private ApiServer api;
  private ApiClient client;

  private void start(boolean approval, long maxUpload) throws Exception {
    station = Station.assemble(TestStations.config(Duration.ZERO).withApproval(approval), data, clock, new ClockPause(clock),
        new SimulatedSoundOutput(clock, clock::advance));
    for (String a : List.of("admin", "operator", "officer", "approver")) {
      station.accounts().add(a, Role.parse(a), ApiClient.PASSWORD, "test", "localhost");
    }
    daemon = station.daemon(new RecordingAiringTriggers()).planFrom(station.planner());
    ContentRoutes content = new ContentRoutes(content(), station.contentLibrary(), new JavaSoundDecoder(), station.planner(),
        approval, maxUpload, clock);
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), WebConfig.LOCAL_ONLY,
        List.of(content, new ScheduleRoutes(station.schedule(), station.planner(), daemon, station.config(), data, clock,
            station.contentApproval())));
    client = new ApiClient(() -> api.port().orElseThrow());
  }

  private Path content() {
    return data.resolve("content");
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

  private HttpResponse<String> upload(String name, byte[] bytes, ApiClient.Login who) throws Exception {
    return client.send(ApiClient.bytes("POST", "/api/content?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), bytes,
        "application/octet-stream").as(who));
  }

  private byte[] wav(String name, double seconds) throws Exception {
    return Files.readAllBytes(Sox.toneWav(made, name, 22050, 1, 16, 440, seconds, 0.5));
  }

  /** What is in the content folder, hidden files too: an upload refused leaves nothing behind. */
  private List<String> folder() throws Exception {
    if (!Files.isDirectory(content())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(content())) {
      return files.filter(Files::isRegularFile).map(p -> content().relativize(p).toString()).sorted().toList();
    }
  }

  private List<AuditEntry> audit() {
    return station.accounts().audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  @Test
  void recordingsMadeBySoxAndLameAreDecodedStoredUnderTheServersNameAndListedWithLengthAndLoudness() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    ApiClient.Login operator = client.login("operator");
    byte[] wav = wav("tone.wav", 2.0);
    HttpResponse<String> r = upload("Bản tin sáng.wav", wav, operator);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode item = json(r);
    assertEquals("Bản-tin-sáng.wav", item.path("name").asText());
    assertEquals(2.0, item.path("lengthSeconds").asDouble(), 0.01);
    double lufs = item.path("loudnessLufs").asDouble();
    assertTrue(lufs < -3 && lufs > -15, "a sine at half scale measures about -9 LUFS: " + lufs);
    assertEquals("approved", item.path("approval").asText());

    byte[] mp3 = Files.readAllBytes(Sox.mp3(Sox.toneWav(made, "nhac-src.wav", 44100, 2, 16, 330, 3.0, 0.3), "nhac.mp3", 128));
    HttpResponse<String> m = upload("nhac.wav", mp3, operator);
    assertEquals(200, m.statusCode(), m.body());
    assertEquals("nhac.mp3", json(m).path("name").asText(), "the stored name follows the bytes, not the extension given");
    assertEquals(3.0, json(m).path("lengthSeconds").asDouble(), 0.1);

    byte[] large = wav("dai.wav", 30.0); // 1.3 MB: more than a JSON request may be
    HttpResponse<String> big = upload("dai.wav", large, operator);
    assertEquals(200, big.statusCode(), big.body());

    assertEquals(List.of("Bản-tin-sáng.wav", "dai.wav", "nhac.mp3"), folder());
    ApiClient.Login officer = client.login("officer");
    JsonNode list = json(client.get("/api/content", officer));
    assertEquals(3, list.size(), list.toString());
    assertEquals("operator", list.get(0).path("uploadedBy").asText());
    HttpResponse<byte[]> down = client.send(request("GET", "/api/content/" + URLEncoder.encode("Bản-tin-sáng.wav",
        StandardCharsets.UTF_8).replace("+", "%20"), "", null).as(officer), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, down.statusCode());
    assertArrayEquals(wav, down.body());
    assertEquals("audio/wav", down.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(409, upload("nhac.mp3", mp3, operator).statusCode(), "an existing file is replaced only when asked");
    assertTrue(audit().stream().anyMatch(e -> e.action().equals("content.upload nhac.mp3") && e.who().equals("operator")));
  }

  private HttpResponse<String> form(String fileName, byte[] bytes, ApiClient.Login who) throws Exception {
    String boundary = "loaxa-form-7f3a";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(ApiClient.bytes("POST", "/api/content", body.toByteArray(), "multipart/form-data; boundary=" + boundary)
        .as(who));
  }

  @Test
  void aBrowserFormUploadIsCheckedLikeARawOne() throws Exception {
    start(false, 256 * 1024);
    ApiClient.Login operator = client.login("operator");
    byte[] mp3 = Files.readAllBytes(Sox.mp3(Sox.toneWav(made, "src.wav", 22050, 1, 16, 500, 2.0, 0.4), "loa.mp3", 64));
    HttpResponse<String> ok = form("loa-phuong.mp3", mp3, operator);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("loa-phuong.mp3", json(ok).path("name").asText());
    assertEquals(2.0, json(ok).path("lengthSeconds").asDouble(), 0.1);
    HttpResponse<String> path = form("../../x.mp3", mp3, operator);
    assertEquals(400, path.statusCode(), path.body());
    assertEquals("name", json(path).path("field").asText());
    HttpResponse<String> text = form("thu.mp3", "không phải âm thanh".repeat(40).getBytes(StandardCharsets.UTF_8), operator);
    assertEquals(415, text.statusCode(), text.body());
    HttpResponse<String> big = form("dai.wav", wav("dai.wav", 8.0), operator);
    assertEquals(413, big.statusCode(), big.body());
    assertEquals("file", json(big).path("field").asText());
    assertEquals(List.of("loa-phuong.mp3"), folder(), "no spooled part is left behind");
  }

  /** A station whose config caps recordings at 1 MiB. */
  private void startCappedAtOneMegabyte() throws Exception {
    StationConfig config = StationConfigReader.parse("""
        station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards: [ { key: tu, driver: simulated, channels: 8 } ]
        zones: [ { key: ap-1, board: tu, channel: 1 } ]
        content: { folder: content, maxUploadMb: 1 }
        """, "station.yaml");
    start(false, config.maxUploadBytes());
  }

  @Test
  void aStationCappedAtOneMegabyteRefusesATwoMegabyteRecordingWith413NamingTheCap() throws Exception {
    startCappedAtOneMegabyte();
    ApiClient.Login operator = client.login("operator");
    byte[] twoMegabytes = wav("hai-mb.wav", 48.0);
    assertTrue(twoMegabytes.length > 2_000_000, "length " + twoMegabytes.length);
    HttpResponse<String> big = upload("hai-mb.wav", twoMegabytes, operator);
    assertEquals(413, big.statusCode(), big.body());
    assertEquals("file", json(big).path("field").asText());
    assertTrue(json(big).path("error").asText().contains("tối đa 1 MiB"), big.body());
    assertEquals(List.of(), folder(), "nothing of the refused upload is left behind");
    HttpResponse<String> small = upload("nho.wav", wav("nho.wav", 2.0), operator);
    assertEquals(200, small.statusCode(), small.body());
  }

  @Test
  void aSenderStillSendingWhenTheCapIsPassedHearsThe413AndTheConnectionServesTheNextUpload() throws Exception {
    startCappedAtOneMegabyte();
    ApiClient.Login operator = client.login("operator");
    byte[] threeMegabytes = wav("ba-mb.wav", 70.0);
    // an uneven uplink: the body comes 32 KiB a read with pauses, so the refusal (on the declared length) is
    // written while most of it is still to come; before, the connection was closed under the
    // sender and it saw a reset instead of the reason
    HttpClient slow = HttpClient.newHttpClient();
    for (int round = 0; round < 8; round++) {
      HttpRequest request = HttpRequest.newBuilder(client.uri("/api/content?name=ba-mb.wav"))
          .header("Content-Type", "application/octet-stream").header("Cookie", operator.cookie())
          .header(ApiServer.CSRF_HEADER, operator.csrf())
          .POST(HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(() -> new Trickle(threeMegabytes)), threeMegabytes.length))
          .build();
      HttpResponse<String> refused = slow.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(413, refused.statusCode(), refused.body());
      assertTrue(json(refused).path("error").asText().contains("tối đa 1 MiB"), refused.body());
    }
    assertEquals(List.of(), folder(), "nothing of the refused uploads is left behind");
    HttpResponse<String> small = slow.send(HttpRequest.newBuilder(client.uri("/api/content?name=nho.wav"))
        .header("Content-Type", "application/octet-stream").header("Cookie", operator.cookie())
        .header(ApiServer.CSRF_HEADER, operator.csrf())
        .POST(HttpRequest.BodyPublishers.ofByteArray(wav("nho.wav", 2.0))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, small.statusCode(), small.body());
  }

  /** Hands out its bytes 32 KiB a read, with a pause every 256 KiB, as an uneven uplink does. */
  private static final class Trickle extends java.io.InputStream {
    private final byte[] bytes;
    private int at;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (at >= bytes.length) {
        return -1;
      }
      try {
        if (at % (256 * 1024) == 0) {
          Thread.sleep(1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
      int n = Math.min(Math.min(len, 32 * 1024), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }

  @Test
  void aTextFileRenamedMp3AndATruncatedWavAreRefusedAndLeaveNothingBehind() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> text = upload("ban-tin.mp3", "Kính thưa bà con, đây là bản tin.\n".repeat(50)
        .getBytes(StandardCharsets.UTF_8), operator);
    assertEquals(415, text.statusCode(), text.body());
    assertEquals("file", json(text).path("field").asText());
    assertTrue(json(text).path("error").asText().contains("not a WAV, MP3, Ogg or FLAC"), text.body());
    byte[] wav = wav("cut.wav", 1.0);
    HttpResponse<String> cut = upload("cut.wav", Arrays.copyOf(wav, wav.length / 2), operator);
    assertEquals(422, cut.statusCode(), cut.body());
    assertTrue(json(cut).path("error").asText().contains("truncated"), cut.body());
    assertTrue(!cut.body().contains(data.toString()), "no server path in the reply: " + cut.body());
    assertEquals(List.of(), folder());
    assertEquals(0, json(client.get("/api/content", operator)).size());
  }

  @Test
  void namesThatArePathsAreRefusedBeforeAnyFileIsWritten() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    ApiClient.Login operator = client.login("operator");
    byte[] wav = wav("ok.wav", 0.5);
    for (String name : List.of("../x.wav", "/etc/passwd", "..\\x.wav", "a\\b.wav", "x\0.wav", "..", ".hidden.wav",
        "content/../../x.wav", "")) {
      HttpResponse<String> r = upload(name, wav, operator);
      assertEquals(400, r.statusCode(), name + ": " + r.body());
      assertEquals("name", json(r).path("field").asText(), name);
    }
    assertEquals(List.of(), folder());
    assertTrue(Files.notExists(data.resolve("x.wav")) && Files.notExists(data.getParent().resolve("x.wav")));
    HttpResponse<String> escape = client.get("/api/content/..%2Floaxa.db", operator);
    assertNotEquals(200, escape.statusCode(), escape.body());
    assertEquals(400, client.get("/api/content/texts/..%5Cx", operator).statusCode());
  }

  @Test
  void aRecordingOverTheCapIs413InTheOneErrorShapeAndNothingIsKept() throws Exception {
    start(false, 64 * 1024);
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> r = upload("dai.wav", wav("dai.wav", 3.0), operator);
    assertEquals(413, r.statusCode(), r.body());
    JsonNode e = json(r);
    assertTrue(e.path("error").asText().startsWith("tệp quá lớn"), r.body());
    assertEquals("file", e.path("field").asText());
    assertTrue(e.has("line"));
    assertEquals(List.of(), folder());
    assertEquals(200, upload("ngan.wav", wav("ngan.wav", 0.5), operator).statusCode());
  }

  @Test
  void aRecordingTheScheduleUsesCannotBeDeleted() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    ApiClient.Login operator = client.login("operator");
    assertEquals(200, upload("nhac-hieu.wav", wav("nh.wav", 0.5), operator).statusCode());
    String schedule = """
        version: 1
        programmes:
          - { key: tin, title: "Bản tin", segments: [ { file: nhac-hieu.wav } ] }
        airings:
          - { key: sang, programme: tin, zones: all, at: "06:00", days: [MO] }
        """;
    HttpResponse<String> put = client.send(request("PUT", "/api/schedule", schedule, "application/yaml").as(operator)
        .ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(200, put.statusCode(), put.body());
    HttpResponse<String> refused = client.send(request("DELETE", "/api/content/nhac-hieu.wav", "", null).as(operator));
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(json(refused).path("error").asText().contains("tin"), refused.body());
    assertEquals(List.of("nhac-hieu.wav"), folder());
    String v = json(put).path("version").asText();
    HttpResponse<String> edited = client.send(request("PUT", "/api/schedule/programmes/tin",
        "{\"title\":\"Bản tin\",\"segments\":[{\"gap\":\"PT1S\"}]}", "application/json").as(operator).ifMatch(v));
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals(200, client.send(request("DELETE", "/api/content/nhac-hieu.wav", "", null).as(operator)).statusCode());
    assertEquals(List.of(), folder());
    assertEquals(404, client.send(request("DELETE", "/api/content/nhac-hieu.wav", "", null).as(operator)).statusCode());
  }

  @Test
  void onlyOperatorsUploadAndOnlyWithTheirCsrfToken() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    byte[] wav = wav("x.wav", 0.5);
    assertEquals(401, client.send(ApiClient.bytes("POST", "/api/content?name=x.wav", wav, "audio/wav")).statusCode());
    assertEquals(401, client.send(request("GET", "/api/content", "", null)).statusCode());
    assertEquals(403, upload("x.wav", wav, client.login("officer")).statusCode());
    assertEquals(403, upload("x.wav", wav, client.login("approver")).statusCode());
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> noCsrf = client.send(ApiClient.bytes("POST", "/api/content?name=x.wav", wav, "audio/wav").as(operator)
        .withoutCsrf());
    assertEquals(403, noCsrf.statusCode());
    assertEquals(ApiServer.CSRF_HEADER, json(noCsrf).path("field").asText());
    assertEquals(List.of(), folder());
    assertEquals(200, upload("x.wav", wav, operator).statusCode());
    assertEquals(403, client.send(request("DELETE", "/api/content/x.wav", "", null).as(client.login("officer"))).statusCode());
    assertEquals(200, client.get("/api/content/x.wav", client.login("officer")).statusCode());
  }

  @Test
  void withApprovalOnAnOperatorsUploadWaitsForAnApproverBeforeTheScheduleMayUseIt() throws Exception {
    start(true, ContentRoutes.DEFAULT_MAX_UPLOAD);
    ApiClient.Login operator = client.login("operator");
    ApiClient.Login approver = client.login("approver");
    HttpResponse<String> up = upload("thong-bao.wav", wav("tb.wav", 0.5), operator);
    assertEquals("pending", json(up).path("approval").asText(), up.body());
    String schedule = """
        version: 1
        programmes:
          - { key: tb, title: "Thông báo", segments: [ { file: thong-bao.wav } ] }
        airings:
          - { key: chieu, programme: tb, zones: all, at: "17:00", days: [MO] }
        """;
    HttpResponse<String> refused = client.send(request("PUT", "/api/schedule", schedule, "application/yaml").as(operator)
        .ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(json(refused).path("error").asText().contains("chờ duyệt"), refused.body());
    assertTrue(station.schedule().current().isEmpty(), "nothing stored");
    assertEquals(1, json(client.get("/api/content?approval=pending", approver)).size());

    assertEquals(403, client.json("POST", "/api/content/thong-bao.wav/approve", "", operator).statusCode(),
        "an operator does not approve their own upload");
    assertEquals(403, client.json("POST", "/api/content/thong-bao.wav/approve", "", client.login("officer")).statusCode());
    HttpResponse<String> noReason = client.json("POST", "/api/content/thong-bao.wav/reject", "{}", approver);
    assertEquals(400, noReason.statusCode());
    assertEquals("reason", json(noReason).path("field").asText());
    HttpResponse<String> rejected = client.json("POST", "/api/content/thong-bao.wav/reject",
        "{\"reason\":\"sai ngày họp\"}", approver);
    assertEquals("rejected", json(rejected).path("approval").asText(), rejected.body());
    HttpResponse<String> stillRefused = client.send(request("PUT", "/api/schedule", schedule, "application/yaml").as(operator)
        .ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertTrue(json(stillRefused).path("error").asText().contains("sai ngày họp"), stillRefused.body());

    String airNow = "{\"file\":\"" + content().resolve("thong-bao.wav").toAbsolutePath() + "\",\"zones\":\"all\"}";
    HttpResponse<String> notOnAir = client.json("POST", "/api/air", airNow, operator);
    assertEquals(400, notOnAir.statusCode(), notOnAir.body());
    assertTrue(json(notOnAir).path("error").asText().contains("đã bị từ chối"), notOnAir.body());
    station.programmes().put(new Programme(new ProgrammeKey("tb"), "Thông báo", Category.INFORMATION, Priority.NORMAL,
        List.of(new Segment.File("thong-bao.wav")), Duration.ofMinutes(2), Optional.empty()));
    PlannedAiring due = TestStations.plan(station, new ProgrammeKey("tb"), clock.instant(), "all");
    assertEquals(Optional.of(Outcome.SKIPPED), station.runner().run(due.key(), clock.instant(), Trigger.SCHEDULED),
        "a rejected file planned before it was rejected does not air");
    List<String> reasons = new java.util.ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, clock.instant().plusSeconds(1), run -> reasons.add(run.outcome() + " " + run.reason()));
    assertTrue(reasons.toString().contains("SKIPPED") && reasons.toString().contains("sai ngày họp"), reasons.toString());
    assertEquals(List.of(false, false, false, false), station.switchboard().status().values().stream()
        .map(v -> v.orElse(false)).toList(), "no zone was switched on");

    HttpResponse<String> approved = client.json("POST", "/api/content/thong-bao.wav/approve", "", approver);
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals("approved", json(approved).path("approval").asText());
    assertEquals("approver", json(approved).path("decidedBy").asText());
    HttpResponse<String> accepted = client.send(request("PUT", "/api/schedule", schedule, "application/yaml").as(operator)
        .ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(200, accepted.statusCode(), accepted.body());

    assertEquals("approved", json(upload("admin.wav", wav("ad.wav", 0.5), client.login("admin"))).path("approval").asText(),
        "an admin's upload needs no approver");
    HttpResponse<String> text = client.json("PUT", "/api/content/texts/hop-dan", "{\"text\":\"Mời bà con họp lúc 19 giờ.\"}",
        operator);
    assertEquals(200, text.statusCode(), text.body());
    assertEquals("texts/hop-dan.txt", json(text).path("name").asText());
    assertEquals("pending", json(text).path("approval").asText());
    assertEquals("Mời bà con họp lúc 19 giờ.", json(client.get("/api/content/texts/hop-dan", approver)).path("text").asText());
    assertEquals("approved", json(client.json("POST", "/api/content/texts/hop-dan/approve", "", approver)).path("approval")
        .asText());
    List<String> actions = audit().stream().map(AuditEntry::action).toList();
    assertTrue(actions.containsAll(List.of("content.upload thong-bao.wav", "content.reject thong-bao.wav",
        "content.approve thong-bao.wav", "content.text texts/hop-dan.txt", "content.approve texts/hop-dan.txt")), actions.toString());
  }

  @Test
  void theOpenApiDocumentNamesEveryContentRoute() throws Exception {
    start(false, ContentRoutes.DEFAULT_MAX_UPLOAD);
    JsonNode doc = json(client.send(request("GET", "/api/openapi.json", "", null)));
    for (String route : api.registered()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.path("paths").path(route.substring(route.indexOf(' ') + 1)).has(method), route);
    }
  }
}
