package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PulseAudioSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo station's daemon in its own JVM on a data folder an earlier start set up, its class loading
 * logged: idle, it has not loaded the web stack (Javalin, Jetty, Jackson); the first request loads it
 * and is answered.
 */
@Integration
class IdleDaemonWebStackTest {
  private static final List<String> WEB_STACK = List.of("io.javalin.", "org.eclipse.jetty.", "com.fasterxml.jackson.");

  @TempDir
  Path dir;

  @Test
  void anIdleStationHasNotLoadedTheWebStackAndTheFirstRequestIsAnswered() throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = dir.resolve("data");
    Path log = dir.resolve("daemon.log");
    Path classes = dir.resolve("classes.log");
    // a first start migrates and seeds the data folder (Flyway, which reads its settings with Jackson);
    // every start after it is the one a station makes after a power cut, and the one looked at here
    Process first = LoaxaProcess.daemon(dir.resolve("first.log"), "--data", data.toString()).start();
    try {
      waitFor(dir.resolve("first.log"), "ready in", 60);
    } finally {
      first.destroy();
      assertTrue(first.waitFor(15, TimeUnit.SECONDS), "the first start stops");
    }
    Process daemon = LoaxaProcess.daemon(log, List.of("-Xlog:class+load=info:file=" + classes), "--data", data.toString())
        .start();
    try {
      waitFor(log, "ready in", 60);
      Thread.sleep(1_000); // what a station does after ready, before anyone connects, counts too
      List<String> idle = webStack(classes);
      assertTrue(idle.isEmpty(), "loaded while idle: " + idle.subList(0, Math.min(20, idle.size())));

      ControlFile control = ControlFile.running(data).orElseThrow();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port()
          + "/api/status")).header("Authorization", "Bearer " + control.token()).timeout(Duration.ofSeconds(30)).GET()
          .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, status.statusCode(), status.body());
      assertTrue(!new ObjectMapper().readTree(status.body()).path("station").asText().isBlank(), status.body());
      assertTrue(status.body().contains("\"zone\":\"ap-1\""), "the demo station's hamlets: " + status.body());

      List<String> after = webStack(classes);
      for (String library : WEB_STACK) {
        assertTrue(after.stream().anyMatch(l -> l.contains(" " + library)), library + " loaded for the first request");
      }
    } finally {
      daemon.destroy();
      if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
  }

  private static List<String> webStack(Path classes) throws Exception {
    return Files.readAllLines(classes, StandardCharsets.UTF_8).stream()
        .filter(l -> WEB_STACK.stream().anyMatch(p -> l.contains(" " + p))).toList();
  }

  private static void waitFor(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(l -> l.contains(text))) {
        return;
      }
      Thread.sleep(50); // polling another process's output
    }
    throw new AssertionError("'" + text + "' not seen within " + seconds + " s in:\n"
        + String.join("\n", Files.readAllLines(log, StandardCharsets.UTF_8)));
  }
}
