package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.testkit.Integration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The station page and the audit log page in Debian's Chromium, headless, against the test station
 * on loopback: every hamlet's line with its board and channel, the board's channels, a line switched
 * on at the board seen on the page; the audit log filtered to one person's refusals, exactly the rows
 * the station stored; an operator refused the audit log; both pages on a 360-px phone.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationAndAuditPagesBrowserTest {
  private Chromium chrome;
  private ChromeDriver browser;
  private WebUiStation station;
  private ApiClient client;

  @BeforeAll
  void openBrowser() throws Exception {
    chrome = Chromium.open();
    browser = chrome.browser;
  }

  @AfterAll
  void closeBrowser() {
    if (chrome != null) {
      chrome.close();
    }
  }

  @BeforeEach
  void startStation() throws Exception {
    station = WebUiStation.forBrowser(chrome, "loaxa-station-page-", "admin", "operator", "officer");
    client = station.client();
  }

  @AfterEach
  void stopStation() {
    if (station != null) {
      station.close();
    }
  }

  private Object js(String script, Object... args) {
    return chrome.js(script, args);
  }

  private String attr(String selector, String name) {
    return String.valueOf(js("const e = document.querySelector(arguments[0]); return e ? e.dataset[arguments[1]] : null;",
        selector, name));
  }

  @SuppressWarnings("unchecked")
  private List<Long> shownEntries() {
    return ((List<Object>) js("return [...document.querySelectorAll('#entries tr[data-id]')].map(r => Number(r.dataset.id));"))
        .stream().map(o -> ((Number) o).longValue()).toList();
  }

  @Test
  void theStationPageShowsEachHamletsLineOnItsBoardAndALineSwitchedOnAtTheBoard() throws Exception {
    chrome.logIn(station.base(), "officer");
    browser.findElement(By.id("nav-station")).click();
    await("the station drawn", Duration.ofSeconds(10), () -> chrome.shown("boards-card"));
    JsonNode api = ApiClient.json(client.get("/api/station", client.login("officer")));
    assertEquals(4, api.path("zones").size());
    for (JsonNode z : api.path("zones")) {
      String row = String.valueOf(js("return document.querySelector('#zones tr[data-zone=\"' + arguments[0] + '\"]').textContent",
          z.path("key").asText()));
      assertTrue(row.contains(z.path("name").asText()) && row.contains("tu-chinh") && row.contains("Tắt"), row);
    }
    assertEquals("zone", attr("#boards li[data-channel='1']", "line"));
    assertEquals("spare", attr("#boards li[data-channel='5']", "line"));
    assertEquals("amplifier", attr("#boards li[data-channel='8']", "line"));
    assertEquals("true", attr("section.board[data-board='tu-chinh']", "ok"));
    assertTrue(chrome.text("boards").contains("Đang kết nối"), chrome.text("boards"));
    assertTrue(chrome.text("sound").contains("default") && chrome.text("sound").contains("Bình thường"), chrome.text("sound"));
    assertEquals("off", attr("#approval", "approval"));

    station.station.switchboard().zonesOn(List.of("ap-2"));
    await("ap-2 on in the page", Duration.ofSeconds(8), () -> "on".equals(attr("#zones tr[data-zone='ap-2']", "state")));
    assertEquals("on", attr("#boards li[data-channel='2']", "state"), "and on its board's channel");
    assertEquals("off", attr("#zones tr[data-zone='ap-1']", "state"));
    chrome.shot("station-1280");
    station.station.zoneControl().allOff();
  }

  @Test
  void anAdminFiltersTheAuditLogToOnePersonsRefusalsAndAnOperatorIsRefusedThePage() throws Exception {
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> put = client.send(ApiClient.request("PUT", "/api/schedule",
        "version: 1\nprogrammes: []\nairings: []\n", "application/yaml").as(operator).ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(200, put.statusCode(), put.body());
    ApiClient.Login officer = client.login("officer");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> refused = client.json("POST", "/api/zones", "{\"action\":\"on\",\"zones\":\"ap-1\"}", officer);
      assertEquals(403, refused.statusCode(), refused.body());
    }
    List<AuditEntry> stored = station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(5));
    List<Long> officersRefusals = stored.stream().filter(e -> e.who().equals("officer") && !e.allowed())
        .map(AuditEntry::id).sorted(java.util.Comparator.reverseOrder()).toList();
    assertEquals(2, officersRefusals.size(), stored.toString());

    chrome.logIn(station.base(), "admin");
    browser.findElement(By.id("nav-audit")).click();
    await("the audit log", Duration.ofSeconds(10), () -> chrome.shown("audit-card") && !shownEntries().isEmpty());
    assertTrue(shownEntries().size() >= stored.size(), "everything so far, newest first: " + shownEntries());
    Object choose = js("const s = document.getElementById('who'); if (![...s.options].some(o => o.value === 'officer'))"
        + " return false; s.value = 'officer'; s.dispatchEvent(new Event('change')); return true;");
    assertEquals(Boolean.TRUE, choose);
    chrome.click("refusals");
    await("the officer's refusals", Duration.ofSeconds(3), () -> shownEntries().equals(officersRefusals));
    String row = String.valueOf(js("return document.querySelector('#entries tr[data-id]').textContent"));
    assertTrue(row.contains("POST /api/zones") && row.contains("Bị từ chối") && row.contains("role officer refused"), row);
    assertTrue(chrome.text("count").startsWith("2 thao tác"), chrome.text("count"));
    browser.findElement(By.id("action")).sendKeys("schedule");
    await("no refusal of the officer's is about the schedule", Duration.ofSeconds(3), () -> shownEntries().isEmpty());
    String csv = browser.findElement(By.id("export-csv")).getAttribute("href");
    assertTrue(csv.contains("format=csv") && csv.contains("from="), csv);
    chrome.shot("audit-1280");

    browser.manage().deleteAllCookies();
    chrome.logIn(station.base(), "operator");
    assertFalse(chrome.shown("nav-audit"), "no audit link for an operator");
    browser.get(station.base() + "/ui/audit.html");
    await("the refusal", Duration.ofSeconds(5), () -> chrome.shown("refused"));
    assertFalse(chrome.shown("audit-card"));
  }

  @Test
  void onA360PixelPhoneNeitherPageScrollsSidewaysAndEveryTapTargetIsAtLeast44Pixels() throws Exception {
    chrome.logIn(station.base(), "admin");
    for (String page : List.of("station", "audit")) {
      chrome.phone();
      browser.get(station.base() + "/ui/" + page + ".html");
      String card = page.equals("station") ? "boards-card" : "audit-card";
      await(page + " drawn", Duration.ofSeconds(10), () -> chrome.shown(card));
      assertEquals(360L, js("return window.innerWidth"), page + " reaches beyond the screen: " + chrome.beyond(360));
      assertTrue(chrome.pageWidth() <= 360, page + " is " + chrome.pageWidth() + " px wide: " + chrome.beyond(360));
      List<String> small = chrome.smallTapTargets();
      assertTrue(small.isEmpty(), page + ": tap targets under 44 px: " + small);
      chrome.shot(page + "-360");
      chrome.desktop();
      assertTrue(chrome.pageWidth() <= 1280, page + " at 1280");
    }
    chrome.click("lang");
    await("English", Duration.ofSeconds(3), () -> "Audit log".equals(js("return document.querySelector('h1').textContent")));
  }
}
