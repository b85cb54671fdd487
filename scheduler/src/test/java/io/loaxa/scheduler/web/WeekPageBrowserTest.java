package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.testkit.Integration;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The week's programme page in Debian's Chromium, headless, against the test station on loopback:
 * the planned airings of this week in a grid of days and hours coloured by priority, an operator
 * moving a weekday bulletin to another time, other hamlets and other days through the schedule API,
 * a change made meanwhile by someone else refused in Vietnamese, an officer who may look but not
 * edit, and the list of days on a 360-px phone; weekly, monthly CCHC and one-off entries added,
 * entries deleted after a confirmation, one day moved or skipped from its cell, a problem the station
 * finds shown at its field with the overlapping airings outlined, and this month's CCHC airing.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeekPageBrowserTest {
  private static final String SCHEDULE = """
      version: 1
      programmes:
        - { key: tin, title: "Bản tin xã", segments: [ { gap: PT1S } ] }
        - { key: pctt, title: "Phòng chống thiên tai", priority: PRIORITY, segments: [ { gap: PT1S } ] }
        - { key: cchc, title: "Cải cách hành chính", category: cchc, segments: [ { gap: PT1S } ] }
      airings:
        - { key: sang, programme: tin, zones: all, at: "06:00", days: [MO, TU, WE, TH, FR] }
        - { key: bao-lu, programme: pctt, zones: [ap-1, ap-3], at: "17:30", days: [SA] }
      """;

  private Chromium chrome;
  private ChromeDriver browser;
  private WebUiStation station;
  private ApiClient client;
  private LocalDate monday;

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
  void stationWithAWeeklySchedule() throws Exception {
    station = WebUiStation.forBrowser(chrome, "loaxa-week-", "admin", "operator", "officer");
    client = station.client();
    ApiClient.Login admin = client.login("admin");
    HttpResponse<String> put = client.send(ApiClient.request("PUT", "/api/schedule", SCHEDULE, "application/yaml").as(admin)
        .ifMatch(ScheduleRoutes.NO_SCHEDULE));
    assertEquals(200, put.statusCode(), put.body());
    LocalDate today = LocalDate.ofInstant(station.clock.instant(), station.station.config().timeZone());
    monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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

  /** Opens the week from the header's link; returns how long from the tap until the week was drawn. */
  private Duration openWeekAs(String name) throws InterruptedException {
    chrome.logIn(station.base(), name);
    browser.findElement(By.id("nav-week")).click();
    return await("the week drawn", Duration.ofSeconds(10), () -> chrome.shown("week-card"));
  }

  /** The airings the grid shows, as "DATE TIME rule priority zones", in order. */
  @SuppressWarnings("unchecked")
  private List<String> inGrid() {
    return (List<String>) js("return [...document.querySelectorAll('#grid button.airing')].map(b => b.dataset.day + ' '"
        + " + b.dataset.time + ' ' + b.dataset.rule + ' ' + b.dataset.priority + ' ' + b.dataset.zones)"
        + ".sort();");
  }

  private String day(int plus) {
    return monday.plusDays(plus).toString();
  }

  private WebElement airing(String where, String rule, int plusDays) {
    return browser.findElement(By.cssSelector(where + " button.airing[data-rule='" + rule + "'][data-day='" + day(plusDays) + "']"));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(station.clock.instant(), station.station.config().timeZone());
  }

  private String version() throws Exception {
    return ApiClient.json(client.get("/api/schedule", client.login("officer"))).path("version").asText();
  }

  private void openAdder() throws InterruptedException {
    browser.findElement(By.id("wk-add")).sendKeys(Keys.ENTER);
    await("the form to add", Duration.ofSeconds(10), () -> chrome.shown("add-form"));
  }

  /** Picks the option {@code value} of the list {@code id}, as a tap on it would. */
  private void choose(String id, String value) {
    assertEquals(Boolean.TRUE, js("const s = document.getElementById(arguments[0]);"
        + " if (![...s.options].some(o => o.value === arguments[1])) return false;"
        + " s.value = arguments[1]; s.dispatchEvent(new Event('change')); return true;", id, value), id + " offers " + value);
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
  }

  private JsonNode storedRule(String key) throws Exception {
    return ApiClient.json(client.get("/api/schedule/rules/" + key, client.login("officer")));
  }

  // ---- the page --------------------------------------------------------------------------------

  @Test
  void anOperatorSeesTheWeekByPriorityAndMovesTheBulletinToAnotherTimeHamletsAndDaysWithTheKeyboard() throws Exception {
    openWeekAs("operator");
    List<String> expected = new java.util.ArrayList<>();
    for (int d = 0; d < 5; d++) {
      expected.add(day(d) + " 06:00 sang NORMAL all");
    }
    expected.add(day(5) + " 17:30 bao-lu PRIORITY ap-1,ap-3");
    assertEquals(expected.stream().sorted().toList(), inGrid());
    assertTrue(chrome.text("wk-count").startsWith("6 lượt phát"), chrome.text("wk-count"));
    Object cell = js("const b = document.querySelector('#grid button.airing[data-rule=\"bao-lu\"]');"
        + " return b.parentElement.dataset.day + ' ' + b.parentElement.dataset.hour;");
    assertEquals(day(5) + " 17", cell, "Saturday's row of 17:00");
    String normal = String.valueOf(js("return getComputedStyle(arguments[0]).backgroundColor", airing("#grid", "sang", 0)));
    String priority = String.valueOf(js("return getComputedStyle(arguments[0]).backgroundColor", airing("#grid", "bao-lu", 5)));
    assertNotEquals(normal, priority, "coloured by priority");
    assertFalse(chrome.shown("days"), "the day list is for phones");
    chrome.shot("week-1280");

    assertEquals("Tất cả các ấp", js("const s = document.getElementById('wk-zone');"
        + " return s.selectedIndex < 0 ? null : s.options[s.selectedIndex].textContent"), "every hamlet, chosen and said");
    // the filter by hamlet: ap-2 hears the bulletin, not the flood warning
    Object ok = js("const s = document.getElementById('wk-zone'); s.value = 'zone:ap-2';"
        + " s.dispatchEvent(new Event('change')); return true;");
    assertEquals(Boolean.TRUE, ok);
    await("only ap-2's airings", Duration.ofSeconds(10), () -> inGrid().size() == 5);
    js("const s = document.getElementById('wk-zone'); s.value = ''; s.dispatchEvent(new Event('change'));");

    WebElement wednesday = airing("#grid", "sang", 2);
    wednesday.sendKeys(Keys.ENTER);
    await("the editor", Duration.ofSeconds(10), () -> chrome.shown("edit-form"));
    assertEquals("edit-at", js("return document.activeElement.id"), "the time field takes the keyboard");
    assertEquals("06:00", js("return document.getElementById('edit-at').value"));
    assertEquals("Bản tin xã", chrome.text("edit-title"));
    WebElement at = browser.findElement(By.id("edit-at"));
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "25:99", Keys.ENTER);
    await("the bad time refused at the field", Duration.ofSeconds(10), () -> chrome.text("edit-at-error").contains("HH:MM"));
    assertEquals("06:00", storedRule("sang").path("at").asText(), "nothing stored");
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "06:30");
    browser.findElement(By.id("edit-zone-ap-4")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("edit-day-FR")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("edit-day-SA")).sendKeys(Keys.SPACE);
    chrome.shot("week-edit-1280");
    at.sendKeys(Keys.ENTER);
    await("saved", Duration.ofSeconds(10), () -> chrome.shown("done") && chrome.text("done").contains("Đã lưu sang"));

    JsonNode rule = storedRule("sang");
    assertEquals("06:30", rule.path("at").asText());
    assertEquals("[\"ap-1\",\"ap-2\",\"ap-3\"]", rule.path("zones").toString());
    assertEquals("[\"MO\",\"TU\",\"WE\",\"TH\",\"SA\"]", rule.path("days").toString());
    List<String> replanned = new java.util.ArrayList<>();
    for (int d : new int[] {0, 1, 2, 3, 5}) {
      replanned.add(day(d) + " 06:30 sang NORMAL ap-1,ap-2,ap-3");
    }
    replanned.add(day(5) + " 17:30 bao-lu PRIORITY ap-1,ap-3");
    await("the grid shows the week planned again", Duration.ofSeconds(10),
        () -> inGrid().equals(replanned.stream().sorted().toList()));
    List<AuditEntry> audit = station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(5));
    assertTrue(audit.stream().anyMatch(e -> e.who().equals("operator") && e.action().equals("schedule.rule.edit sang")
        && e.allowed()), audit.toString());
  }

  @Test
  void anOperatorAddsAWeeklyBulletinWithTheKeyboardAndAOneOffFromAGridCellAndSeesBothInTheWeekAtOnce() throws Exception {
    Duration drawn = openWeekAs("operator");
    Map<String, Object> load = chrome.firstLoad();
    System.out.println("week page first load: " + load + ", from the tap on the link to the week drawn: " + drawn.toMillis() + " ms");
    assertTrue(drawn.compareTo(Duration.ofSeconds(3)) < 0, "the week drawn in " + drawn);
    openAdder();
    assertEquals("add-kind-weekly", js("return document.activeElement.id"), "the kind takes the keyboard");
    choose("add-programme", "tin");
    type("add-key", "toi");
    type("add-at", "19:30");
    browser.findElement(By.id("add-zone-all")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-zone-ap-1")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-zone-ap-2")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-day-TU")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-day-TH")).sendKeys(Keys.SPACE);
    chrome.shot("week-add-1280");
    browser.findElement(By.id("add-at")).sendKeys(Keys.ENTER);
    await("added", Duration.ofSeconds(10), () -> chrome.text("done").contains("Đã thêm toi"));
    await("the new bulletin in the grid", Duration.ofSeconds(10), () -> inGrid().contains(day(1) + " 19:30 toi NORMAL ap-1,ap-2")
        && inGrid().contains(day(3) + " 19:30 toi NORMAL ap-1,ap-2"));
    assertEquals(8, inGrid().size(), inGrid().toString());
    JsonNode rule = storedRule("toi");
    assertEquals("[\"TU\",\"TH\"]", rule.path("days").toString());
    assertEquals("[\"ap-1\",\"ap-2\"]", rule.path("zones").toString());
    assertFalse(chrome.shown("adder"));

    // a one-off on Friday, started from the empty 19:00 cell of that day
    js("document.querySelector('#grid .cell[data-day=\"' + arguments[0] + '\"][data-hour=\"19\"]').click()", day(4));
    await("the form to add, for a one-off", Duration.ofSeconds(10), () -> chrome.shown("add-once-part"));
    assertEquals(Boolean.TRUE, js("return document.getElementById('add-kind-once').checked"));
    assertEquals(day(4), js("return document.getElementById('add-on').value"));
    assertEquals("19:00", js("return document.getElementById('add-at').value"));
    assertFalse(chrome.shown("add-days"), "a one-off has no weekdays");
    choose("add-programme", "pctt");
    type("add-key", "hop-dan");
    browser.findElement(By.id("add-save")).click();
    await("the one-off in the grid", Duration.ofSeconds(10), () -> inGrid().contains(day(4) + " 19:00 hop-dan PRIORITY all"));
    JsonNode oneOff = ApiClient.json(client.get("/api/schedule/one-offs/hop-dan", client.login("officer")));
    assertEquals(day(4), oneOff.path("on").asText());
    List<AuditEntry> audit = station.station.accounts().audit().between(Instant.EPOCH, Instant.now().plusSeconds(5));
    assertTrue(audit.stream().anyMatch(e -> e.who().equals("operator") && e.action().equals("schedule.one-off.add hop-dan")),
        audit.toString());
  }

  @Test
  void aMonthlyCchcEntryWithItsTopicsGoesInAndThePanelSaysWhetherThisMonthsAiredAndWhere() throws Exception {
    openWeekAs("operator");
    await("the CCHC panel", Duration.ofSeconds(10), () -> chrome.shown("cchc-card"));
    assertTrue(chrome.text("cchc-list").contains("chưa có chuyên mục CCHC"), chrome.text("cchc-list"));
    LocalDate today = today();
    int nth = (today.getDayOfMonth() - 1) / 7;
    String which = nth < 4 ? List.of("first", "second", "third", "fourth").get(nth) : "last";
    String weekday = today.getDayOfWeek().name().substring(0, 2);
    openAdder();
    browser.findElement(By.id("add-kind-monthly")).sendKeys(Keys.SPACE);
    await("the monthly part", Duration.ofSeconds(10), () -> chrome.shown("add-monthly-part"));
    assertEquals("cchc", js("return document.getElementById('add-programme').value"), "the CCHC programme chosen");
    assertFalse(chrome.shown("add-days"));
    choose("add-month-which", which);
    choose("add-month-day", weekday);
    type("add-key", "cchc-thang");
    type("add-at", "19:00");
    type("add-topics", "thu-tuc");
    browser.findElement(By.id("add-save")).click();
    await("two topics asked for at the field", Duration.ofSeconds(10), () -> chrome.text("add-topics-error").contains("hai chủ đề"));
    type("add-topics", "thu-tuc, dat-dai");
    browser.findElement(By.id("add-save")).click();
    await("added", Duration.ofSeconds(10), () -> chrome.text("done").contains("Đã thêm cchc-thang"));
    JsonNode rule = storedRule("cchc-thang");
    assertEquals(which + " " + weekday, rule.path("monthly").asText());
    assertEquals("true", rule.path("rotateTopics").asText());
    assertEquals("[\"thu-tuc\",\"dat-dai\"]", rule.path("topics").toString());
    assertEquals("all", rule.path("zones").asText());
    await("this month's CCHC in the grid", Duration.ofSeconds(10), () -> inGrid().contains(today + " 19:00 cchc-thang NORMAL all"));
    String panel = "#cchc-list section.cchc-rule[data-rule='cchc-thang']";
    await("the panel: not aired yet", Duration.ofSeconds(10), () -> "false".equals(js(
        "const e = document.querySelector(arguments[0] + ' .cchc-status'); return e ? e.dataset.aired : null", panel)));
    String text = String.valueOf(js("return document.querySelector(arguments[0]).textContent", panel));
    assertTrue(text.contains("Tháng này chưa phát") && text.contains(today.toString().substring(8, 10) + "/"
        + today.toString().substring(5, 7) + " 19:00"), text);
    chrome.shot("week-cchc-1280");

    // it aired, reaching three hamlets of four: the panel says so after a reload
    LocalDateTime at = today.atTime(19, 0);
    Instant when = at.atZone(station.station.config().timeZone()).toInstant();
    station.station.log().record(new RunStart(PlannedAiringKey.of("cchc-thang", at), "cchc", "Cải cách hành chính", "cchc",
        "NORMAL", Trigger.SCHEDULED, when, List.of("ap-1", "ap-2", "ap-3", "ap-4"), "gap"),
        new RunEnd(Optional.of(when), when.plusSeconds(1), List.of("ap-1", "ap-2", "ap-3"), List.of(), List.of("ap-4"),
            Outcome.PARTIAL, "board silent"));
    browser.navigate().refresh();
    await("the panel: aired", Duration.ofSeconds(10), () -> "true".equals(js(
        "const e = document.querySelector(arguments[0] + ' .cchc-status'); return e ? e.dataset.aired : null", panel)));
    assertTrue(String.valueOf(js("return document.querySelector(arguments[0] + ' .cchc-reached').textContent", panel))
        .contains("Ấp 1, Ấp 2, Ấp 3"));
    assertTrue(String.valueOf(js("return document.querySelector(arguments[0] + ' .cchc-not-reached').textContent", panel))
        .contains("Ấp 4"));
  }

  @Test
  void anEntryIsDeletedOnlyAfterTheOperatorConfirmsAndIsThenGoneFromTheGridAndTheSchedule() throws Exception {
    openWeekAs("operator");
    airing("#grid", "sang", 0).click();
    await("the editor", Duration.ofSeconds(10), () -> chrome.shown("edit-delete"));
    browser.findElement(By.id("edit-delete")).click();
    await("asked first", Duration.ofSeconds(10), () -> chrome.shown("delete-confirm"));
    assertTrue(chrome.text("delete-ask").contains("sang"), chrome.text("delete-ask"));
    assertEquals("delete-no", js("return document.activeElement.id"), "the safe answer takes the keyboard");
    browser.findElement(By.id("delete-no")).sendKeys(Keys.ENTER);
    await("not deleted", Duration.ofSeconds(10), () -> !chrome.shown("delete-confirm"));
    assertEquals("06:00", storedRule("sang").path("at").asText());
    browser.findElement(By.id("edit-delete")).click();
    await("asked again", Duration.ofSeconds(10), () -> chrome.shown("delete-yes"));
    browser.findElement(By.id("delete-yes")).click();
    await("deleted", Duration.ofSeconds(10), () -> chrome.text("done").contains("Đã xóa sang"));
    await("gone from the grid", Duration.ofSeconds(10), () -> inGrid().equals(List.of(day(5) + " 17:30 bao-lu PRIORITY ap-1,ap-3")));
    assertEquals(404, client.get("/api/schedule/rules/sang", client.login("officer")).statusCode());
  }

  @Test
  void oneDayOfTheBulletinIsMovedAndAnotherSkippedFromItsCellAndBothCanBeUndone() throws Exception {
    openWeekAs("operator");
    airing("#grid", "sang", 2).click();
    await("the day's part", Duration.ofSeconds(10), () -> chrome.shown("edit-day"));
    type("day-at", "7:15");
    browser.findElement(By.id("day-move")).click();
    await("a bad time refused at the field", Duration.ofSeconds(10), () -> chrome.text("day-at-error").contains("HH:MM"));
    type("day-at", "07:15");
    browser.findElement(By.id("day-move")).click();
    await("Wednesday moved in the grid", Duration.ofSeconds(10), () -> inGrid().contains(day(2) + " 07:15 sang NORMAL all"));
    assertFalse(inGrid().contains(day(2) + " 06:00 sang NORMAL all"));
    assertEquals("07:15", storedRule("sang").path("overrides").get(0).path("at").asText());

    airing("#grid", "sang", 3).click();
    await("the day's part", Duration.ofSeconds(10), () -> chrome.shown("day-skip"));
    browser.findElement(By.id("day-skip")).click();
    await("Thursday skipped", Duration.ofSeconds(10), () -> inGrid().stream().noneMatch(a -> a.startsWith(day(3) + " ")));
    assertEquals("[\"" + day(3) + "\"]", storedRule("sang").path("except").toString());

    airing("#grid", "sang", 2).click();
    await("the moved day", Duration.ofSeconds(10), () -> chrome.shown("day-undo"));
    assertTrue(chrome.shown("edit-day-moved"));
    browser.findElement(By.cssSelector("#day-skipped button[data-unskip='" + day(3) + "']")).click();
    await("Thursday back", Duration.ofSeconds(10), () -> inGrid().contains(day(3) + " 06:00 sang NORMAL all"));
    airing("#grid", "sang", 2).click();
    await("the moved day", Duration.ofSeconds(10), () -> chrome.shown("day-undo"));
    browser.findElement(By.id("day-undo")).click();
    await("Wednesday back at 06:00", Duration.ofSeconds(10), () -> inGrid().contains(day(2) + " 06:00 sang NORMAL all"));
    JsonNode rule = storedRule("sang");
    assertTrue(rule.path("overrides").isMissingNode() && rule.path("except").isMissingNode(), rule.toString());
  }

  @Test
  void aChangeTheStationStoresWithAWarningShowsTheWarningAboveTheWeek() throws Exception {
    // the flood warning keeps off the station's own days off, whose list for the coming year is not written yet
    ApiClient.Login admin = client.login("admin");
    HttpResponse<String> put = client.send(ApiClient.request("PUT", "/api/schedule", SCHEDULE.replace("airings:",
        "holidays:\n  nghi-cu: [\"2020-01-01\"]\nairings:").replace("days: [SA] }", "days: [SA], except: [nghi-cu] }"),
        "application/yaml").as(admin).ifMatch(version()));
    assertEquals(200, put.statusCode(), put.body());
    openWeekAs("operator");
    assertFalse(chrome.shown("warnings"));
    openAdder();
    choose("add-programme", "tin");
    type("add-key", "toi");
    type("add-at", "19:30");
    browser.findElement(By.id("add-day-SU")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-save")).click();
    await("added, with the warning shown", Duration.ofSeconds(10), () -> chrome.shown("warnings")
        && chrome.text("warning-list").contains("ngày nghỉ nghi-cu"));
    assertTrue(chrome.text("warning-list").contains("(holiday nghi-cu"), chrome.text("warning-list"));
    assertTrue(chrome.text("warnings").contains("cần xem lại"), chrome.text("warnings"));
    // the warning shows from the save's answer; the grid is drawn again from the re-planned week after it
    await("the re-planned week drawn", Duration.ofSeconds(10), () -> inGrid().contains(day(6) + " 19:30 toi NORMAL all"));
  }

  @Test
  void anOverlapTheStationFindsIsShownAtTheTimeFieldWithTheOtherAiringsOutlinedAndNothingChanges() throws Exception {
    openWeekAs("operator");
    String before = version();
    openAdder();
    choose("add-programme", "tin");
    type("add-key", "Trùng Giờ");
    type("add-at", "06:00");
    browser.findElement(By.id("add-day-MO")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("add-save")).click();
    await("the key refused at its field", Duration.ofSeconds(10), () -> chrome.text("add-key-error").contains("chữ thường"));
    type("add-key", "trung-gio");
    browser.findElement(By.id("add-save")).click();
    await("the overlap at the time field", Duration.ofSeconds(10),
        () -> chrome.text("add-at-error").contains("trùng giờ với buổi phát 'sang'"));
    assertTrue(chrome.text("add-at-error").contains("(overlaps airing 'sang'"), chrome.text("add-at-error"));
    assertTrue(chrome.text("add-error").contains("Trùng giờ"), chrome.text("add-error"));
    assertEquals("add-at", js("return document.activeElement.id"), "the field to change takes the keyboard");
    assertEquals(Boolean.TRUE, js("return [...document.querySelectorAll('#grid button.airing[data-rule=\"sang\"]')]"
        + ".every(b => b.classList.contains('conflict'))"));
    assertEquals(Boolean.FALSE, js("return document.querySelector('#grid button.airing[data-rule=\"bao-lu\"]')"
        + ".classList.contains('conflict')"));
    chrome.shot("week-overlap-1280");
    assertEquals(before, version(), "nothing stored");
    assertEquals(404, client.get("/api/schedule/rules/trung-gio", client.login("officer")).statusCode());
    // meanwhile the admin changes the schedule from another office PC: the stale version is said plainly
    ApiClient.Login admin = client.login("admin");
    HttpResponse<String> moved = client.send(ApiClient.request("PUT", "/api/schedule/rules/bao-lu",
        "{\"programme\":\"pctt\",\"zones\":[\"ap-1\",\"ap-3\"],\"at\":\"18:00\",\"days\":[\"SA\"]}", "application/json")
        .as(admin).ifMatch(before));
    assertEquals(200, moved.statusCode(), moved.body());
    String theirs = version();
    type("add-at", "06:30");
    browser.findElement(By.id("add-save")).click();
    await("the stale version refused", Duration.ofSeconds(10), () -> chrome.text("add-error").contains("Người khác vừa sửa lịch phát này"));
    assertTrue(chrome.shown("add-reload"));
    assertEquals(theirs, version(), "nothing of ours stored");
    browser.findElement(By.id("add-reload")).click();
    await("their change in the grid", Duration.ofSeconds(10), () -> inGrid().contains(day(5) + " 18:00 bao-lu PRIORITY ap-1,ap-3"));
    assertFalse(chrome.shown("add-reload"));
    browser.findElement(By.id("add-save")).click();
    await("added once it fits", Duration.ofSeconds(10), () -> inGrid().contains(day(0) + " 06:30 trung-gio NORMAL all"));
    assertEquals(Boolean.FALSE, js("return !!document.querySelector('#grid button.airing.conflict')"), "the outline goes");
  }

  @Test
  void aChangeSomeoneElseMadeMeanwhileIsRefusedInVietnameseAndReloadShowsTheirs() throws Exception {
    openWeekAs("operator");
    airing("#grid", "bao-lu", 5).click();
    await("the editor", Duration.ofSeconds(10), () -> chrome.shown("edit-form"));
    // the admin moves the warning to 18:00 meanwhile, from another office PC
    ApiClient.Login admin = client.login("admin");
    HttpResponse<String> current = client.get("/api/schedule", admin);
    String version = ApiClient.json(current).path("version").asText();
    HttpResponse<String> moved = client.send(ApiClient.request("PUT", "/api/schedule/rules/bao-lu",
        "{\"programme\":\"pctt\",\"zones\":[\"ap-1\",\"ap-3\"],\"at\":\"18:00\",\"days\":[\"SA\"]}", "application/json")
        .as(admin).ifMatch(version));
    assertEquals(200, moved.statusCode(), moved.body());

    WebElement at = browser.findElement(By.id("edit-at"));
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "19:00");
    browser.findElement(By.id("edit-save")).click();
    await("the refusal", Duration.ofSeconds(10), () -> chrome.text("edit-error").contains("Người khác vừa sửa lịch phát này"));
    assertTrue(chrome.text("edit-error").contains("chưa có gì thay đổi"), chrome.text("edit-error"));
    assertTrue(chrome.shown("edit-reload"));
    chrome.shot("week-conflict-1280");
    assertEquals("18:00", storedRule("bao-lu").path("at").asText(), "the other change stands");

    browser.findElement(By.id("edit-reload")).click();
    await("the editor shows the other change", Duration.ofSeconds(10),
        () -> "18:00".equals(js("return document.getElementById('edit-at').value")));
    await("the grid shows the other change", Duration.ofSeconds(10),
        () -> inGrid().contains(day(5) + " 18:00 bao-lu PRIORITY ap-1,ap-3"));
    at = browser.findElement(By.id("edit-at"));
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "19:00", Keys.ENTER);
    await("saved on the new version", Duration.ofSeconds(10), () -> chrome.text("done").contains("Đã lưu bao-lu"));
    assertEquals("19:00", storedRule("bao-lu").path("at").asText());
  }

  @Test
  void anOfficerSeesTheWeekButIsNotOfferedTheEditorAndTheStationRefusesTheirChange() throws Exception {
    openWeekAs("officer");
    assertEquals(6, inGrid().size());
    airing("#grid", "sang", 0).click();
    await("the airing's details", Duration.ofSeconds(10), () -> chrome.shown("editor"));
    assertTrue(chrome.shown("edit-readonly"), "told they may only look");
    assertFalse(chrome.shown("edit-form"), "no editor for an officer");
    assertFalse(chrome.shown("wk-add"), "nothing to add for an officer");
    assertFalse(chrome.shown("edit-delete"), "nothing to delete");
    assertFalse(chrome.shown("day-skip"), "no day to move or skip");
    assertTrue(chrome.text("edit-where").contains("Tất cả các ấp"), chrome.text("edit-where"));
    String version = ApiClient.json(client.get("/api/schedule", client.login("officer"))).path("version").asText();
    Map<String, Object> put = chrome.fetchFromPage("PUT", "/api/schedule/rules/sang", "application/json",
        "{\"programme\":\"tin\",\"zones\":\"all\",\"at\":\"04:00\",\"days\":[\"MO\"]}", "If-Match", "\"" + version + "\"");
    assertEquals(403L, ((Number) put.get("status")).longValue(), String.valueOf(put.get("body")));
    Map<String, Object> post = chrome.fetchFromPage("POST", "/api/schedule/rules", "application/json",
        "{\"key\":\"toi\",\"programme\":\"tin\",\"zones\":\"all\",\"at\":\"19:00\",\"days\":[\"MO\"]}", "If-Match",
        "\"" + version + "\"");
    assertEquals(403L, ((Number) post.get("status")).longValue(), String.valueOf(post.get("body")));
    Map<String, Object> delete = chrome.fetchFromPage("DELETE", "/api/schedule/rules/sang", "application/json", "",
        "If-Match", "\"" + version + "\"");
    assertEquals(403L, ((Number) delete.get("status")).longValue(), String.valueOf(delete.get("body")));
    assertEquals("06:00", storedRule("sang").path("at").asText(), "nothing changed");
    assertEquals(version, version());
  }

  @Test
  void onA360PixelPhoneTheWeekIsAListOfDaysWithFingerSizedAiringsAndEnglishDayNames() throws Exception {
    chrome.phone();
    openWeekAs("operator");
    assertFalse(chrome.shown("grid"), "no grid on a phone");
    assertTrue(chrome.shown("days"));
    assertEquals(7L, js("return document.querySelectorAll('#days section.day').length"));
    String monday = String.valueOf(js("return document.querySelector('#days section.day h3').textContent"));
    assertTrue(monday.startsWith("Thứ Hai"), monday);
    assertEquals(6L, js("return document.querySelectorAll('#days button.airing').length"));
    assertTrue(chrome.pageWidth() <= 360, "the page is " + chrome.pageWidth() + " px wide");
    List<String> small = chrome.smallTapTargets();
    assertTrue(small.isEmpty(), "tap targets under 44 px: " + small);
    chrome.shot("week-360");
    airing("#days", "bao-lu", 5).click();
    await("the editor", Duration.ofSeconds(10), () -> chrome.shown("edit-form"));
    assertTrue(chrome.pageWidth() <= 360);
    assertTrue(chrome.smallTapTargets().isEmpty(), chrome.smallTapTargets().toString());
    js("document.getElementById('editor').scrollIntoView()");
    chrome.shot("week-edit-360");
    browser.findElement(By.id("edit-close")).click();
    openAdder();
    for (String kind : List.of("weekly", "monthly", "once")) {
      browser.findElement(By.id("add-kind-" + kind)).click();
      assertTrue(chrome.pageWidth() <= 360, kind + ": " + chrome.beyond(360));
      assertTrue(chrome.smallTapTargets().isEmpty(), kind + ": " + chrome.smallTapTargets());
    }
    js("document.getElementById('adder').scrollIntoView()");
    chrome.shot("week-add-360");
    browser.findElement(By.id("add-close")).click();
    js("document.getElementById('cchc-card').scrollIntoView()");
    assertTrue(chrome.shown("cchc-card"));
    chrome.click("lang");
    await("English day names", Duration.ofSeconds(10), () -> String.valueOf(js(
        "return document.querySelector('#days section.day h3').textContent")).startsWith("Monday"));
    assertEquals("Week", chrome.text("nav-week"));
    assertTrue(chrome.text("wk-count").startsWith("6 airings"), chrome.text("wk-count"));
    assertEquals("Add to the programme", chrome.text("wk-add"));
    assertTrue(chrome.text("cchc-title").startsWith("CCHC segment"), chrome.text("cchc-title"));
    assertTrue(chrome.text("cchc-list").contains("no monthly CCHC entry"), chrome.text("cchc-list"));
  }
}
