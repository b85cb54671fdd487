package io.loaxa.scheduler.web;

import io.loaxa.testkit.Tools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The office PC's or the phone's browser in the browser tests: Debian's Chromium, headless, driven
 * through its chromedriver, with its own throw-away profile. It knows the station's login page and
 * the checks every page gets (what the operator reads, the phone's width, tap targets, the first
 * load's bytes); screenshots land in {@code target/screenshots}.
 */
final class Chromium implements AutoCloseable {
  static final String BINARY = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  static final String PASSWORD = ApiRig.PASSWORD;
  /** What a finger taps on a phone: buttons, links, choices and fields (not the tick boxes inside a label). */
  static final String TAP_TARGETS =
      "button, a.button, #bar a, label.choice, select, input:not([type=checkbox]):not([type=radio])";

  final ChromeDriver browser;
  private final Path profile;
  private final Path shots;
  private Optional<Path> downloads = Optional.empty();

  private Chromium(ChromeDriver browser, Path profile) throws IOException {
    this.browser = browser;
    this.profile = profile;
    this.shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
  }

  /**
   * Starts the browser at 1280×800 in Vietnamese; skips the test (fails it under CI) when Chromium,
   * its driver or one of {@code tools} is missing.
   *
   * @param arguments Chromium switches beyond the usual headless ones
   */
  static Chromium open(List<String> tools, String... arguments) throws IOException {
    List<String> needed = new ArrayList<>(List.of(BINARY, DRIVER));
    needed.addAll(tools);
    Tools.require(needed.toArray(String[]::new));
    Path profile = Files.createTempDirectory("loaxa-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=vi");
    options.addArguments(arguments);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return new Chromium(browser, profile);
  }

  static Chromium open(String... tools) throws IOException {
    return open(List.of(tools));
  }

  /** Files the pages download land in a folder of their own from now on; returns it. */
  Path downloadsTo() throws IOException {
    if (downloads.isEmpty()) {
      Path dir = Files.createTempDirectory("loaxa-downloads-");
      browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
          "downloadPath", dir.toAbsolutePath().toString()));
      downloads = Optional.of(dir);
    }
    return downloads.get();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  Object asyncJs(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
  }

  void screen(int width, int height, boolean mobile) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** A 360-px phone held upright. */
  void phone() {
    screen(360, 740, true);
  }

  /** The office PC. */
  void desktop() {
    screen(1280, 800, false);
  }

  /** Waits for {@code check}, looking every 20 ms; returns how long it took. */
  static Duration await(String what, Duration within, Supplier<Boolean> check) throws InterruptedException {
    long start = System.nanoTime();
    long until = start + within.toNanos();
    while (true) {
      Boolean ok;
      try {
        ok = check.get();
      } catch (RuntimeException e) {
        ok = false;
      }
      if (Boolean.TRUE.equals(ok)) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The text the element {@code id} shows, or "null" when the page has no such element. */
  String text(String id) {
    return String.valueOf(js("const e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id));
  }

  /** Whether the element {@code id} is on the page and drawn. */
  boolean shown(String id) {
    return Boolean.TRUE.equals(js("const e = document.getElementById(arguments[0]);"
        + " return !!e && !e.hidden && e.getClientRects().length > 0;", id));
  }

  void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  /** Starts on a clean slate: the office PC's screen, no cookies, nothing remembered (the language). */
  void loggedOut(String base) {
    desktop();
    browser.get(base + "/ui/login.html");
    browser.manage().deleteAllCookies();
    js("localStorage.clear()");
  }

  /** Logs {@code name} in on the login page and waits to leave it. */
  void logIn(String base, String name) throws InterruptedException {
    browser.get(base + "/ui/login.html");
    fillLogin(name);
  }

  /** Logs in on the login page the browser shows now (after a redirect to it, say). */
  void fillLogin(String name) throws InterruptedException {
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("submit")).click();
    await("the landing page after login", Duration.ofSeconds(10), () -> !browser.getCurrentUrl().contains("login"));
    await("the page's header drawn", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(js(
        "return document.readyState === 'complete' && !!document.getElementById('logout')")));
  }

  /** Saves what the screen shows now as {@code target/screenshots/NAME.png}; returns the file. */
  Path shot(String name) throws IOException {
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path to = shots.resolve(name + ".png");
    Files.copy(png, to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /** How wide the page is drawn, in CSS pixels: wider than the screen means it scrolls sideways. */
  int pageWidth() {
    return ((Number) js("return document.documentElement.scrollWidth")).intValue();
  }

  /** The elements that reach beyond {@code width} px: what makes a page scroll sideways, for a failure's message. */
  @SuppressWarnings("unchecked")
  List<String> beyond(int width) {
    return (List<String>) js("const out = []; document.querySelectorAll('body *').forEach(e => {"
        + " const r = e.getBoundingClientRect(); if (r.width > 0 && r.right > arguments[0] + 0.5)"
        + " out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')"
        + " + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }); return out.slice(0, 12);", width);
  }

  /** The tap targets on the page less than 44 px high, each as its id (or class, or label) and height. */
  @SuppressWarnings("unchecked")
  List<String> smallTapTargets(String selector) {
    return (List<String>) js("const out = []; document.querySelectorAll(arguments[0])"
        + ".forEach(b => { const r = b.getBoundingClientRect();"
        + " if (r.width > 0 && r.height < 44) out.push((b.id || b.className || b.textContent.trim()) + ' ' + r.height); });"
        + " return out;", selector);
  }

  List<String> smallTapTargets() {
    return smallTapTargets(TAP_TARGETS);
  }

  /**
   * The page's first load: every file it used but the API's answers, fetched again uncached, as
   * {@code bytes}, {@code files}, {@code interactive} and {@code complete} (ms after navigation).
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> firstLoad() {
    return (Map<String, Object>) asyncJs(
        "const done = arguments[arguments.length - 1]; const n = performance.getEntriesByType('navigation')[0];"
        + " const urls = [location.href].concat(performance.getEntriesByType('resource')"
        + ".filter(r => r.initiatorType !== 'fetch' && r.initiatorType !== 'xmlhttprequest' && !r.name.includes('/api/'))"
        + ".map(r => r.name));"
        + " Promise.all(urls.map(u => fetch(u, {cache: 'no-store'}).then(r => r.arrayBuffer()).then(b => b.byteLength)))"
        + ".then(sizes => done({bytes: sizes.reduce((a, b) => a + b, 0), files: urls.length,"
        + " interactive: Math.round(n.domInteractive), complete: Math.round(n.loadEventEnd)}));");
  }

  /** Calls the API from inside the page, with its session and CSRF token, as the page's own scripts do. */
  @SuppressWarnings("unchecked")
  Map<String, Object> fetchFromPage(String method, String path, String contentType, String body, String... headers) {
    return (Map<String, Object>) asyncJs("const done = arguments[arguments.length - 1];"
        + " const h = {'Content-Type': arguments[2]}; const extra = arguments[4];"
        + " for (let i = 0; i + 1 < extra.length; i += 2) h[extra[i]] = extra[i + 1];"
        + " import('/ui/common.js').then(c => { h['X-CSRF-Token'] = c.csrfToken();"
        + " return fetch(arguments[1], {method: arguments[0], body: arguments[3], headers: h}); })"
        + ".then(r => r.text().then(b => done({status: r.status, body: b})));",
        method, path, contentType, body, List.of(headers));
  }

  @Override
  public void close() {
    browser.quit();
    for (Optional<Path> dir : List.of(Optional.of(profile), downloads)) {
      dir.ifPresent(Chromium::delete);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
