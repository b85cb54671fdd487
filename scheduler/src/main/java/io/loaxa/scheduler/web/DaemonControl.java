package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.StationControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** {@link StationControl} through the daemon running on a data folder, over its API on loopback. */
public final class DaemonControl implements StationControl {
  private final DaemonClient client;

  private DaemonControl(DaemonClient client) {
    this.client = client;
  }

  /** The control of the daemon on this data folder, when one runs. */
  public static Optional<StationControl> forRunning(Path dataDir) {
    return DaemonClient.forRunning(dataDir).map(DaemonControl::new);
  }

  @Override
  public OptionalLong daemonPid() {
    return OptionalLong.of(client.pid());
  }

  @Override
  public String zonesStatus() throws IOException, InterruptedException {
    return client.get("/api/zones/status").path("text").asText();
  }

  @Override
  public String zonesOn(List<String> zones) throws IOException, InterruptedException {
    return client.post("/api/zones", Map.of("action", "on", "zones", String.join(",", zones)), Duration.ofMinutes(2)).path("text").asText();
  }

  @Override
  public String zonesOff(List<String> zones) throws IOException, InterruptedException {
    return client.post("/api/zones", Map.of("action", "off", "zones", String.join(",", zones)), Duration.ofMinutes(2)).path("text").asText();
  }

  @Override
  public String allOff() throws IOException, InterruptedException {
    return client.post("/api/zones", Map.of("action", "all-off"), Duration.ofMinutes(2)).path("text").asText();
  }

  @Override
  public String air(AirRequest request, Consumer<String> progress) throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    request.file().ifPresent(f -> form.put("file", f));
    request.programme().ifPresent(p -> form.put("programme", p));
    request.text().ifPresent(t -> form.put("text", t));
    form.put("zones", request.zones());
    form.put("priority", request.priority());
    request.at().ifPresent(t -> form.put("at", t));
    request.rebroadcast().ifPresent(u -> form.put("rebroadcast", u));
    request.length().ifPresent(l -> form.put("length", l));
    request.every().ifPresent(e -> form.put("every", e));
    request.count().ifPresent(c -> form.put("count", c));
    request.until().ifPresent(u -> form.put("until", u));
    JsonNode reply = client.post("/api/air", form, Duration.ofHours(4));
    String repeats = reply.path("progress").asText("");
    if (!repeats.isEmpty()) {
      progress.accept(repeats);
    }
    return reply.path("key").asText() + " " + reply.path("outcome").asText();
  }

  @Override
  public String cancel(String rule) throws IOException, InterruptedException {
    return client.post("/api/air/cancel", Map.of("rule", rule), Duration.ofSeconds(30)).path("text").asText().trim();
  }
}
