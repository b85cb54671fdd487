package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.loaxa.scheduler.web.Chromium.await;

import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The content page in Debian's Chromium, headless, against the test station on loopback: a phone's
 * recording uploaded through the file input, refused when it is not audio, played and deleted; a
 * speech text seen as it will be spoken, heard and saved; the approval flow; a 360-px phone screen
 * and the English switch.
 */
@Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiContentBrowserTest {
  private Chromium chrome;
  private ChromeDriver browser;
  private Path files;
  private WebUiStation station;
  private Path data;

  @BeforeAll
  void openBrowser() throws Exception {
    chrome = Chromium.open(List.of("espeak-ng", "sox"), "--autoplay-policy=no-user-gesture-required");
    browser = chrome.browser;
    files = Files.createTempDirectory("loaxa-phone-");
  }

  @AfterAll
  void closeBrowser() {
    if (chrome != null) {
      chrome.close();
    }
    if (files != null) {
      Chromium.delete(files);
    }
  }

  @BeforeEach
  void clean() throws Exception {
    data = Files.createTempDirectory("loaxa-webui-content-");
  }

  private void open(boolean approval) throws Exception {
    station = new WebUiStation(data, approval, "admin", "operator", "officer", "approver");
    chrome.loggedOut(station.base());
  }

  @AfterEach
  void stopStation() {
    if (station != null) {
      station.close();
      station = null;
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Object js(String script, Object... args) {
    return chrome.js(script, args);
  }

  private void screen(int width, int height, boolean mobile) {
    chrome.screen(width, height, mobile);
  }

  private String text(String id) {
    return chrome.text(id);
  }

  private boolean shown(String id) {
    return chrome.shown(id);
  }

  /** The text of the listed item {@code name} (a recording, or texts/NAME.txt), or null when not listed. */
  private String item(String name) {
    Object t = js("const e = document.querySelector('li[data-name=\"' + arguments[0] + '\"]'); return e ? e.textContent : null;",
        name);
    return t == null ? null : t.toString();
  }

  private String approvalOf(String name) {
    return String.valueOf(js("const e = document.querySelector('li[data-name=\"' + arguments[0] + '\"] .approval');"
        + " return e ? e.dataset.approval : 'none';", name));
  }

  private void click(String name, String button) {
    browser.findElement(By.cssSelector("li[data-name='" + name + "'] button." + button)).click();
  }

  private void logIn(String name) throws InterruptedException {
    browser.manage().deleteAllCookies();
    chrome.logIn(station.base(), name);
  }

  private void contentPage() throws InterruptedException {
    browser.get(station.base() + "/ui/content.html");
    await("the content page drawn", Duration.ofSeconds(5), () -> Boolean.TRUE.equals(js(
        "return document.readyState === 'complete' && document.querySelectorAll('#bar button').length > 0")));
  }

  /** A phone's recording: {@code seconds} of a 440 Hz tone, 44.1 kHz mono 16-bit WAV made by sox. */
  private Path recording(String name, int seconds) throws Exception {
    Path wav = files.resolve(name);
    Process p = new ProcessBuilder("sox", "-n", "-r", "44100", "-c", "1", "-b", "16", wav.toString(), "synth",
        String.valueOf(seconds), "sine", "440", "vol", "0.3").redirectErrorStream(true).start();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "sox ran");
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    return wav;
  }

  private void upload(Path file) {
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("send")).click();
  }

  private void shot(String name) throws Exception {
    chrome.shot(name);
  }

  private Path contentFolder() {
    return data.resolve(station.station.config().contentDir());
  }

  // ---- the content page ------------------------------------------------------------------------

  @Test
  void aRecordingFromThePhoneIsListedWithItsLengthPlaysInThePageAndIsDeletedAfterASecondTap() throws Exception {
    open(false);
    logIn("operator");
    browser.findElement(By.id("nav-content")).click();
    await("the upload form", Duration.ofSeconds(5), () -> shown("upload-card"));
    Map<String, Object> load = chrome.firstLoad();
    System.out.printf("web UI: the content page's first load: %s bytes in %s files, interactive after %s ms%n",
        load.get("bytes"), load.get("files"), load.get("interactive"));
    assertTrue(((Number) load.get("bytes")).longValue() < 150_000, "first load under 150 KB: " + load);
    assertEquals("audio/*", browser.findElement(By.id("file")).getAttribute("accept"));
    assertTrue(text("m4a").contains("M4A/AAC") && text("m4a").contains("ffmpeg"), text("m4a"));
    upload(recording("ban-tin-sang.wav", 3));
    await("listed", Duration.ofSeconds(10), () -> item("ban-tin-sang.wav") != null);
    String listed = item("ban-tin-sang.wav");
    assertTrue(listed.contains("0:03"), "its length: " + listed);
    assertTrue(listed.contains("LUFS") && listed.contains("operator"), listed);
    assertTrue(text("done").contains("Đã tải lên ban-tin-sang.wav"), text("done"));
    assertTrue(Files.isRegularFile(contentFolder().resolve("ban-tin-sang.wav")));

    click("ban-tin-sang.wav", "play");
    await("the recording loaded in the page's player", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(js(
        "const a = document.querySelector('li[data-name=\"ban-tin-sang.wav\"] audio');"
        + " return !!a && a.readyState >= 1 && Math.abs(a.duration - 3) < 0.1")));
    shot("content-uploaded-1280");

    Path notAudio = files.resolve("bai-hat.mp3");
    Files.writeString(notAudio, "đây là một tệp chữ, không phải bản ghi âm\n");
    upload(notAudio);
    await("the refusal", Duration.ofSeconds(10), () -> !text("upload-error").isEmpty());
    assertTrue(text("upload-error").contains("không phải bản ghi WAV, MP3, Ogg hay FLAC"), text("upload-error"));
    assertFalse(text("upload-error").contains("Exception"), text("upload-error"));
    assertEquals(null, item("bai-hat.mp3"));
    assertFalse(Files.exists(contentFolder().resolve("bai-hat.mp3")));

    // the schedule plays it: the station refuses to delete it and the page says why
    Map<String, Object> put = chrome.fetchFromPage("PUT", "/api/schedule", "application/yaml",
        "version: 1\nprogrammes:\n  - { key: tin-sang, title: \"Bản tin sáng\", segments: [ { file: ban-tin-sang.wav } ] }\n"
        + "airings:\n  - { key: sang, programme: tin-sang, zones: all, at: \"06:00\", days: [MO] }\n",
        "If-Match", ScheduleRoutes.NO_SCHEDULE);
    assertEquals(200L, ((Number) put.get("status")).longValue(), String.valueOf(put.get("body")));
    click("ban-tin-sang.wav", "delete");
    click("ban-tin-sang.wav", "delete");
    await("the reason it stays", Duration.ofSeconds(5), () -> !text("list-error").isEmpty());
    assertTrue(text("list-error").contains("đang được lịch phát dùng") && text("list-error").contains("tin-sang"),
        text("list-error"));
    assertTrue(Files.exists(contentFolder().resolve("ban-tin-sang.wav")), "kept while the schedule uses it");
    String version = String.valueOf(put.get("body")).replaceAll("(?s).*\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    Map<String, Object> cleared = chrome.fetchFromPage("PUT", "/api/schedule/programmes/tin-sang", "application/json",
        "{\"title\":\"Bản tin sáng\",\"segments\":[{\"gap\":\"PT1S\"}]}", "If-Match", version);
    assertEquals(200L, ((Number) cleared.get("status")).longValue(), String.valueOf(cleared.get("body")));

    click("ban-tin-sang.wav", "delete");
    await("asked to tap again", Duration.ofSeconds(3), () -> "yes".equals(browser.findElement(
        By.cssSelector("li[data-name='ban-tin-sang.wav'] button.delete")).getAttribute("data-armed")));
    assertTrue(item("ban-tin-sang.wav").contains("Bấm lần nữa để xóa"));
    assertTrue(Files.exists(contentFolder().resolve("ban-tin-sang.wav")), "not deleted on the first tap");
    click("ban-tin-sang.wav", "delete");
    await("gone from the list", Duration.ofSeconds(5), () -> item("ban-tin-sang.wav") == null);
    assertFalse(Files.exists(contentFolder().resolve("ban-tin-sang.wav")));
    assertTrue(shown("recordings-none"));
  }

  @Test
  void aSpeechTextShowsItsNumbersAsSpokenWordsPlaysItsRenderedWavAndIsSaved() throws Exception {
    open(false);
    logIn("operator");
    contentPage();
    await("the text form", Duration.ofSeconds(5), () -> shown("text-form"));
    browser.findElement(By.id("text-name")).sendKeys("hop-dan");
    browser.findElement(By.id("text-body")).sendKeys("Mời bà con dự họp lúc 14 giờ tại nhà văn hóa ấp 3.");
    browser.findElement(By.id("preview")).click();
    await("the words as spoken", Duration.ofSeconds(10), () -> shown("spoken-box") && !text("spoken").isEmpty());
    String spoken = text("spoken");
    assertTrue(spoken.contains("mười bốn"), spoken);
    assertFalse(spoken.contains("14"), spoken);

    browser.findElement(By.id("listen")).click();
    await("a WAV in the audio element", Duration.ofSeconds(30), () -> Boolean.TRUE.equals(js(
        "const a = document.getElementById('text-audio');"
        + " return a.dataset.type === 'audio/wav' && a.src.startsWith('blob:') && a.readyState >= 1 && a.duration > 1")));
    double seconds = ((Number) js("return document.getElementById('text-audio').duration")).doubleValue();
    System.out.printf("web UI: the speech preview's WAV plays %.2f s in the page%n", seconds);
    assertTrue(seconds > 1 && seconds < 20, seconds + " s");
    shot("content-speech-1280");

    browser.findElement(By.id("save")).click();
    await("the text listed", Duration.ofSeconds(5), () -> item("texts/hop-dan.txt") != null);
    assertEquals("Mời bà con dự họp lúc 14 giờ tại nhà văn hóa ấp 3.",
        Files.readString(contentFolder().resolve("texts/hop-dan.txt")));
    browser.navigate().refresh();
    await("listed after a reload", Duration.ofSeconds(5), () -> item("texts/hop-dan.txt") != null);
    click("texts/hop-dan.txt", "open");
    await("opened for editing", Duration.ofSeconds(5), () -> "hop-dan".equals(js("return document.getElementById('text-name').value")));
    assertTrue(String.valueOf(js("return document.getElementById('text-body').value")).contains("14 giờ"));
  }

  @Test
  void withApprovalOnAnOperatorsUploadWaitsUntilTheApproverApprovesItAndAnOfficerIsNotOfferedThePage() throws Exception {
    open(true);
    logIn("operator");
    contentPage();
    await("told approval is on", Duration.ofSeconds(5), () -> shown("approval-state"));
    assertEquals("on", js("return document.getElementById('approval-state').dataset.approval"));
    assertTrue(text("approval-state").contains("Đài đang bật duyệt tin"), text("approval-state"));
    browser.get(station.base() + "/ui/emergency.html");
    await("the emergency form", Duration.ofSeconds(5), () -> shown("compose"));
    await("told an emergency does not wait", Duration.ofSeconds(5), () -> shown("approval-state"));
    assertTrue(text("approval-state").contains("bản tin khẩn phát ngay"), text("approval-state"));
    contentPage();
    upload(recording("tin-xa.wav", 2));
    await("listed as waiting", Duration.ofSeconds(10), () -> "pending".equals(approvalOf("tin-xa.wav")));
    assertTrue(item("tin-xa.wav").contains("Chờ duyệt"), item("tin-xa.wav"));
    assertTrue(text("done").contains("chờ người duyệt"), text("done"));
    assertEquals(0L, js("return document.querySelectorAll('button.approve').length"), "an operator does not approve");
    upload(recording("tin-khac.wav", 1));
    await("the second listed", Duration.ofSeconds(10), () -> "pending".equals(approvalOf("tin-khac.wav")));

    logIn("approver");
    assertTrue(shown("nav-content"), "the approver is offered the content page");
    browser.findElement(By.id("nav-content")).click();
    await("the waiting recording", Duration.ofSeconds(5), () -> "pending".equals(approvalOf("tin-xa.wav")));
    assertFalse(shown("upload-card"), "an approver does not upload");
    shot("content-approver-1280");
    click("tin-xa.wav", "approve");
    await("approved", Duration.ofSeconds(5), () -> "approved".equals(approvalOf("tin-xa.wav")));
    assertTrue(item("tin-xa.wav").contains("Đã duyệt · approver"), item("tin-xa.wav"));
    click("tin-khac.wav", "reject");
    await("asked for the reason", Duration.ofSeconds(3), () -> item("tin-khac.wav").contains("Ghi lý do"));
    browser.findElement(By.cssSelector("li[data-name='tin-khac.wav'] input.reason")).sendKeys("tiếng ồn quá lớn");
    click("tin-khac.wav", "reject");
    await("rejected with its reason", Duration.ofSeconds(5), () -> "rejected".equals(approvalOf("tin-khac.wav")));
    assertTrue(item("tin-khac.wav").contains("tiếng ồn quá lớn"), item("tin-khac.wav"));
    assertEquals("approved", station.station.contentLibrary().find("tin-xa.wav").orElseThrow().approval().key());
    assertEquals("rejected", station.station.contentLibrary().find("tin-khac.wav").orElseThrow().approval().key());

    logIn("officer");
    assertFalse(shown("nav-content"), "no content link for an officer");
  }

  @Test
  void onA360PixelPhoneNothingScrollsSidewaysEveryTapTargetIsAtLeast44PixelsAndEnglishSwitches() throws Exception {
    open(true);
    logIn("admin");
    screen(360, 740, true);
    contentPage();
    upload(recording("nhac-hieu.wav", 1));
    await("listed", Duration.ofSeconds(10), () -> item("nhac-hieu.wav") != null);
    browser.findElement(By.id("text-name")).sendKeys("thong-bao");
    browser.findElement(By.id("text-body")).sendKeys("Ngày 8/12 tiêm phòng cho trẻ em tại trạm y tế xã.");
    browser.findElement(By.id("preview")).click();
    await("the words as spoken", Duration.ofSeconds(10), () -> shown("spoken-box"));
    click("nhac-hieu.wav", "play");
    assertEquals(360L, js("return window.innerWidth"));
    assertTrue(chrome.pageWidth() <= 360, "the page is " + chrome.pageWidth() + " px wide");
    List<String> small = chrome.smallTapTargets();
    assertTrue(small.isEmpty(), "tap targets under 44 px: " + small);
    shot("page-content-360");

    assertEquals("Nội dung", text("nav-content"));
    browser.findElement(By.id("lang")).click();
    await("English labels", Duration.ofSeconds(3), () -> text("nav-content").equals("Content"));
    assertTrue(text("m4a").contains("not accepted yet"), text("m4a"));
    assertTrue(item("nhac-hieu.wav").contains("Length"), item("nhac-hieu.wav"));
    assertEquals("Upload", text("send"));
    browser.findElement(By.id("lang")).click();
    await("Vietnamese again", Duration.ofSeconds(3), () -> text("send").equals("Tải lên"));
    screen(1280, 800, false);
    assertTrue(chrome.pageWidth() <= 1280);
    shot("page-content-1280");
  }
}
