package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.scheduler.UserError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to the daemon running on a data folder over its API's loopback connector, with the local
 * admin credential from the control file, for commands that must not fight it for the hardware.
 */
public final class DaemonClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ControlFile control;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private DaemonClient(ControlFile control) {
    this.control = control;
  }

  /** A client for the daemon on this data folder, when one runs. */
  public static Optional<DaemonClient> forRunning(Path dataDir) {
    return ControlFile.running(dataDir).map(DaemonClient::new);
  }

  public long pid() {
    return control.pid();
  }

  /** POSTs a JSON object; returns the daemon's JSON answer. @throws UserError when the daemon refuses the request */
  public JsonNode post(String path, Map<String, String> body, Duration timeout) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET());
  }

  private JsonNode send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(builder.header("Authorization", "Bearer " + control.token()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException("the daemon answered " + response.statusCode() + " with no JSON: " + response.body(), e);
    }
    if (response.statusCode() == 400) {
      throw new UserError(body.path("error").asText(response.body()));
    }
    if (response.statusCode() != 200) {
      throw new IOException("the daemon answered " + response.statusCode() + ": " + body.path("error").asText(response.body()));
    }
    return body;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + control.port() + path);
  }
}
