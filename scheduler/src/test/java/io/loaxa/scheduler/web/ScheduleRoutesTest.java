package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiClient.json;
import static io.loaxa.scheduler.web.ApiClient.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.scheduler.station.Station;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.yaml.ScheduleFile;
import io.loaxa.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme grid over real HTTP on loopback, a real SQLite file and real Quartz triggers: the
 * whole file with its version, item edits checked as a whole schedule and re-planned at once.
 */
class ScheduleRoutesTest {
  /** Early March 2027, 08:00 at the station: after today's real time, so no Quartz trigger fires during a test. */
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T01:00:00Z"));
  private static final String SCHEDULE = """
      version: 1
      programmes:
        - { key: tin, title: "Bản tin xã", segments: [ { gap: PT1S } ] }
        - { key: nhac, title: "Nhạc", segments: [ { gap: PT2S } ] }
      airings:
        - { key: sang, programme: tin, zones: all, at: "06:00", days: [MO, TU, WE, TH, FR, SA, SU] }
        - { key: chieu, programme: nhac, zones: [ap-1], at: "17:00", days: [MO, TU, WE, TH, FR, SA, SU] }
      """;

  @TempDir
  Path data;

  private Station station;
  private QuartzAiringTriggers triggers;
  private Daemon daemon;
  private ApiServer api;
  private ApiClient client;

