package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.scheduler.report.ReportPeriod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people and scripts send the API, fed anything: a request body is a JSON object of known
 * fields or a 4xx naming why; a query to the log or the reports is a bounded question or a 400 naming
 * the parameter. Nothing else comes out (no other exception, so no 500), and each answer is quick.
 */
class ApiRequestFuzzTest {
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final Set<String> AIR_FIELDS = Set.of("file", "programme", "zones", "priority", "at", "text");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Set<String> ZONES = Set.of("ap-1", "ap-2", "ap-3", "ap-4");

  @FuzzTest(maxDuration = "2h")
  void anyBodyIsAnObjectOfKnownFieldsOrARefusalOfTheClient(byte[] input) {
    long start = System.nanoTime();
    try {
      ObjectNode body = JavalinApi.parseBody(input, AIR_FIELDS);
      body.fieldNames().forEachRemaining(f -> assertTrue(AIR_FIELDS.contains(f), f));
      body.elements().forEachRemaining(v -> assertTrue(v.isValueNode() && !v.isNull(), v.toString()));
    } catch (ApiException e) {
      clientError(e);
    }
    try {
      SpeechRoutes.Request r = SpeechRoutes.request(JavalinApi.parseBody(input, Set.of("text", "voice")));
      assertTrue(!r.text().isBlank());
      r.voice().ifPresent(v -> assertTrue(v.matches("[A-Za-z0-9+_-]{1,40}"), v));
    } catch (ApiException e) {
      clientError(e);
    }
    inTime(start, "the body");
  }

  @FuzzTest(maxDuration = "2h")
  void anyQueryIsABoundedQuestionOrARefusalNamingTheParameter(byte[] input) {
    Map<String, List<String>> params = query(new String(input, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    try {
      LogQuery q = LogQuery.parse(params, LogRoutes.EXPORT_PARAMETERS, TODAY, ZONES);
      assertTrue(!q.to().isBefore(q.from()), q.toString());
      assertTrue(q.to().toEpochDay() - q.from().toEpochDay() < LogQuery.MAX_DAYS, q.toString());
      assertTrue(q.size() >= 1 && q.size() <= LogQuery.MAX_SIZE && q.page() >= 1 && q.skip() >= 0, q.toString());
      q.zone().ifPresent(z -> assertTrue(ZONES.contains(z), z));
      LogRoutes.format(LogQuery.one(params, "format"), List.of("csv", "xlsx", "pdf"), "csv");
      LogQuery.language(LogQuery.one(params, "lang"), null);
    } catch (ApiException e) {
      clientError(e);
      assertNotNull(e.field, "a refused query names its parameter: " + e.getMessage());
    }
    try {
      ReportPeriod p = LogRoutes.reportPeriod(params, TODAY);
      assertTrue(p.days() >= 1 && p.days() <= LogRoutes.MAX_REPORT_DAYS, p.toString());
    } catch (ApiException e) {
      clientError(e);
      assertNotNull(e.field, "a refused report names its parameter: " + e.getMessage());
    }
    inTime(start, "the query");
  }

  /** The parameters as Jetty hands them over: split at & and =, percent-decoded, repeated names kept in order. */
  static Map<String, List<String>> query(String text) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray % reaches the route as it was typed
    }
  }

  private static void clientError(ApiException e) {
    assertTrue(e.status >= 400 && e.status < 500, e.status + " " + e.getMessage());
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && e.getMessage().length() < 2000, e.getMessage());
    assertTrue(!e.getMessage().contains("Exception"), "no Java words in front of people: " + e.getMessage());
  }

  private static void inTime(long start, String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(BOUND) <= 0, what + " took " + took.toMillis() + " ms");
  }
}
