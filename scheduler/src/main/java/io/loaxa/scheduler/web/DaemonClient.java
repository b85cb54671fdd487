package io.loaxa.scheduler.web;

import io.loaxa.scheduler.UserError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Talks to the daemon running on a data folder, for commands that must not fight it for the hardware. */
public final class DaemonClient {
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

  /** POSTs a form; returns the daemon's answer. @throws UserError when the daemon rejects the request */
  public String post(String path, Map<String, String> form, Duration timeout) throws IOException, InterruptedException {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET());
  }

  private String send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(builder.header(ControlServer.TOKEN_HEADER, control.token()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() == 400) {
      throw new UserError(response.body());
    }
    if (response.statusCode() != 200) {
      throw new IOException("the daemon answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + control.port() + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