  private void start() throws Exception {
    station = TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance),
        Duration.ZERO);
    for (String a : List.of("admin", "operator", "officer", "approver")) {
      station.accounts().add(a, Role.parse(a), ApiClient.PASSWORD, "test", "localhost");
    }
    station.accounts().add("operator2", Role.OPERATOR, ApiClient.PASSWORD, "test", "localhost");
    triggers = new QuartzAiringTriggers(station.runner(), "Thử");
    daemon = station.daemon(triggers).planFrom(station.planner());
    daemon.start();
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), WebConfig.LOCAL_ONLY,
        List.of(new ScheduleRoutes(station.schedule(), station.planner(), daemon, station.config(), data, clock,
            io.loaxa.scheduler.ContentApproval.NONE)));
    client = new ApiClient(() -> api.port().orElseThrow());
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

  private String version(ApiClient.Login who) throws Exception {
    return json(client.get("/api/schedule", who)).path("version").asText();
  }

  private HttpResponse<String> putSchedule(String text, String version, ApiClient.Login who) throws Exception {
    return client.send(request("PUT", "/api/schedule", text, "application/yaml").as(who).ifMatch(version));
  }

  private HttpResponse<String> edit(String method, String path, String body, String version, ApiClient.Login who)
      throws Exception {
    return client.send(request(method, path, body, "application/json").as(who).ifMatch(version));
  }

  /** The keys a daemon started afresh on the stored schedule would hand to the triggers now. */
  private Set<String> freshPlan() throws Exception {
    Instant now = clock.instant();
    SchedulePlanner planner = station.planner();
    String text = station.schedule().current().orElseThrow().text();
    LocalDate today = LocalDate.ofInstant(now, TestStations.HCM);
    Set<String> keys = new TreeSet<>();
    for (PlannedAiring a : Expansion.plan(ScheduleFile.parse(text, "stored", planner.facts()), planner.facts(), today,
        today.plusDays(4))) {
      if (!a.startsAt().isBefore(now) && a.startsAt().isBefore(now.plus(Daemon.HORIZON))) {
        keys.add(a.key().value());
      }
    }
    return keys;
  }

  @Test
  void theWholeFileGoesInWithItsVersionAndAStaleOrMissingVersionChangesNothing() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    assertEquals(ScheduleRoutes.NO_SCHEDULE, version(operator));
    HttpResponse<String> noVersion = client.send(request("PUT", "/api/schedule", SCHEDULE, "application/yaml").as(operator));
    assertEquals(428, noVersion.statusCode(), noVersion.body());
    assertEquals("If-Match", json(noVersion).path("field").asText());
    HttpResponse<String> put = putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, operator);
    assertEquals(200, put.statusCode(), put.body());
    String v1 = json(put).path("version").asText();
    assertEquals(2, json(put).path("rules").asInt());
    assertEquals("\"" + v1 + "\"", put.headers().firstValue("ETag").orElseThrow());
    JsonNode got = json(client.get("/api/schedule", operator));
    assertEquals(v1, got.path("version").asText());
    assertTrue(got.path("text").asText().contains("key: sang"), got.toString());
    HttpResponse<String> stale = putSchedule(SCHEDULE.replace("06:00", "06:30"), ScheduleRoutes.NO_SCHEDULE, operator);
    assertEquals(409, stale.statusCode(), stale.body());
    assertTrue(json(stale).path("error").asText().contains("nothing was changed"), stale.body());
    assertEquals(v1, version(operator));
    HttpResponse<String> yaml = client.get("/api/schedule?format=yaml", operator);
    assertEquals(got.path("text").asText(), yaml.body(), "the export is the stored file");
    assertTrue(station.accounts().audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .anyMatch(e -> e.action().equals("schedule.replace") && e.before().equals(ScheduleRoutes.NO_SCHEDULE)
            && e.after().startsWith(v1)));
  }

  @Test
  void aScheduleWithProblemsIsRefusedWithEveryProblemItsLineAndFieldAndChangesNothing() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    String v1 = json(putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, operator)).path("version").asText();
    String bad = """
        version: 1
        programmes: [ { key: tin, title: "Tin", segments: [ { gap: PT1S } ] } ]
        airings:
          - { key: a, programme: tin, zones: all, at: "25:99" }
          - { key: b, programme: tinn, zones: [ap-1, ap-9], at: "06:00", days: [MO] }
        """;
    HttpResponse<String> refused = putSchedule(bad, v1, operator);
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode e = json(refused);
    assertEquals(4, e.path("line").asInt(), refused.body());
    assertEquals("airings.a.at", e.path("field").asText(), refused.body());
    JsonNode problems = e.path("problems");
    assertTrue(problems.size() >= 3, refused.body());
    assertTrue(problems.toString().contains("không có chương trình 'tinn'; đã có các chương trình: tin (unknown programme 'tinn';"
        + " known programmes: tin)") && problems.toString().contains("\"airings.b.programme\""), refused.body());
    assertTrue(problems.toString().contains("không có thôn 'ap-9'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-9';")
        && problems.toString().contains("\"line\":5"), refused.body());
    assertTrue(e.path("error").asText().startsWith("lịch có " + problems.size() + " lỗi, chưa lưu gì: giờ '25:99' không hợp lệ"),
        refused.body());
    assertTrue(e.path("error").asText().endsWith(" (the schedule has " + problems.size() + " problems; nothing was saved: bad time"
        + " '25:99'; write \"HH:MM\" from \"00:00\" to \"23:59\", e.g. \"05:30\")"), refused.body());
    JsonNode inEnglish = json(client.send(request("PUT", "/api/schedule", bad, "application/yaml").as(operator).ifMatch(v1)
        .inLanguage("en")));
    assertEquals("the schedule has " + problems.size() + " problems; nothing was saved: bad time '25:99'; write \"HH:MM\" from"
        + " \"00:00\" to \"23:59\", e.g. \"05:30\"", inEnglish.path("error").asText());
    assertEquals("unknown zone 'ap-9'; known zones: ap-1, ap-2, ap-3, ap-4",
        inEnglish.path("problems").get(2).path("error").asText(), inEnglish.toString());
    assertEquals(v1, version(operator), "nothing changed");
    assertTrue(json(client.get("/api/schedule", operator)).path("text").asText().contains("06:00"));

    ApiClient.Login officer = client.login("officer");
    HttpResponse<String> check = client.send(request("POST", "/api/schedule/check", bad, "application/yaml").as(officer));
    assertEquals(200, check.statusCode(), check.body());
    assertFalse(json(check).path("ok").asBoolean());
    assertEquals(problems.size(), json(check).path("problems").size(), check.body());
    assertTrue(check.body().contains("không có thôn 'ap-9'; đã có các thôn: ap-1, ap-2, ap-3, ap-4 (unknown zone 'ap-9'; known zones:"
        + " ap-1, ap-2, ap-3, ap-4)"), check.body());
    HttpResponse<String> checkInEnglish = client.send(request("POST", "/api/schedule/check", bad, "application/yaml").as(officer)
        .inLanguage("en"));
    assertTrue(checkInEnglish.body().contains("\"unknown zone 'ap-9'; known zones: ap-1, ap-2, ap-3, ap-4\""), checkInEnglish.body());
    assertFalse(checkInEnglish.body().contains("không có"), checkInEnglish.body());
    HttpResponse<String> good = client.send(request("POST", "/api/schedule/check", SCHEDULE, "application/yaml").as(officer));
    assertTrue(json(good).path("ok").asBoolean(), good.body());
  }

  @Test
  void everyItemEditReplansAtOnceAndLeavesNoStaleQuartzTrigger() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    String v = json(putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, operator)).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertTrue(triggers.pending().contains("sang@2027-03-02T06:00:00"), triggers.pending().toString());

    HttpResponse<String> moved = edit("PUT", "/api/schedule/rules/sang",
        "{\"programme\":\"tin\",\"zones\":\"all\",\"at\":\"07:15\",\"days\":[\"MO\",\"WE\",\"FR\"]}", v, operator);
    assertEquals(200, moved.statusCode(), moved.body());
    v = json(moved).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertFalse(triggers.pending().contains("sang@2027-03-02T06:00:00"), "the old time's trigger is gone");
    assertTrue(triggers.pending().contains("sang@2027-03-03T07:15:00"), triggers.pending().toString());
    assertTrue(json(client.get("/api/schedule", operator)).path("text").asText().contains("\"07:15\""));

    HttpResponse<String> gone = edit("DELETE", "/api/schedule/rules/chieu", "", v, operator);
    assertEquals(200, gone.statusCode(), gone.body());
    v = json(gone).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertTrue(triggers.pending().stream().noneMatch(k -> k.startsWith("chieu@")), triggers.pending().toString());

    HttpResponse<String> oneOff = edit("POST", "/api/schedule/one-offs",
        "{\"key\":\"hop-dan\",\"programme\":\"nhac\",\"zones\":[\"ap-2\"],\"at\":\"19:30\",\"on\":\"2027-03-02\"}", v, operator);
    assertEquals(200, oneOff.statusCode(), oneOff.body());
    v = json(oneOff).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertTrue(triggers.pending().stream().anyMatch(k -> k.startsWith("hop-dan@2027-03-02T19:30")), triggers.pending().toString());
    assertEquals(1, json(client.get("/api/schedule/one-offs", operator)).size());

    HttpResponse<String> override = edit("PUT", "/api/schedule/rules/sang/overrides/2027-03-01", "{\"at\":\"20:00\"}", v, operator);
    assertEquals(200, override.statusCode(), override.body());
    v = json(override).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertTrue(triggers.pending().contains("sang@2027-03-01T20:00:00"), triggers.pending().toString());
    HttpResponse<String> unOverride = edit("DELETE", "/api/schedule/rules/sang/overrides/2027-03-01", "", v, operator);
    assertEquals(200, unOverride.statusCode(), unOverride.body());
    v = json(unOverride).path("version").asText();
    assertEquals(freshPlan(), triggers.pending());
    assertFalse(triggers.pending().contains("sang@2027-03-01T20:00:00"));

    HttpResponse<String> programme = edit("PUT", "/api/schedule/programmes/nhac",
        "{\"title\":\"Nhạc dân ca\",\"segments\":[{\"gap\":\"PT3S\"}]}", v, operator);
    assertEquals(200, programme.statusCode(), programme.body());
    assertEquals("Nhạc dân ca", json(client.get("/api/schedule/programmes/nhac", operator)).path("title").asText());

    HttpResponse<String> broken = edit("PUT", "/api/schedule/rules/sang",
        "{\"programme\":\"khong-co\",\"zones\":\"all\",\"at\":\"07:15\",\"days\":[\"MO\"]}",
        json(programme).path("version").asText(), operator);
    assertEquals(400, broken.statusCode(), broken.body());
    assertEquals("airings.sang.programme", json(broken).path("field").asText(), broken.body());
    assertEquals(json(programme).path("version").asText(), version(operator), "a refused edit changes nothing");
    assertEquals(freshPlan(), triggers.pending());
  }

  @Test
  void twoSessionsEditingFromTheSameVersionNeverLoseAChangeSilently() throws Exception {
    start();
    ApiClient.Login first = client.login("operator");
    ApiClient.Login second = client.login("operator2");
    String v1 = json(putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, first)).path("version").asText();
    assertEquals(v1, version(second));
    HttpResponse<String> mine = edit("PUT", "/api/schedule/rules/chieu",
        "{\"programme\":\"nhac\",\"zones\":[\"ap-1\",\"ap-2\"],\"at\":\"17:30\",\"days\":[\"SA\",\"SU\"]}", v1, first);
    assertEquals(200, mine.statusCode(), mine.body());
    String after = json(client.get("/api/schedule", first)).path("text").asText();
    HttpResponse<String> theirs = edit("DELETE", "/api/schedule/rules/chieu", "", v1, second);
    assertEquals(409, theirs.statusCode(), theirs.body());
    assertEquals("version", json(theirs).path("field").asText());
    assertEquals(after, json(client.get("/api/schedule", second)).path("text").asText(), "the second edit changed nothing");
    assertNotEquals(v1, version(second));
    assertEquals(freshPlan(), triggers.pending());
  }

  @Test
  void editsSentAtTheSameMomentFromTheSameVersionGoInOneAtATimeAndTheRestAre409() throws Exception {
    start();
    ApiClient.Login first = client.login("operator");
    ApiClient.Login second = client.login("operator2");
    String v1 = json(putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, first)).path("version").asText();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        String at = String.format("\"%02d:10\"", 8 + i);
        ApiClient.Login who = i % 2 == 0 ? first : second;
        sent.add(pool.submit(() -> {
          go.await();
          return edit("PUT", "/api/schedule/rules/chieu",
              "{\"programme\":\"nhac\",\"zones\":[\"ap-1\"],\"at\":" + at + ",\"days\":[\"MO\"]}", v1, who);
        }));
      }
      go.countDown();
      List<Integer> codes = new java.util.ArrayList<>();
      String winner = null;
      for (var f : sent) {
        HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        codes.add(r.statusCode());
        if (r.statusCode() == 200) {
          winner = json(r).path("version").asText();
        }
      }
      assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
      assertEquals(5, codes.stream().filter(c -> c == 409).count(), codes.toString());
      assertEquals(winner, version(first), "the one edit that went in is the stored schedule");
      assertEquals(freshPlan(), triggers.pending());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readersSeeThePreviewAndCalendarButOnlyOperatorsChangeWithTheirCsrfToken() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    String v1 = json(putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, operator)).path("version").asText();
    ApiClient.Login officer = client.login("officer");
    HttpResponse<String> preview = client.get("/api/schedule/preview?from=2027-03-02&to=2027-03-03", officer);
    assertEquals(200, preview.statusCode(), preview.body());
    JsonNode airings = json(preview);
    assertEquals(4, airings.size(), preview.body());
    assertEquals("2027-03-02T06:00+07:00", airings.get(0).path("startsAt").asText());
    assertEquals("Bản tin xã", airings.get(0).path("title").asText());
    assertEquals(400, client.get("/api/schedule/preview?from=2027-3-2", officer).statusCode());
    HttpResponse<String> ics = client.get("/api/schedule/ics", officer);
    assertEquals(200, ics.statusCode());
    assertTrue(ics.body().startsWith("BEGIN:VCALENDAR"), ics.body());
    assertTrue(ics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/calendar"));

    String rule = "{\"programme\":\"tin\",\"zones\":\"all\",\"at\":\"07:00\",\"days\":[\"MO\"]}";
    assertEquals(403, edit("PUT", "/api/schedule/rules/sang", rule, v1, officer).statusCode());
    assertEquals(403, edit("PUT", "/api/schedule/rules/sang", rule, v1, client.login("approver")).statusCode());
    assertEquals(403, client.send(request("PUT", "/api/schedule/rules/sang", rule, "application/json").as(operator)
        .withoutCsrf().ifMatch(v1)).statusCode());
    assertEquals(401, client.send(request("PUT", "/api/schedule", SCHEDULE, "application/yaml").ifMatch(v1)).statusCode());
    assertEquals(401, client.send(request("GET", "/api/schedule", "", null)).statusCode());
    assertEquals(v1, version(officer));
    assertEquals(404, edit("PUT", "/api/schedule/rules/khong-co", rule, v1, operator).statusCode());
    assertEquals(409, edit("POST", "/api/schedule/rules", "{\"key\":\"sang\",\"programme\":\"tin\",\"zones\":\"all\","
        + "\"at\":\"07:00\",\"days\":[\"MO\"]}", v1, operator).statusCode());
  }

  @Test
  void thisMonthsCchcAiringSaysWhetherItAiredWhichHamletsItReachedAndTheMakeUpWhenItDidNot() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    String cchc = """
        version: 1
        programmes:
          - { key: cchc, title: "Cải cách hành chính", category: cchc, segments: [ { gap: PT1S } ] }
        airings:
          - { key: cchc-thang, programme: cchc, zones: all, at: "07:00", monthly: "first MO", rotateTopics: true, topics: [thu-tuc, dat-dai] }
        """;
    assertEquals(200, putSchedule(cchc, ScheduleRoutes.NO_SCHEDULE, operator).statusCode());
    // Monday 1 March 2027, 08:00: the month's airing was at 07:00 and the log has no run of it
    JsonNode missed = json(client.get("/api/schedule/cchc", client.login("officer")));
    assertEquals("2027-03", missed.path("month").asText());
    JsonNode rule = missed.path("rules").get(0);
    assertEquals("cchc-thang", rule.path("rule").asText());
    assertEquals("Cải cách hành chính", rule.path("title").asText());
    assertFalse(rule.path("aired").asBoolean());
    assertEquals("[]", rule.path("reached").toString());
    assertEquals("[\"ap-1\",\"ap-2\",\"ap-3\",\"ap-4\"]", rule.path("notReached").toString());
    assertEquals("cchc-thang@2027-03-01T07:00:00", rule.path("planned").get(0).path("key").asText());
    assertEquals("2027-03-01T07:00+07:00", rule.path("planned").get(0).path("startsAt").asText());
    assertTrue(rule.path("makeUpNeeded").asText().contains("did not air (planned 2027-03-01 07:00); make-up planned 2027-03-02 07:00"),
        rule.toString());

    Instant at = Instant.parse("2027-03-01T00:00:00Z");
    station.log().record(new io.loaxa.scheduler.RunStart(io.loaxa.schedules.PlannedAiringKey.of("cchc-thang",
        java.time.LocalDateTime.of(2027, 3, 1, 7, 0)), "cchc", "Cải cách hành chính", "cchc", "NORMAL",
        io.loaxa.scheduler.Trigger.SCHEDULED, at, List.of("ap-1", "ap-2", "ap-3", "ap-4"), "gap"),
        new io.loaxa.scheduler.RunEnd(java.util.Optional.of(at), at.plusSeconds(1), List.of("ap-2", "ap-1"), List.of(),
            List.of("ap-3", "ap-4"), io.loaxa.scheduler.Outcome.PARTIAL, "board silent"));
    JsonNode aired = json(client.get("/api/schedule/cchc", operator)).path("rules").get(0);
    assertTrue(aired.path("aired").asBoolean(), aired.toString());
    assertEquals("[\"ap-1\",\"ap-2\"]", aired.path("reached").toString(), "in the station's order");
    assertEquals("[\"ap-3\",\"ap-4\"]", aired.path("notReached").toString());
    assertEquals("PARTIAL", aired.path("runs").get(0).path("outcome").asText());
    assertTrue(aired.path("makeUpNeeded").isNull(), aired.toString());
  }

  @Test
  void anOfficerMayNotAddOrDeleteRulesOrOneOffs() throws Exception {
    start();
    ApiClient.Login operator = client.login("operator");
    assertEquals(200, putSchedule(SCHEDULE, ScheduleRoutes.NO_SCHEDULE, operator).statusCode());
    String v1 = version(operator);
    ApiClient.Login officer = client.login("officer");
    String rule = "{\"key\":\"toi\",\"programme\":\"tin\",\"zones\":\"all\",\"at\":\"19:00\",\"days\":[\"MO\"]}";
    assertEquals(403, edit("POST", "/api/schedule/rules", rule, v1, officer).statusCode());
    assertEquals(403, edit("DELETE", "/api/schedule/rules/sang", "", v1, officer).statusCode());
    assertEquals(403, edit("POST", "/api/schedule/one-offs", "{\"key\":\"mot\",\"programme\":\"tin\",\"zones\":\"all\","
        + "\"at\":\"19:00\",\"on\":\"2027-03-05\"}", v1, officer).statusCode());
    assertEquals(403, edit("PUT", "/api/schedule/rules/sang/overrides/2027-03-02", "{\"at\":\"06:30\"}", v1, officer)
        .statusCode());
    assertEquals(v1, version(officer), "nothing changed");
  }

  @Test
  void theOpenApiDocumentNamesEveryScheduleRoute() throws Exception {
    start();
    JsonNode doc = json(client.send(request("GET", "/api/openapi.json", "", null)));
    List<String> routes = api.registered().stream().filter(r -> r.contains("/api/schedule")).toList();
    assertTrue(routes.size() >= 20, routes.toString());
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.path("paths").path(route.substring(route.indexOf(' ') + 1)).has(method), route);
    }
  }
}
