package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.loaxa.scheduler.web.Chromium.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.testkit.Integration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator's pages in Debian's Chromium, headless, against the test station on loopback: login,
 * the live "on air now" page, the lost-daemon banner, an emergency from opening the page to the
 * hamlets' relays on and its cancel, the English switch, and a 360-px phone screen.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {
  private static final String FLOOD = "Thông báo khẩn của Ủy ban nhân dân xã: nước sông đang lên nhanh. Bà con ở ấp Một "
      + "và ấp Ba di dời người già, trẻ em và tài sản lên chỗ cao ngay. Không đi qua cầu tràn, không đánh bắt cá trên "
      + "sông. Lực lượng dân quân đang có mặt tại nhà văn hóa ấp để hỗ trợ bà con. Xin nhắc lại: nước sông đang lên "
      + "nhanh, bà con di dời ngay lên chỗ cao.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Chromium chrome;
  private ChromeDriver browser;
  private WebUiStation station;
  private Path data;

  @BeforeAll
  void openBrowser() throws Exception {
    chrome = Chromium.open("espeak-ng");
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
    data = Files.createTempDirectory("loaxa-webui-");
    station = new WebUiStation(data, "admin", "operator", "officer");
    chrome.loggedOut(station.base());
  }

  @AfterEach
  void stopStation() {
    if (station != null) {
      station.close();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Object js(String script, Object... args) {
    return chrome.js(script, args);
  }

  private void phone() {
    chrome.phone();
  }

  private void desktop() {
    chrome.desktop();
  }

  private String text(String id) {
    return chrome.text(id);
  }

  private boolean shown(String id) {
    return chrome.shown(id);
  }

  private String zoneState(String list, String zone) {
    return String.valueOf(js("const e = document.querySelector('#' + arguments[0] + ' li[data-zone=\"' + arguments[1]"
        + " + '\"]'); return e ? e.dataset.state : null;", list, zone));
  }

  private void logIn(String name) throws InterruptedException {
    chrome.logIn(station.base(), name);
  }

  private void fillLogin(String name) throws InterruptedException {
    chrome.fillLogin(name);
  }

  private void shot(String name) throws Exception {
    chrome.shot(name);
  }

  private Map<String, Optional<Boolean>> relays() {
    return station.station.switchboard().status();
  }

  // ---- the station's pages ---------------------------------------------------------------------

  @Test
  void aWrongPasswordIsRefusedAtTheFieldInVietnameseThenTheRightOneLetsTheOperatorIn() throws Exception {
    browser.get(station.base() + "/");
    await("redirect to login", Duration.ofSeconds(5), () -> browser.getCurrentUrl().contains("/ui/login.html?next=%2F"));
    browser.findElement(By.id("name")).sendKeys("operator");
    browser.findElement(By.id("password")).sendKeys("sai-mat-khau-roi");
    browser.findElement(By.id("submit")).click();
    await("the refusal at the password field", Duration.ofSeconds(5), () -> text("password-error").contains("sai tên hoặc mật khẩu"));
    assertTrue(browser.getCurrentUrl().contains("login"), "still on the login page");
    shot("login-refused-1280");
    browser.findElement(By.id("password")).sendKeys(WebUiStation.PASSWORD);
    browser.findElement(By.id("submit")).click();
    await("the on-air page", Duration.ofSeconds(10), () -> browser.getCurrentUrl().equals(station.base() + "/"));
    await("the station's name from the feed", Duration.ofSeconds(5), () -> text("station").contains("Thử"));
    shot("onair-1280");
    // the login page already fetched the shared assets: fetch again every file this page used, uncached
    Map<String, Object> load = chrome.firstLoad();
    System.out.printf("web UI: the on-air page's first load: %s bytes in %s files, interactive after %s ms, loaded after"
        + " %s ms%n", load.get("bytes"), load.get("files"), load.get("interactive"), load.get("complete"));
    assertTrue(((Number) load.get("bytes")).longValue() < 150_000, "first load under 150 KB: " + load);
  }

  @Test
  void aPageOpenedWithoutASessionGoesToTheLoginPageAndBackAfterIt() throws Exception {
    browser.get(station.base() + "/ui/emergency.html");
    await("redirect to login", Duration.ofSeconds(5), () -> browser.getCurrentUrl().contains("login.html"));
    fillLogin("operator");
    await("back on the emergency page", Duration.ofSeconds(5),
        () -> browser.getCurrentUrl().endsWith("/ui/emergency.html"));
    await("its form", Duration.ofSeconds(5), () -> shown("compose"));
  }

  @Test
  void theOnAirPageShowsAZoneSwitchedOnThroughTheApiWithinASecondWithoutReloading() throws Exception {
    logIn("officer");
    await("ap-2 off", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-2")));
    js("window.notReloaded = true");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\":\"operator\",\"password\":\"" + WebUiStation.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = JSON.readTree(login.body()).path("csrf").asText();
    HttpResponse<String> on = http.send(HttpRequest.newBuilder(URI.create(station.base() + "/api/zones"))
        .header("Content-Type", "application/json").header("Cookie", cookie).header(ApiServer.CSRF_HEADER, csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"on\",\"zones\":\"ap-2\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, on.statusCode(), on.body());
    Duration took = await("ap-2 on in the page", Duration.ofSeconds(3), () -> "on".equals(zoneState("zones", "ap-2")));
    System.out.printf("web UI: a zone switched on through the API shows on the page after %d ms%n", took.toMillis());
    assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "within 1 s: " + took.toMillis() + " ms");
    assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "no reload");
    assertEquals("off", zoneState("zones", "ap-1"));
    assertTrue(text("zones").contains("Đang bật"), text("zones"));
    station.station.zoneControl().allOff();
  }

  @Test
  void thePageSaysPlainlyWhenItLostTheDaemonAndRecoversWhenTheDaemonIsBack() throws Exception {
    logIn("officer");
    await("the feed", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
    assertFalse(shown("lost"));
    station.stopServer();
    Duration took = await("the lost banner", Duration.ofSeconds(6), () -> shown("lost"));
    System.out.printf("web UI: the lost-daemon banner shows %d ms after the server stopped%n", took.toMillis());
    assertTrue(text("lost").startsWith("Mất kết nối với đài"), text("lost"));
    shot("lost-1280");
    station.start();
    // a restarted daemon has forgotten the session: the page leaves the banner for the login page
    await("back to the station", Duration.ofSeconds(10), () -> browser.getCurrentUrl().contains("/ui/login.html"));
    logIn("officer");
    await("the feed again", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
    assertFalse(shown("lost"));
  }

  @Test
  void anEmergencyGoesFromOpeningThePageToTheChosenHamletsOnAirInUnderAMinuteAndCancelEndsItAllOff() throws Exception {
    logIn("operator");
    phone();
    Instant opened = Instant.now();
    long start = System.nanoTime();
    browser.get(station.base() + "/ui/emergency.html");
    await("the form", Duration.ofSeconds(5), () -> shown("compose"));
    browser.findElement(By.id("scope-list")).click();
    browser.findElement(By.id("zone-ap-1")).click();
    browser.findElement(By.id("zone-ap-3")).click();
    browser.findElement(By.id("text")).sendKeys(FLOOD);
    browser.findElement(By.id("repeat")).click();
    WebElement every = browser.findElement(By.id("every"));
    every.clear();
    every.sendKeys("30");
    WebElement count = browser.findElement(By.id("count"));
    count.clear();
    count.sendKeys("3");
    shot("emergency-360");
    browser.findElement(By.id("next")).click();
    await("the confirm step", Duration.ofSeconds(3), () -> shown("confirm"));
    assertTrue(text("sum-where").contains("Ấp 1") && text("sum-where").contains("Ấp 3"), text("sum-where"));
    assertFalse(text("sum-where").contains("Ấp 2"));
    assertTrue(text("sum-repeat").contains("30") && text("sum-repeat").contains("3 lần"), text("sum-repeat"));
    shot("emergency-confirm-360");
    browser.findElement(By.id("send")).click();
    Duration onAir = await("ap-1 and ap-3 on at the board", Duration.ofSeconds(60), () -> {
      Map<String, Optional<Boolean>> r = relays();
      return r.get("ap-1").equals(Optional.of(true)) && r.get("ap-3").equals(Optional.of(true));
    });
    long airedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("web UI: emergency from opening the page to the hamlets' relays on: %d ms%n", airedAfter);
    assertTrue(airedAfter < 60_000, airedAfter + " ms");
    assertEquals(Optional.of(false), relays().get("ap-2"), "only the chosen hamlets");
    assertEquals(Optional.of(false), relays().get("ap-4"), "only the chosen hamlets");
    await("the page watches it on air", Duration.ofSeconds(3), () -> "on-air".equals(js(
        "return document.getElementById('watch-state').dataset.state")));
    await("the page shows the lines on", Duration.ofSeconds(2), () -> "on".equals(zoneState("watch-zones", "ap-3")));
    shot("emergency-on-air-360");
    assertTrue(onAir.toMillis() >= 0);

    browser.findElement(By.id("cancel")).click();
    Duration off = await("every relay off", Duration.ofSeconds(10), () ->
        station.station.switchboard().report().stream().allMatch(z -> z.reported().equals(Optional.of(false))));
    System.out.printf("web UI: cancel to every relay off: %d ms%n", off.toMillis());
    await("the page says cancelled", Duration.ofSeconds(3), () -> "cancelled".equals(js(
        "return document.getElementById('watch-state').dataset.state")));
    await("the page shows the lines off", Duration.ofSeconds(3), () -> "off".equals(zoneState("watch-zones", "ap-1")));
    List<AiringRunRecord> runs = new ArrayList<>();
    await("the cancelled runs logged", Duration.ofSeconds(5), () -> {
      runs.clear();
      station.station.log().forEachRun(opened.minusSeconds(60), opened.plus(Duration.ofHours(3)), runs::add);
      return runs.size() == 3 && runs.stream().allMatch(r -> r.outcome().isPresent());
    });
    assertTrue(runs.stream().allMatch(r -> r.outcome().equals(Optional.of(Outcome.SKIPPED))), runs.toString());
    assertEquals("EMERGENCY", runs.get(0).priority());
    assertEquals(List.of("ap-1", "ap-3"), runs.get(0).zonesRequested());
    assertTrue(runs.get(0).startedAt().isPresent(), "the first one went on air before it was cancelled");
  }

  @Test
  void theOnAirPageCountsDownTheRemainingTimeOfAProgrammeOfStatedLengthAndItsMeterReadsTheSilence() throws Exception {
    ApiClient client = new ApiClient(() -> station.port);
    ApiClient.Login operator = client.login("operator");
    HttpResponse<String> put = client.send(ApiClient.request("PUT", "/api/schedule",
        "version: 1\nprogrammes:\n  - { key: tiep-am, title: \"Tiếp âm thử\", segments: [ { gap: PT40S } ] }\nairings: []\n",
        "application/yaml").as(operator).ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(200, put.statusCode(), put.body());
    logIn("officer");
    await("the feed", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
    // the API answers an airing "now" once it has aired: ask from a thread of its own and watch the page meanwhile
    java.util.concurrent.CompletableFuture<HttpResponse<String>> aired = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return client.json("POST", "/api/air", "{\"programme\":\"tiep-am\",\"zones\":\"ap-1\"}", operator);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    await("on air with its remaining time", Duration.ofSeconds(15), () -> shown("onair-now")
        && !String.valueOf(js("return document.getElementById('onair-remaining').dataset.seconds")).isEmpty());
    long first = Long.parseLong(String.valueOf(js("return document.getElementById('onair-remaining').dataset.seconds")));
    assertTrue(first > 25 && first <= 40, first + " s left of 40: " + js("const r = document.getElementById("
        + "'onair-remaining').dataset; const e = document.getElementById('onair-elapsed').dataset;"
        + " return JSON.stringify({length: r.length, elapsed: e.seconds, startedAt: e.startedAt, now: new Date().toISOString()});"));
    assertTrue(shown("onair-progress"));
    await("counting down", Duration.ofSeconds(5), () -> Long.parseLong(String.valueOf(js(
        "return document.getElementById('onair-remaining').dataset.seconds || '99'"))) < first);
    assertTrue(text("onair-remaining").matches("0:[0-4]\\d"), text("onair-remaining"));
    // a programme of gaps plays digital silence: the meter is at its bottom and says the floor in dBFS
    await("the level meter", Duration.ofSeconds(3), () -> text("onair-level").contains("dBFS"));
    assertTrue(text("onair-level").contains("-100") || text("onair-level").contains("−100"), text("onair-level"));
    assertEquals("meter", js("return document.getElementById('onair-meter').getAttribute('role')"));
    assertEquals("-60.0", js("return document.getElementById('onair-meter').getAttribute('aria-valuenow')"));
    shot("onair-remaining-1280");
    assertEquals(200, aired.get(60, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void anIncidentTheStationOpensShowsOnTheOnAirPageWithinASecondAndAsEndedWhenItEnds() throws Exception {
    logIn("officer");
    await("the feed", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
    assertTrue(text("incidents").contains("Không có sự cố"), text("incidents"));
    js("window.notReloaded = true");
    station.station.incidents().observed(io.loaxa.scheduler.supervision.IncidentKind.BOARD_OFFLINE, "tu-chinh",
        station.clock.instant(), "bảng rơ-le tu-chinh không trả lời (board not answering)");
    Duration shownAfter = await("the incident on the page", Duration.ofSeconds(3), () -> "open".equals(js(
        "const e = document.querySelector('#incidents li[data-kind=\"board-offline\"]'); return e && e.dataset.state;")));
    System.out.printf("web UI: an incident shows on the on-air page after %d ms%n", shownAfter.toMillis());
    assertTrue(shownAfter.compareTo(Duration.ofSeconds(1)) < 0, "within 1 s: " + shownAfter.toMillis() + " ms");
    assertTrue(text("incidents").contains("Mất kết nối bảng rơ-le") && text("incidents").contains("tu-chinh"),
        text("incidents"));
    assertTrue(text("incidents").contains("Đang diễn ra"), text("incidents"));
    shot("onair-incident-1280");

    station.station.incidents().resolved(io.loaxa.scheduler.supervision.IncidentKind.BOARD_OFFLINE, "tu-chinh",
        station.clock.instant());
    await("it leaves the open ones", Duration.ofSeconds(3), () -> text("incidents").contains("Không có sự cố"));
    await("it shows as ended", Duration.ofSeconds(3), () -> "ended".equals(js(
        "const e = document.querySelector('#incidents-closed li[data-kind=\"board-offline\"]'); return e && e.dataset.state;")));
    assertTrue(text("incidents-closed").contains("Đã kết thúc"), text("incidents-closed"));
    assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "no reload");
    js("localStorage.setItem('loaxa.lang', 'en')");
    browser.navigate().refresh();
    await("in English", Duration.ofSeconds(5), () -> text("incidents-closed").contains("Relay board offline"));
    assertTrue(text("incidents-closed").contains("Ended"), text("incidents-closed"));
    js("localStorage.removeItem('loaxa.lang')");
  }

  @Test
  void anOfficerIsNotOfferedTheEmergencyPageAndCannotSendFromIt() throws Exception {
    logIn("officer");
    assertFalse(shown("nav-emergency"), "no emergency button for an officer");
    browser.get(station.base() + "/ui/emergency.html");
    await("the refusal", Duration.ofSeconds(5), () -> shown("refused"));
    assertFalse(shown("compose"));
  }

  @Test
  void theEnglishSwitchChangesTheLabelsAndIsRemembered() throws Exception {
    logIn("operator");
    await("the feed", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
    assertTrue(text("nav-onair").equals("Đang phát"), text("nav-onair"));
    assertTrue(text("zones").contains("Tắt"));
    browser.findElement(By.id("lang")).click();
    await("English labels", Duration.ofSeconds(3), () -> text("nav-onair").equals("On air now"));
    assertEquals("EMERGENCY", text("nav-emergency"));
    await("English line states", Duration.ofSeconds(3), () -> text("zones").contains("Off"));
    assertEquals("en", js("return document.documentElement.lang"));
    browser.navigate().refresh();
    await("still English after a reload", Duration.ofSeconds(5), () -> text("nav-onair").equals("On air now"));
    browser.get(station.base() + "/ui/emergency.html");
    await("the emergency page in English", Duration.ofSeconds(5), () -> text("next").equals("Continue"));
    browser.findElement(By.id("lang")).click();
    await("Vietnamese again", Duration.ofSeconds(3), () -> text("next").equals("Tiếp tục"));
  }

  @Test
  void onA360PixelPhoneNothingScrollsSidewaysAndEveryButtonIsAtLeast44PixelsHigh() throws Exception {
    logIn("admin");
    phone();
    for (String page : List.of("/", "/ui/emergency.html", "/ui/users.html", "/ui/login.html")) {
      if (page.equals("/ui/login.html")) {
        browser.manage().deleteAllCookies();
      }
      browser.get(station.base() + page);
      await(page + " drawn", Duration.ofSeconds(5), () -> Boolean.TRUE.equals(js(
          "return document.readyState === 'complete' && document.querySelectorAll('#bar button').length > 0")));
      if (page.equals("/")) {
        await("the feed", Duration.ofSeconds(5), () -> "off".equals(zoneState("zones", "ap-1")));
      }
      if (page.equals("/ui/emergency.html")) {
        await("the form", Duration.ofSeconds(5), () -> shown("compose"));
        browser.findElement(By.id("scope-list")).click();
        browser.findElement(By.id("repeat")).click();
      }
      if (page.equals("/ui/users.html")) {
        await("the users", Duration.ofSeconds(5), () -> shown("list-card"));
      }
      assertEquals(360L, js("return window.innerWidth"), page);
      assertTrue(chrome.pageWidth() <= 360, page + " is " + chrome.pageWidth() + " px wide");
      List<String> small = chrome.smallTapTargets();
      assertTrue(small.isEmpty(), page + ": tap targets under 44 px: " + small);
      shot(("page" + page.replace('/', '-').replace(".html", "")) + "-360");
      desktop();
      assertTrue(chrome.pageWidth() <= 1280, page + " at 1280");
      shot(("page" + page.replace('/', '-').replace(".html", "")) + "-1280");
      phone();
    }
  }

  @Test
  void anAdminListsAddsAndRemovesUsersAndAnOperatorIsNotShownThePage() throws Exception {
    logIn("admin");
    browser.findElement(By.id("nav-users")).click();
    await("the users", Duration.ofSeconds(5), () -> shown("list-card") && text("users").contains("operator"));
    browser.findElement(By.id("name")).sendKeys("canbo-moi");
    browser.findElement(By.cssSelector("#role option[value=officer]")).click();
    browser.findElement(By.id("password")).sendKeys("ngan");
    browser.findElement(By.id("submit")).click();
    await("the refusal at the password field", Duration.ofSeconds(5), () -> !text("password-error").isEmpty());
    browser.findElement(By.id("password")).sendKeys("-mat-khau-du-dai");
    browser.findElement(By.id("submit")).click();
    await("the new user listed", Duration.ofSeconds(5), () -> text("users").contains("canbo-moi"));
    assertTrue(station.station.accounts().all().stream().anyMatch(a -> a.name().equals("canbo-moi")));
    shot("users-1280");
    By remove = By.cssSelector("button[data-user='canbo-moi']");
    browser.findElement(remove).click();
    await("asked to tap again", Duration.ofSeconds(3), () -> "yes".equals(browser.findElement(remove).getAttribute("data-armed")));
    browser.findElement(remove).click();
    await("the user gone", Duration.ofSeconds(5), () -> !text("users").contains("canbo-moi"));
    assertFalse(station.station.accounts().all().stream().anyMatch(a -> a.name().equals("canbo-moi")));

    browser.manage().deleteAllCookies();
    logIn("operator");
    assertFalse(shown("nav-users"), "only an admin is offered the users page");
    browser.get(station.base() + "/ui/users.html");
    await("the refusal", Duration.ofSeconds(5), () -> shown("refused"));
  }
}
