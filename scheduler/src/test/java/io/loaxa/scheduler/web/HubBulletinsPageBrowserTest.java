package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.config.HubConfig;
import io.loaxa.scheduler.uplink.CommandVerifier;
import io.loaxa.scheduler.uplink.HubCommands;
import io.loaxa.scheduler.uplink.HubSigner;
import io.loaxa.testkit.Integration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The "Tin từ tỉnh" page in Debian's Chromium, headless: two bulletins the hub pushed and the station
 * held; an operator reaches the page from the nav, is asked for a reason before rejecting one, accepts
 * the other, and the station's hub commands say rejected and accepted; laid out for a 360-px phone;
 * an officer has no link to it.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubBulletinsPageBrowserTest {
  private Chromium chrome;
  private ChromeDriver browser;
  private WebUiStation station;
  private HubCommands commands;
  private HubSigner hub;

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
    station = WebUiStation.forBrowser(chrome, "loaxa-hub-page-", "operator", "officer");
    hub = new HubSigner();
    var s = station.station;
    commands = new HubCommands(new HubCommands.Parts(new CommandVerifier(hub.publicKey(), "tan-hung",
        Set.of("ap-1", "ap-2", "ap-3", "ap-4"), station.clock, Optional::empty), s.hubCommands(), s.accounts().audit(),
        s.manualAiring(), s.runner(), () -> { }, station.data.resolve("content"), HubConfig.Bulletins.REVIEW, station.clock,
        TestStations.HCM, "ssl://127.0.0.1:8883", () -> { }));
    station.hubCommands.set(commands);
  }

  @AfterEach
  void stopStation() {
    commands.close();
    station.close();
  }

  private String pushed(long seq, String words) throws Exception {
    Instant now = station.clock.instant();
    commands.receive(hub.envelope(HubSigner.command("tan-hung", seq, "bulletin", now, now.plus(Duration.ofHours(2)),
        "[\"ap-1\"]", "\"text\":\"" + words + "\"")));
    assertTrue(commands.idle(5000));
    return commands.held().stream().filter(h -> h.command().text().orElse("").equals(words)).findFirst().orElseThrow()
        .command().id();
  }

  @Test
  void anOperatorRejectsOneHeldBulletinWithAReasonAndAcceptsTheOther() throws Exception {
    String lich = pushed(1, "Lịch tiêm phòng ngày mai");
    String hop = pushed(2, "Họp dân tối nay");
    chrome.logIn(station.base(), "operator");
    browser.findElement(By.id("nav-hub")).click();
    await("the held bulletins drawn", Duration.ofSeconds(10), () -> chrome.shown("held-card")
        && Boolean.TRUE.equals(chrome.js("return document.querySelectorAll('#held li[data-bulletin]').length === 2")));
    assertTrue(chrome.text("held").contains("Lịch tiêm phòng ngày mai"), chrome.text("held"));

    browser.findElement(By.cssSelector("button[data-reject='" + hop + "']")).click();
    browser.findElement(By.cssSelector("button[data-reject='" + hop + "']")).click();
    await("a reason asked for", Duration.ofSeconds(5), () -> !chrome.text("error-" + hop).isEmpty());
    assertEquals(Optional.of("held"), station.station.hubCommands().stateOf(hop));
    browser.findElement(By.id("reason-" + hop)).sendKeys("Xã đã thông báo rồi");
    browser.findElement(By.cssSelector("button[data-reject='" + hop + "']")).click();
    await("rejected", Duration.ofSeconds(5), () -> chrome.shown("done"));
    assertEquals(Optional.of("rejected"), station.station.hubCommands().stateOf(hop));

    chrome.phone();
    browser.navigate().refresh();
    await("one left", Duration.ofSeconds(10),
        () -> Boolean.TRUE.equals(chrome.js("return document.querySelectorAll('#held li[data-bulletin]').length === 1")));
    assertTrue(chrome.pageWidth() <= 360, "the page is " + chrome.pageWidth() + " px wide: " + chrome.beyond(360));
    assertEquals(List.of(), chrome.smallTapTargets());
    chrome.shot("hub-360");
    browser.findElement(By.cssSelector("button[data-accept='" + lich + "']")).click();
    await("accepted", Duration.ofSeconds(5), () -> chrome.shown("none"));
    assertEquals(Optional.of("accepted"), station.station.hubCommands().stateOf(lich));
    assertTrue(station.station.hubCommands().ruleOf(lich).isPresent(), "planned");
  }

  @Test
  void anOfficerHasNoLinkToThePage() throws Exception {
    chrome.logIn(station.base(), "officer");
    assertTrue(browser.findElements(By.id("nav-hub")).isEmpty());
    browser.get(station.base() + "/ui/hub.html");
    await("refused", Duration.ofSeconds(10), () -> chrome.shown("refused"));
  }
}
