package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.testkit.Integration;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page of the web UI on the test station, as an admin sees it with a week's programme and a
 * hamlet's line on, at a 360-px phone's width and at 1280 px: PNGs in {@code target/screenshots/pages}
 * (and in {@code loaxa.screenshots.dir} when set, e.g. {@code docs/screenshots}). Not part of the
 * build's tests; run it with
 * {@code mvn -B -q -o -pl scheduler -am verify -Dtest=EveryPageScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Integration
class EveryPageScreenshots {
  private static final String SCHEDULE = """
      version: 1
      programmes:
        - { key: thoi-su, title: "Tiếp âm thời sự VOV1", segments: [ { gap: PT30M } ] }
        - { key: tin, title: "Bản tin xã", segments: [ { gap: PT1S } ] }
        - { key: pctt, title: "Phòng chống thiên tai", priority: PRIORITY, segments: [ { gap: PT1S } ] }
      airings:
        - { key: thoi-su-sang, programme: thoi-su, zones: all, at: "06:00", days: [MO, TU, WE, TH, FR, SA] }
        - { key: ban-tin, programme: tin, zones: [ap-1, ap-2], at: "17:30", days: [MO, WE, FR] }
        - { key: bao-lu, programme: pctt, zones: [ap-1, ap-3], at: "11:00", days: [TU, SA] }
      """;
  private static final List<String> PAGES = List.of("login", "onair", "emergency", "week", "content", "log", "station",
      "audit", "users");

  @Test
  void everyPageAtAPhonesWidthAndAtTheOfficePcs() throws Exception {
    Path data = Files.createTempDirectory("loaxa-shots-");
    Path out = Path.of("target", "screenshots", "pages");
    Files.createDirectories(out);
    Path also = Path.of(System.getProperty("loaxa.screenshots.dir", out.toString())).toAbsolutePath();
    Files.createDirectories(also);
    try (Chromium chrome = Chromium.open(); WebUiStation station = new WebUiStation(data, "admin", "operator")) {
      ApiClient client = new ApiClient(() -> station.port);
      HttpResponse<String> put = client.send(ApiClient.request("PUT", "/api/schedule", SCHEDULE, "application/yaml")
          .as(client.login("admin")).ifMatch(ScheduleRoutes.NO_SCHEDULE));
      assertEquals(200, put.statusCode(), put.body());
      station.station.switchboard().zonesOn(List.of("ap-2"));
      for (String size : List.of("360", "1280")) {
        chrome.loggedOut(station.base());
        if (size.equals("360")) {
          chrome.phone();
        }
        for (String page : PAGES) {
          if (page.equals("login")) {
            chrome.browser.get(station.base() + "/ui/login.html");
          } else {
            if (chrome.browser.getCurrentUrl().contains("login")) {
              chrome.fillLogin("admin");
            }
            chrome.browser.get(station.base() + (page.equals("onair") ? "/" : "/ui/" + page + ".html"));
          }
          await(page + " drawn", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(chrome.js(
              "return document.readyState === 'complete' && document.querySelectorAll('#bar button').length > 0")));
          Thread.sleep(1500); // the page's first answers from the API drawn
          Path shot = chrome.shot("pages/" + page + "-" + size);
          if (!also.equals(out.toAbsolutePath())) {
            Files.copy(shot, also.resolve(page + "-" + size + ".png"), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      station.station.zoneControl().allOff();
    } finally {
      Chromium.delete(data);
    }
  }
}
