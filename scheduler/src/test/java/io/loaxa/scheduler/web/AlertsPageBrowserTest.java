package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * The alert settings page in Debian's Chromium, headless, against the test station whose e-mail
 * alerts go to a local SMTP server: an admin reaches it from the nav, sees the channels without the
 * password, is told under the field that a phone number is wrong (nothing saved), adds a recipient
 * and the next alert goes to them, sends a test and reads each channel's result; the page in English
 * and on a 360-px phone; an operator has no link to it and is refused.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsPageBrowserTest {
  private Chromium chrome;
  private ChromeDriver browser;
  private AlertStation alerting;
  private Path data;
  private Path dir;

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
    data = Files.createTempDirectory("loaxa-alerts-page-");
    dir = Files.createTempDirectory("loaxa-alerts-smtp-");
    alerting = new AlertStation(data, dir, "admin", "operator");
    chrome.loggedOut(alerting.station.base());
  }

  @AfterEach
  void stopStation() throws Exception {
    if (alerting != null) {
      alerting.close();
    }
    Chromium.delete(data);
    Chromium.delete(dir);
  }

  private WebElement field(int recipient, String name) {
    return browser.findElement(By.id("r" + recipient + "-" + name));
  }

  @Test
  void anAdminAddsARecipientAfterARefusedPhoneNumberAndTheNextAlertGoesToThem() throws Exception {
    WebUiStation station = alerting.station;
    chrome.logIn(station.base(), "admin");
    browser.findElement(By.id("nav-alerts")).click();
    await("the settings drawn", Duration.ofSeconds(10), () -> chrome.shown("settings-card"));
    assertTrue(chrome.text("email").contains("127.0.0.1") && chrome.text("email").contains("dai@xathu.vn"),
        chrome.text("email"));
    assertTrue(chrome.shown("pw-inline"), "the inline password is pointed out");
    assertFalse(browser.getPageSource().contains(AlertStation.SMTP_PASSWORD), "never the password");
    assertTrue(chrome.text("sms").contains(alerting.modemPort.toString()), chrome.text("sms"));
    assertEquals("lan@xathu.vn", field(0, "email").getAttribute("value"));
    assertEquals("config", chrome.js("return document.getElementById('source').dataset.source"));

    chrome.click("add");
    field(1, "name").sendKeys("Anh Tâm");
    field(1, "phone").sendKeys("0123 456");
    browser.findElement(By.cssSelector("#recipient-1 input[data-kind='*']")).click();
    browser.findElement(By.cssSelector("#recipient-1 input[data-kind='board-offline']")).click();
    chrome.click("save");
    await("the phone refused under its field", Duration.ofSeconds(5),
        () -> !chrome.text("err-recipients-1-phone").isEmpty());
    assertTrue(chrome.text("err-recipients-1-phone").contains("không phải số di động Việt Nam"),
        chrome.text("err-recipients-1-phone"));
    assertTrue(station.station.alertSettings().saved().isEmpty(), "nothing saved");

    field(1, "phone").clear();
    field(1, "email").sendKeys("tam@xathu.vn");
    browser.findElement(By.id("repeat")).clear();
    browser.findElement(By.id("repeat")).sendKeys("30");
    chrome.click("save");
    await("saved", Duration.ofSeconds(5), () -> chrome.shown("done"));
    assertEquals("page", chrome.js("return document.getElementById('source').dataset.source"));
    assertTrue(chrome.text("source").contains("admin"), chrome.text("source"));
    assertEquals(Optional.of(Duration.ofMinutes(30)), station.station.alerts().repeat());

    station.station.incidents().observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", station.clock.instant(),
        "bảng rơ-le tu-chinh không trả lời");
    station.station.alerts().tick(station.clock.instant());
    List<String> mails = alerting.mails();
    assertEquals(2, mails.size(), mails.toString());
    assertTrue(mails.stream().anyMatch(m -> m.contains("\"to\": [\"tam@xathu.vn\"]")), "the added recipient: " + mails);
    assertTrue(mails.stream().anyMatch(m -> m.contains("\"to\": [\"lan@xathu.vn\"]")), mails.toString());

    browser.navigate().refresh();
    await("the last alerts drawn", Duration.ofSeconds(10), () -> chrome.shown("last-card"));
    assertEquals(2L, chrome.js("return document.querySelectorAll('#last tr[data-outcome=sent]').length"),
        chrome.text("last"));

    chrome.click("test");
    await("each channel's result", Duration.ofSeconds(20),
        () -> Boolean.TRUE.equals(chrome.js("return document.querySelectorAll('#test-results li').length === 2")));
    assertEquals("true", chrome.js("return document.querySelector('#test-results li[data-channel=email]').dataset.sent"));
    assertEquals("false", chrome.js("return document.querySelector('#test-results li[data-channel=sms]').dataset.sent"));
    assertTrue(chrome.text("test-results").contains("tam@xathu.vn"), chrome.text("test-results"));
    chrome.shot("alerts-1280");
    // an admin's header holds every link: the emergency button stays on the first row of an office PC's screen
    assertEquals(Boolean.TRUE, chrome.js("const first = document.querySelector('.nav a').getBoundingClientRect().top;"
        + " return document.getElementById('nav-emergency').getBoundingClientRect().top === first"
        + " && window.innerWidth <= 1280"), "KHẨN CẤP on the header's first row at " + chrome.js("return window.innerWidth"));

    chrome.click("lang");
    await("the page in English", Duration.ofSeconds(5), () -> chrome.text("last-card").contains("Recent alerts"));
    assertTrue(chrome.text("settings-card").contains("Who is told"), chrome.text("settings-card"));
    assertEquals("tam@xathu.vn", field(1, "email").getAttribute("value"), "the form kept through the switch");
    chrome.click("lang");

    chrome.phone();
    browser.navigate().refresh();
    await("the settings drawn on the phone", Duration.ofSeconds(10), () -> chrome.shown("settings-card"));
    assertTrue(chrome.pageWidth() <= 360, "the page is " + chrome.pageWidth() + " px wide: " + chrome.beyond(360));
    assertEquals(List.of(), chrome.smallTapTargets());
    chrome.shot("alerts-360");
  }

  @Test
  void anOperatorHasNoLinkToThePageAndIsRefusedIt() throws Exception {
    WebUiStation station = alerting.station;
    chrome.logIn(station.base(), "operator");
    assertTrue(browser.findElements(By.id("nav-alerts")).isEmpty(), "no link for an operator");
    browser.get(station.base() + "/ui/alerts.html");
    await("refused", Duration.ofSeconds(10), () -> chrome.shown("refused"));
    assertFalse(chrome.shown("settings-card"));
  }
}
