package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiRig.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The airing log and the period reports over real HTTP, on a log made by airing through the runner
 * with the simulated board and sound: twelve mornings to every hamlet, CCHC evenings to two, one
 * airing fired too late and missed.
 */
class LogRoutesTest {
  @TempDir
  Path data;

  private ApiRig rig;
  private List<AiringRunRecord> log;

  @BeforeEach
  void airTwelveDays() throws Exception {
    rig = new ApiRig(data, new MutableClock(TwelveDecemberDays.DEC_1));
    log = TwelveDecemberDays.air(rig);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private List<AiringRunRecord> log() {
    return log;
  }

  private static List<Long> runIds(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("runs").forEach(r -> ids.add(r.path("run").asLong()));
    return ids;
  }

  @Test
  void theLogOfChosenDaysComesInPagesInPlannedOrderWithTheTotal() throws Exception {
    ApiRig.Login officer = rig.login("officer");
    List<AiringRunRecord> log = log();
    assertEquals(12 + 6 + 1, log.size());
    HttpResponse<String> r = rig.get("/api/log?from=2026-12-01&to=2026-12-12&size=5&page=2", officer);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode page = json(r);
    assertEquals(19, page.path("total").asLong());
    assertEquals(4, page.path("pages").asLong());
    assertEquals(log.subList(5, 10).stream().map(AiringRunRecord::id).toList(), runIds(page));
    JsonNode last = json(rig.get("/api/log?from=2026-12-01&to=2026-12-12&size=5&page=4", officer));
    assertEquals(log.subList(15, 19).stream().map(AiringRunRecord::id).toList(), runIds(last));
    JsonNode first = page.path("runs").get(0);
    assertEquals(log.get(5).plannedKey().value(), first.path("plannedKey").asText());
    assertTrue(first.path("plannedAt").asText().endsWith("+07:00"), first.toString());
    assertEquals("COMPLETED", first.path("outcome").asText());
    assertTrue(first.path("outcomeName").asText().length() > 0);
    JsonNode week = json(rig.get("/api/log", officer));
    assertEquals("2026-12-08", week.path("from").asText(), "the week up to today by default");
    assertEquals("2026-12-14", week.path("to").asText());
    assertEquals(5 + 2 + 1, week.path("total").asLong());
  }

  @Test
  void theLogIsFilteredByCategoryZoneAndOutcome() throws Exception {
    ApiRig.Login admin = rig.login("admin");
    String days = "from=2026-12-01&to=2026-12-12";
    JsonNode cchc = json(rig.get("/api/log?" + days + "&category=cchc", admin));
    assertEquals(6, cchc.path("total").asLong());
    cchc.path("runs").forEach(run -> assertEquals("cchc", run.path("category").asText()));
    JsonNode ap3 = json(rig.get("/api/log?" + days + "&zone=ap-3&size=200", admin));
    assertEquals(13, ap3.path("total").asLong(), "twelve mornings to all and the missed one to ap-3");
    JsonNode ap2 = json(rig.get("/api/log?" + days + "&zone=ap-2&category=cchc", admin));
    assertEquals(6, ap2.path("total").asLong());
    JsonNode missed = json(rig.get("/api/log?" + days + "&outcome=missed", admin));
    assertEquals(1, missed.path("total").asLong());
    assertEquals(List.of("ap-3"), List.of(missed.path("runs").get(0).path("zonesRequested").get(0).asText()));
    assertTrue(missed.path("runs").get(0).path("reason").asText().contains("late"), missed.toString());
    assertEquals(19, json(rig.get("/api/log?" + days + "&outcome=MISSED,COMPLETED", admin)).path("total").asLong());
    assertEquals(0, json(rig.get("/api/log?" + days + "&outcome=FAILED", admin)).path("total").asLong());
    assertEquals(0, json(rig.get("/api/log?" + days + "&category=pctt", admin)).path("total").asLong());
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() throws Exception {
    ApiRig.Login officer = rig.login("officer");
    String[][] cases = {
        {"from=2026-13-01", "from"}, {"from=hôm-qua", "from"}, {"to=2026-12-01&from=2026-12-05", "to"},
        {"from=1990-01-01&to=2026-01-01", "from"}, {"size=0", "size"}, {"size=201", "size"}, {"size=nhiều", "size"},
        {"page=0", "page"}, {"page=99999999999", "page"}, {"zone=ap-9", "zone"}, {"outcome=DONE", "outcome"},
        {"category=CCHC!", "category"}, {"zones=ap-1", "zones"}, {"size=5&size=6", "size"}, {"lang=fr", "lang"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = rig.get("/api/log?" + c[0], Optional.of(officer));
      assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
      assertEquals(c[1], json(r).path("field").asText(), c[0] + " → " + r.body());
      assertTrue(json(r).has("line"), r.body());
    }
    HttpResponse<String> en = rig.get("/api/log?size=0", Optional.of(officer), "Accept-Language", "en");
    assertEquals("a number from 1 to 200", json(en).path("error").asText());
    String[][] reports = {
        {"", "period"}, {"period=week", "period"}, {"period=2026-13", "period"}, {"period=2020..2026-12-31", "period"},
        {"period=month&at=mai", "at"}, {"period=2026-Q1&at=2026-01-01", "at"}, {"period=month&format=doc", "format"},
        {"period=month&peak=sáng", "peak"}, {"period=month&when=now", "when"},
    };
    for (String[] c : reports) {
      HttpResponse<String> r = rig.get("/api/reports?" + c[0], Optional.of(officer));
      assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
      assertEquals(c[1], json(r).path("field").asText(), c[0] + " → " + r.body());
    }
    HttpResponse<String> format = rig.get("/api/log/export?format=docx", Optional.of(officer));
    assertEquals("format", json(format).path("field").asText());
  }

  @Test
  void onlyOfficersAndAdminsReadTheLogAndTheReports() throws Exception {
    for (String path : List.of("/api/log", "/api/log/export?format=csv", "/api/reports?period=month")) {
      assertEquals(401, rig.get(path, Optional.empty()).statusCode(), path);
      assertEquals(403, rig.get(path, rig.login("operator")).statusCode(), path);
      assertEquals(403, rig.get(path, rig.login("approver")).statusCode(), path);
      assertEquals(200, rig.get(path, rig.login("officer")).statusCode(), path);
      assertEquals(200, rig.get(path, rig.login("admin")).statusCode(), path);
    }
  }

  @Test
  void theCsvExportHoldsTheRunsOfTheLogUnderAVietnameseFileName() throws Exception {
    ApiRig.Login officer = rig.login("officer");
    HttpResponse<byte[]> r = rig.bytes("/api/log/export?format=csv&from=2026-12-01&to=2026-12-12&zone=ap-1", officer);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
    assertTrue(disposition.contains("filename*=UTF-8''nh%E1%BA%ADt-k%C3%BD-ph%C3%A1t-s%C3%B3ng_2026-12-01_2026-12-12.csv"),
        disposition);
    String csv = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF"), "with the byte-order mark Excel needs");
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).contains("Mã lượt"), "Vietnamese headings by default: " + lines.get(0));
    List<String> expected = new ArrayList<>();
    for (AiringRunRecord run : log()) {
      if (run.zonesRequested().contains("ap-1")) {
        expected.add(run.id() + "," + run.plannedKey().value() + "," + run.programme());
      }
    }
    List<String> got = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      got.add(f[0] + "," + f[1] + "," + f[2]);
      assertEquals("COMPLETED", f[15], line);
    }
    assertEquals(expected, got);
    HttpResponse<byte[]> english = rig.bytes("/api/log/export?format=csv&lang=en&from=2026-12-01&to=2026-12-01", officer);
    assertTrue(new String(english.body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow().contains("planned_key"));
    assertTrue(english.headers().firstValue("Content-Disposition").orElseThrow().contains("airing-log_2026-12-01_2026-12-01.csv"));
    assertTrue(rig.station.accounts().audit().between(Instant.EPOCH, rig.clock.instant().plusSeconds(1)).stream()
        .anyMatch(e -> e.action().equals("log.export") && e.who().equals("officer")), "the export is in the audit log");
  }

  @Test
  void theXlsxExportReadsBackWithTheRunsOfTheLogAndThePdfIsAPdf() throws Exception {
    ApiRig.Login officer = rig.login("officer");
    HttpResponse<byte[]> r = rig.bytes("/api/log/export?format=xlsx&from=2026-12-01&to=2026-12-12&outcome=COMPLETED", officer);
    assertEquals(200, r.statusCode());
    List<Long> expected = log().stream().filter(run -> run.outcome().equals(Optional.of(Outcome.COMPLETED)))
        .map(AiringRunRecord::id).toList();
    List<Long> got = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      for (int i = 3; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        if (row != null && row.getCell(0) != null) {
          got.add((long) row.getCell(0).getNumericCellValue());
        }
      }
    }
    assertEquals(expected, got);
    HttpResponse<byte[]> pdf = rig.bytes("/api/log/export?format=pdf&from=2026-12-01&to=2026-12-12", officer);
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void thePeriodReportGivesTheFiguresOfTheMonthAndTheFilesOfLoaxaReport() throws Exception {
    ApiRig.Login officer = rig.login("officer");
    HttpResponse<String> r = rig.get("/api/reports?period=month&at=2026-12-05", officer);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = json(r);
    assertEquals("2026-12", report.path("period").asText());
    assertEquals("tháng 12 năm 2026", report.path("label").asText());
    assertEquals(19, report.path("totals").path("runs").asLong());
    assertEquals(18, report.path("totals").path("aired").asLong());
    assertEquals(1, report.path("totals").path("notCompleted").asLong());
    boolean cchc = false;
    for (JsonNode c : report.path("categories")) {
      if (c.path("category").asText().equals("cchc")) {
        cchc = true;
        assertEquals(6, c.path("aired").asLong());
      }
    }
    assertTrue(cchc, report.toString());
    assertFalse(report.path("summary").asText().isBlank());
    assertEquals("2026-Q4", json(rig.get("/api/reports?period=quarter&at=2026-12-05", officer)).path("period").asText());
    assertEquals("2026-H2", json(rig.get("/api/reports?period=half", officer)).path("period").asText());
    assertEquals("2026", json(rig.get("/api/reports?period=year", officer)).path("period").asText());
    assertEquals("2026-12-01_2026-12-03", json(rig.get("/api/reports?period=2026-12-01..2026-12-03", officer))
        .path("period").asText());
    assertEquals("December 2026", json(rig.get("/api/reports?period=month&lang=en", officer)).path("label").asText());
    HttpResponse<byte[]> xlsx = rig.bytes("/api/reports?period=2026-12&format=xlsx", officer);
    assertEquals(200, xlsx.statusCode());
    assertTrue(xlsx.headers().firstValue("Content-Disposition").orElseThrow().contains("b%C3%A1o-c%C3%A1o_2026-12.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertTrue(wb.getNumberOfSheets() > 0);
    }
    HttpResponse<byte[]> pdf = rig.bytes("/api/reports?period=2026-12&format=pdf", officer);
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
  }

  @Test
  void theLogPageIsToldTheStationsDayTheHamletsCategoriesAndOutcomesByName() throws Exception {
    JsonNode choices = json(rig.get("/api/log/choices", rig.login("officer")));
    assertEquals("2026-12-14", choices.path("today").asText());
    assertEquals("cchc", choices.path("categories").get(0).path("category").asText());
    assertEquals("Cải cách hành chính", choices.path("categories").get(0).path("name").asText());
    List<String> zones = new ArrayList<>();
    choices.path("zones").forEach(z -> zones.add(z.path("zone").asText()));
    assertEquals(List.of("ap-1", "ap-2", "ap-3", "ap-4"), zones);
    assertEquals(Outcome.values().length, choices.path("outcomes").size());
    JsonNode english = json(rig.get("/api/log/choices?lang=en", rig.login("admin")));
    assertEquals("Administrative reform", english.path("categories").get(0).path("name").asText());
    assertEquals(403, rig.get("/api/log/choices", rig.login("operator")).statusCode());
  }

  @Test
  void theReportFiguresCarryTheCchcComplianceOfEachHamletPerMonth() throws Exception {
    JsonNode report = json(rig.get("/api/reports?period=2026-Q4", rig.login("officer")));
    JsonNode c = report.path("compliance");
    assertEquals("[\"2026-10\",\"2026-11\",\"2026-12\"]", c.path("months").toString());
    assertEquals("[false,false,true]", c.path("open").toString(), "December is not over on the 14th");
    JsonNode ap1 = c.path("zones").get(0);
    assertEquals("ap-1", ap1.path("zone").asText());
    assertEquals("[0,0,6]", ap1.path("peak").toString(), "six CCHC evenings at 18:15, in the peak window");
    assertEquals(1, ap1.path("met").asLong());
    assertEquals(3, ap1.path("judged").asLong());
    assertEquals("[0,0,0]", c.path("zones").get(2).path("peak").toString(), "ap-3 had no CCHC");
    assertEquals(report.path("cchcGaps").asLong(), 2 * 4, "October and November are gaps in every hamlet");
  }

  @Test
  void theReportFiguresCountEachDaysRunsByOutcomeForThePagesChart() throws Exception {
    JsonNode daily = json(rig.get("/api/reports?period=2026-12", rig.login("officer"))).path("daily");
    assertEquals(31, daily.path("days").size(), "every day of December, the quiet ones too");
    assertEquals("2026-12-01", daily.path("days").get(0).asText());
    assertEquals("2026-12-31", daily.path("days").get(30).asText());
    List<String> outcomes = new ArrayList<>();
    daily.path("outcomes").forEach(o -> outcomes.add(o.path("outcome").asText()));
    assertEquals(List.of("COMPLETED", "MISSED"), outcomes, "only the outcomes the month had, in the log's order");
    JsonNode completed = daily.path("outcomes").get(0);
    assertEquals("Hoàn thành", completed.path("name").asText());
    StringBuilder expected = new StringBuilder("[");
    for (int day = 1; day <= 31; day++) {
      expected.append(day > 12 ? 0 : day % 2 == 1 ? 2 : 1).append(day < 31 ? "," : "]");
    }
    assertEquals(expected.toString(), completed.path("counts").toString(), "the morning chime, and CCHC on odd evenings");
    JsonNode missed = daily.path("outcomes").get(1).path("counts");
    assertEquals(1, missed.get(11).asLong(), "the chime missed on the 12th");
    long sum = 0;
    for (JsonNode o : daily.path("outcomes")) {
      for (JsonNode n : o.path("counts")) {
        sum += n.asLong();
      }
    }
    assertEquals(TwelveDecemberDays.RUNS, sum, "every run once, on its planned day");
    JsonNode year = json(rig.get("/api/reports?period=2026&lang=en", rig.login("officer"))).path("daily");
    assertEquals(365, year.path("days").size());
    assertEquals("Completed", year.path("outcomes").get(0).path("name").asText());
  }

  @Test
  void theOpenApiDocumentNamesTheLogReportAndSpeechRoutes() throws Exception {
    JsonNode doc = json(rig.get("/api/openapi.json", Optional.empty()));
    for (String route : rig.api.registered()) {
      String method = route.substring(0, route.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
      assertTrue(doc.path("paths").path(route.substring(route.indexOf(' ') + 1)).has(method), route + " is documented");
    }
    assertTrue(rig.api.registered().containsAll(List.of("GET /api/log", "GET /api/log/export", "GET /api/reports",
        "POST /api/speech/preview")), rig.api.registered().toString());
  }
}
