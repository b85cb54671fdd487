package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.loaxa.scheduler.web.Chromium.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MutableClock;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The log and reports page in Debian's Chromium, headless, on a log made by airing through the
 * runner on a mutable clock (twelve mornings to every hamlet, CCHC evenings to two, one airing
 * missed): filters and pages, the Excel file of the filtered rows, the month's report, who is
 * offered the page, a 360-px phone and the English switch.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPageBrowserTest {
  private Chromium chrome;
  private ChromeDriver browser;
  private Path downloads;
  private Path data;
  private ApiRig rig;
  private List<AiringRunRecord> log;

  @BeforeAll
  void airTwelveDaysAndOpenTheBrowser() throws Exception {
    chrome = Chromium.open();
    browser = chrome.browser;
    downloads = chrome.downloadsTo();
    data = Files.createTempDirectory("loaxa-logpage-");
    rig = new ApiRig(data, new MutableClock(TwelveDecemberDays.DEC_1), WebConfig.LOCAL_ONLY,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), List.of(new PagesRoutes()));
    log = TwelveDecemberDays.air(rig);
  }

  @AfterAll
  void closeBrowserAndStation() {
    if (chrome != null) {
      chrome.close();
    }
    if (rig != null) {
      rig.close();
    }
    if (data != null) {
      Chromium.delete(data);
    }
  }

  @BeforeEach
  void loggedOut() {
    chrome.loggedOut(base());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String base() {
    return "http://127.0.0.1:" + rig.api.port().orElseThrow();
  }

  private Object js(String script, Object... args) {
    return chrome.js(script, args);
  }

  private String text(String id) {
    return chrome.text(id);
  }

  private boolean shown(String id) {
    return chrome.shown(id);
  }

  @SuppressWarnings("unchecked")
  private List<Long> shownRuns() {
    List<Object> ids = (List<Object>) js("return [...document.querySelectorAll('#runs tr[data-run]')]"
        + ".map(r => Number(r.dataset.run));");
    return ids.stream().map(o -> ((Number) o).longValue()).toList();
  }

  private void openLogPageAs(String name) throws InterruptedException {
    browser.get(base() + "/ui/login.html?next=%2Fui%2Flog.html");
    chrome.fillLogin(name);
    await("the log page", Duration.ofSeconds(10), () -> browser.getCurrentUrl().endsWith("/ui/log.html"));
    await("the page drawn", Duration.ofSeconds(10), () -> shown("refused") || !text("count").isEmpty());
  }

  private void click(String id) {
    chrome.click(id);
  }

  private void choose(String id, String value) {
    // as a keyboard or a tap would leave it: the value chosen, and the change event
    Object ok = js("const s = document.getElementById(arguments[0]);"
        + " if (![...s.options].some(o => o.value === arguments[1])) return false;"
        + " s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true})); return true;", id, value);
    assertEquals(Boolean.TRUE, ok, id + " offers " + value);
  }

  private void shot(String name) throws Exception {
    chrome.shot(name);
  }

  private List<Long> ids(java.util.function.Predicate<AiringRunRecord> which) {
    return log.stream().filter(which).map(AiringRunRecord::id).toList();
  }

  // ---- the page --------------------------------------------------------------------------------

  @Test
  void anOfficerFiltersTheLogPagesThroughItAndDownloadsTheFilteredRowsAsExcel() throws Exception {
    openLogPageAs("officer");
    assertTrue(shown("nav-log"), "the officer is offered the page");
    assertEquals("2026-12-14", js("return document.getElementById('from').value"), "this week, Monday the 14th");
    assertTrue(text("count").startsWith("0 lượt phát"), text("count"));
    click("quick-month");
    await("the month", Duration.ofSeconds(5), () -> text("count").startsWith("19 lượt phát"));
    assertEquals("2026-12-01", js("return document.getElementById('from').value"));
    choose("size", "10");
    click("apply");
    await("ten rows", Duration.ofSeconds(5), () -> shownRuns().size() == 10);
    assertEquals(log.subList(0, 10).stream().map(AiringRunRecord::id).toList(), shownRuns());
    assertEquals("Trang 1/2", text("page-of"));
    click("next");
    await("page 2", Duration.ofSeconds(5), () -> text("page-of").equals("Trang 2/2"));
    assertEquals(log.subList(10, 19).stream().map(AiringRunRecord::id).toList(), shownRuns());
    assertFalse(browser.findElement(By.id("next")).isEnabled(), "no page after the last");

    choose("zone", "ap-3");
    choose("outcome", "MISSED");
    click("apply");
    await("the missed airing", Duration.ofSeconds(5), () -> text("count").startsWith("1 lượt phát"));
    assertEquals(ids(r -> r.outcome().equals(Optional.of(Outcome.MISSED))), shownRuns());
    String row = String.valueOf(js("return document.querySelector('#runs tr[data-run]').textContent"));
    assertTrue(row.contains("12/12/2026 19:00") && row.contains("Bị lỡ") && row.contains("Không phát"), row);
    assertTrue(row.contains("Xác nhận 0/1"), row);
    assertTrue(row.contains("Đã quá giờ phát"), "the reason in the operator's words: " + row);

    choose("zone", "ap-1");
    choose("outcome", "");
    choose("category", "cchc");
    click("apply");
    await("the CCHC evenings", Duration.ofSeconds(5), () -> text("count").startsWith("6 lượt phát"));
    List<Long> cchc = ids(r -> r.category().equals("cchc"));
    assertEquals(cchc, shownRuns());
    assertTrue(text("runs").contains("Cải cách hành chính") && text("runs").contains("Xác nhận 2/2"), text("runs"));
    shot("log-1280");

    click("export-xlsx");
    Path[] file = new Path[1];
    await("the Excel file downloaded", Duration.ofSeconds(15), () -> {
      try (Stream<Path> files = Files.list(downloads)) {
        file[0] = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return file[0] != null;
    });
    assertEquals("nhật-ký-phát-sóng_2026-12-01_2026-12-14.xlsx", file[0].getFileName().toString());
    List<Long> inFile = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file[0]); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheetAt(0);
      for (int i = 3; i <= sheet.getLastRowNum(); i++) {
        Row r = sheet.getRow(i);
        if (r != null && r.getCell(0) != null) {
          inFile.add((long) r.getCell(0).getNumericCellValue());
        }
      }
    }
    assertEquals(cchc, inFile, "the file holds exactly the filtered rows");
    for (String f : List.of("csv", "pdf")) {
      String href = browser.findElement(By.id("export-" + f)).getAttribute("href");
      assertTrue(href.contains("format=" + f) && href.contains("category=cchc") && href.contains("zone=ap-1")
          && href.contains("from=2026-12-01"), href);
    }
  }

  @Test
  void theMonthsReportShowsTheFiguresTheApiGivesWithTheCchcCompliancePerMonth() throws Exception {
    openLogPageAs("admin");
    choose("kind", "month");
    choose("period", "2026-12");
    click("show-report");
    await("the report", Duration.ofSeconds(10), () -> shown("report"));
    JsonNode api = ApiRig.json(rig.get("/api/reports?period=2026-12", rig.login("officer")));
    assertEquals(api.path("label").asText(), text("rep-label"));
    assertEquals(api.path("totals").path("runs").asText(), text("rep-runs"));
    assertEquals(api.path("totals").path("aired").asText(), text("rep-aired"));
    assertEquals(api.path("totals").path("notCompleted").asText(), text("rep-not-completed"));
    assertEquals("19", text("rep-runs"));
    assertEquals("18", text("rep-aired"));
    for (JsonNode c : api.path("categories")) {
      Object shownAired = js("const r = document.querySelector('#rep-categories tr[data-category=\"' + arguments[0]"
          + " + '\"]'); return r ? r.children[1].textContent : null;", c.path("category").asText());
      assertEquals(c.path("aired").asText(), shownAired, c.toString());
    }
    Object ap1 = js("return document.querySelector('#rep-compliance tr[data-zone=\"ap-1\"] td[data-month=\"2026-12\"]')"
        + ".textContent");
    assertEquals("6", ap1, "six CCHC evenings reached Ấp 1 in the peak window");
    Object ap3 = js("return document.querySelector('#rep-compliance tr[data-zone=\"ap-3\"] td[data-month=\"2026-12\"]')"
        + ".textContent");
    assertEquals("–", ap3, "December is not over: not yet a gap");
    assertEquals(api.path("summary").asText(), js("return document.getElementById('rep-summary').value"));
    assertTrue(browser.findElement(By.id("report-xlsx")).getAttribute("href").contains("period=2026-12&format=xlsx"));
    theChartIsDrawnAndItsFiguresAreTheReports(api);
    Map<String, Object> load = chrome.firstLoad();
    System.out.printf("web UI: the log and reports page's first load: %s bytes in %s files, interactive after %s ms,"
        + " loaded after %s ms%n", load.get("bytes"), load.get("files"), load.get("interactive"), load.get("complete"));
    assertTrue(((Number) load.get("bytes")).longValue() <= 150_000, "first load at most 150 KB: " + load);
    js("document.getElementById('report').scrollIntoView()");
    shot("report-1280");

    choose("kind", "quarter");
    choose("period", "2026-Q4");
    click("show-report");
    await("the quarter", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(js(
        "return !!document.querySelector('#rep-compliance td.gap[data-month=\"2026-10\"]')")));
    assertEquals("8", text("rep-gaps"), "October and November in every hamlet");
    await("the quarter's chart by month", Duration.ofSeconds(5), () -> text("rep-chart-heading").equals(
        "Lượt phát theo tháng"));
    assertEquals("[\"2026-12\"]", String.valueOf(js("return JSON.stringify([...document.querySelectorAll("
        + "'#rep-chart-rows tr')].map(r => r.dataset.bucket))")), "only December had runs");
    assertEquals("2", js("return document.querySelector('#rep-chart-rows tr[data-bucket=\"2026-12\"] td[data-cchc]')"
        + ".textContent"), "CCHC reached Ấp 1 and Ấp 2 in December's peak hours");
    assertTrue(text("rep-chart-summary").contains("Đường CCHC: số ấp nhận mỗi tháng 0, 0, 2 trên 4 ấp"),
        text("rep-chart-summary"));
    assertTrue(paintedPixels("#0d47a1") > 20, "the CCHC line is drawn");
  }

  /** Pixels of the chart's canvas painted exactly in {@code colour} (#rrggbb). */
  private long paintedPixels(String colour) {
    Object n = js("const c = document.querySelector('#rep-chart canvas'); if (!c) return -1;"
        + " const want = [1, 3, 5].map(i => parseInt(arguments[0].slice(i, i + 2), 16));"
        + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + " for (let i = 0; i < px.length; i += 4) { if (px[i + 3] === 255 && px[i] === want[0] && px[i + 1] === want[1]"
        + " && px[i + 2] === want[2]) n++; } return n;", colour);
    return ((Number) n).longValue();
  }

  /** The month's chart: bars drawn on the canvas in each outcome's colour, and its table the API's daily counts. */
  private void theChartIsDrawnAndItsFiguresAreTheReports(JsonNode api) {
    assertEquals("Lượt phát theo ngày", text("rep-chart-heading"));
    assertTrue(paintedPixels("#2e7d32") > 200, "completed runs drawn in green: " + paintedPixels("#2e7d32"));
    assertTrue(paintedPixels("#757575") > 10, "the missed run drawn in grey: " + paintedPixels("#757575"));
    assertTrue(((Number) js("return document.querySelector('#rep-chart canvas').width")).intValue() <= 1280);
    JsonNode daily = api.path("daily");
    int rows = 0;
    for (int d = 0; d < daily.path("days").size(); d++) {
      String day = daily.path("days").get(d).asText();
      long total = 0;
      for (JsonNode o : daily.path("outcomes")) {
        total += o.path("counts").get(d).asLong();
      }
      String row = "#rep-chart-rows tr[data-bucket=\"" + day + "\"]";
      if (total == 0) {
        assertEquals(Boolean.FALSE, js("return !!document.querySelector(arguments[0])", row), day + " had no runs");
        continue;
      }
      rows++;
      for (JsonNode o : daily.path("outcomes")) {
        assertEquals(o.path("counts").get(d).asText(), js("return document.querySelector(arguments[0]"
            + " + ' td[data-outcome=\"' + arguments[1] + '\"]').textContent", row, o.path("outcome").asText()),
            day + " " + o.path("outcome").asText());
      }
      assertEquals(String.valueOf(total), js("return document.querySelector(arguments[0] + ' td[data-total]')"
          + ".textContent", row), day);
    }
    assertEquals(12L, (long) rows, "the twelve days that had runs, one row each");
    assertEquals((long) rows, ((Number) js("return document.querySelectorAll('#rep-chart-rows tr').length")).longValue());
    assertEquals(api.path("totals").path("runs").asText(), js("return document.querySelector('#rep-chart-foot"
        + " td[data-total]').textContent"), "the table adds up to the report's runs");
    String summary = String.valueOf(js("return document.getElementById('rep-chart').getAttribute('aria-label')"));
    assertTrue(summary.contains("19 lượt") && summary.contains("Hoàn thành 18") && summary.contains("Bị lỡ 1"), summary);
    assertEquals("img", js("return document.getElementById('rep-chart').getAttribute('role')"));
  }


  @Test
  void anOperatorIsNotOfferedThePageAndIsRefusedOnIt() throws Exception {
    openLogPageAs("operator");
    assertFalse(shown("nav-log"), "no log link for an operator");
    assertTrue(shown("refused"));
    assertFalse(shown("log-card"));
    assertFalse(shown("report-card"));
  }

  @Test
  void onA360PixelPhoneThePageNeverScrollsSidewaysAndEveryTapTargetIsAtLeast44PixelsHigh() throws Exception {
    chrome.phone();
    openLogPageAs("officer");
    click("quick-month");
    await("the month", Duration.ofSeconds(5), () -> text("count").startsWith("19 lượt phát"));
    choose("kind", "year");
    choose("period", "2026");
    click("show-report");
    await("the report", Duration.ofSeconds(10), () -> shown("report"));
    await("the year's chart", Duration.ofSeconds(5), () -> paintedPixels("#2e7d32") > 0);
    assertTrue(((Number) js("return document.querySelector('#rep-chart .uplot').getBoundingClientRect().right"))
        .doubleValue() <= 360, "the chart fits the phone");
    assertEquals(360L, js("return window.innerWidth"));
    assertTrue(chrome.pageWidth() <= 360, "the page is " + chrome.pageWidth() + " px wide");
    List<String> small = chrome.smallTapTargets("button, a.button, #bar a, select, input");
    assertTrue(small.isEmpty(), "tap targets under 44 px: " + small);
    Object rowsStacked = js("return getComputedStyle(document.querySelector('#runs tr[data-run]')).display");
    assertEquals("block", rowsStacked, "log rows stack on a phone");
    Object gridScrolls = js("const s = document.getElementById('rep-compliance-table').parentElement;"
        + " return getComputedStyle(s).overflowX;");
    assertEquals("auto", gridScrolls, "the twelve-month grid scrolls inside itself");
    shot("log-360");
    js("window.scrollTo(0, document.getElementById('report').offsetTop)");
    shot("report-360");
    chrome.desktop();
    assertTrue(chrome.pageWidth() <= 1280);
  }

  @Test
  void theEnglishSwitchChangesTheLabelsTheNamesAndTheFilesLanguage() throws Exception {
    openLogPageAs("officer");
    assertEquals("Nhật ký và báo cáo", String.valueOf(js("return document.querySelector('h1').textContent")));
    assertEquals("Nhật ký, báo cáo", text("nav-log"));
    click("lang");
    await("English labels", Duration.ofSeconds(5), () -> "Log and reports".equals(js(
        "return document.querySelector('h1').textContent")));
    assertEquals("Log and reports", text("nav-log"));
    assertEquals("This month", text("quick-month"));
    await("English category names", Duration.ofSeconds(5), () -> "Administrative reform".equals(js(
        "return document.querySelector('#category option[value=cchc]').textContent")));
    assertEquals("Missed", js("return document.querySelector('#outcome option[value=MISSED]').textContent"));
    assertTrue(browser.findElement(By.id("export-csv")).getAttribute("href").contains("lang=en"));
    click("quick-month");
    await("the month", Duration.ofSeconds(5), () -> text("count").startsWith("19 airings"));
    assertTrue(text("page-of").startsWith("Page 1 of"), text("page-of"));
    choose("kind", "month");
    choose("period", "2026-12");
    click("show-report");
    await("the English chart", Duration.ofSeconds(10), () -> text("rep-chart-heading").equals("Airings per day"));
    assertTrue(text("rep-chart-summary").contains("Completed 18"), text("rep-chart-summary"));
    assertEquals("The chart's figures", String.valueOf(js("return document.querySelector('#rep-chart-figures summary')"
        + ".textContent")));
    click("lang");
    await("Vietnamese again", Duration.ofSeconds(5), () -> "Tháng này".equals(text("quick-month")));
  }
}
