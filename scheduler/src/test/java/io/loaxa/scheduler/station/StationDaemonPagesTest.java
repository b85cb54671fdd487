package io.loaxa.scheduler.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.web.ControlFile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as {@code loaxa run} starts it serves the pages, the live feed and the emergency choices. */
class StationDaemonPagesTest {
  @TempDir
  Path data;

  @Test
  void theRunningDaemonServesThePagesTheirFeedAndTheEmergencyChoices() throws Exception {
    try (StationDaemon daemon = StationDaemon.assemble(TestStations.config(Duration.ZERO), data)) {
      daemon.start();
      ControlFile control = ControlFile.running(data).orElseThrow();
      String base = "http://127.0.0.1:" + control.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> js = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/common.js")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, js.statusCode());
      assertEquals(302, http.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode(), "no session: to the login page");
      String bearer = "Bearer " + control.token();
      HttpResponse<String> choices = http.send(HttpRequest.newBuilder(URI.create(base + "/api/emergency/choices"))
          .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, choices.statusCode(), choices.body());
      assertTrue(choices.body().contains("Ấp 4"), choices.body());
      HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
          .header("Authorization", bearer).header("Accept", "text/event-stream").GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, events.statusCode());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
        String first = in.readLine();
        assertEquals("event: status", first);
        String status = in.readLine();
        assertTrue(status.startsWith("data:") && status.contains("\"zones\"") && status.contains("\"health\""), status);
      }
    }
  }
}
