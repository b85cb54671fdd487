package io.loaxa.hub.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.hub.Command;
import io.loaxa.hub.Push;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.StationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The hub's own JSON: the command it signs, the envelope around it, and the small lists it keeps in {@code jsonb}. */
public final class HubJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HubJson() {}

  /** The command JSON of the protocol, as the bytes that get signed. */
  public static byte[] command(Command.Draft d, long seq) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", 1);
    o.put("id", d.id());
    o.put("seq", seq);
    o.put("station", d.station().value());
    o.put("issuedAt", d.issuedAt().toString());
    o.put("expiresAt", d.expiresAt().toString());
    o.put("type", d.type().wire());
    o.put("priority", d.priority());
    o.put("title", d.title());
    o.put("category", d.category());
    ArrayNode zones = o.putArray("zones");
    d.zones().forEach(zones::add);
    o.put("text", d.text());
    putInstant(o, "at", d.at().orElse(null));
    if (d.repeatEveryMinutes().isPresent()) {
      o.put("repeatEveryMinutes", d.repeatEveryMinutes().get());
    } else {
      o.putNull("repeatEveryMinutes");
    }
    putInstant(o, "until", d.until().orElse(null));
    if (d.cancels().isPresent()) {
      o.put("cancels", d.cancels().get());
    } else {
      o.putNull("cancels");
    }
    return write(o).getBytes(StandardCharsets.UTF_8);
  }

  private static void putInstant(ObjectNode o, String key, Instant at) {
    if (at == null) {
      o.putNull(key);
    } else {
      o.put(key, at.toString());
    }
  }

  /** A filed ack: {@code {"v":1,"seqs":[…],"at":"…"}}, the seqs in the order given. */
  public static byte[] filed(List<Long> seqs, Instant at) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", 1);
    ArrayNode a = o.putArray("seqs");
    seqs.forEach(a::add);
    o.put("at", at.toString());
    return write(o).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code {"payload": base64, "sig": base64}}. */
  public static String envelope(byte[] payload, byte[] signature) {
    ObjectNode o = JSON.createObjectNode();
    o.put("payload", Base64.getEncoder().encodeToString(payload));
    o.put("sig", Base64.getEncoder().encodeToString(signature));
    return write(o);
  }

  /** The two parts of an envelope, decoded; empty parts when it is not one. */
  public record Envelope(byte[] payload, byte[] sig) {}

  public static Envelope readEnvelope(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return new Envelope(Base64.getDecoder().decode(n.path("payload").asText("")),
          Base64.getDecoder().decode(n.path("sig").asText("")));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return new Envelope(new byte[0], new byte[0]);
    }
  }

  /** A command's JSON read back into a tree of plain maps (the API shows it, tests check it). */
  public static java.util.Map<String, Object> tree(byte[] json) {
    try {
      return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
  }

  public static String zones(List<StationMessage.Zone> zones) {
    ArrayNode a = JSON.createArrayNode();
    for (StationMessage.Zone z : zones) {
      a.addObject().put("key", z.key()).put("name", z.name());
    }
    return write(a);
  }

  public static List<StationMessage.Zone> readZones(String json) {
    List<StationMessage.Zone> out = new ArrayList<>();
    for (JsonNode z : read(json)) {
      out.add(new StationMessage.Zone(z.path("key").asText(), z.path("name").asText()));
    }
    return out;
  }

  public static String texts(List<String> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(a::add);
    return write(a);
  }

  public static List<String> readTexts(String json) {
    List<String> out = new ArrayList<>();
    read(json).forEach(n -> out.add(n.asText()));
    return out;
  }

  public static String targets(Push.Targets t) {
    ObjectNode o = JSON.createObjectNode();
    o.put("all", t.all());
    ArrayNode communes = o.putArray("communes");
    t.communes().forEach(communes::add);
    ArrayNode hamlets = o.putArray("hamlets");
    t.hamlets().forEach(h -> hamlets.addObject().put("station", h.station().value()).put("zone", h.zone()));
    return write(o);
  }

  public static Push.Targets readTargets(String json) {
    JsonNode n = read(json);
    List<String> communes = new ArrayList<>();
    n.path("communes").forEach(c -> communes.add(c.asText()));
    List<Push.Hamlet> hamlets = new ArrayList<>();
    n.path("hamlets").forEach(h -> hamlets.add(new Push.Hamlet(new StationKey(h.path("station").asText()), h.path("zone").asText())));
    return new Push.Targets(n.path("all").asBoolean(), communes, hamlets);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  private static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a push request: {@code {"type", "priority", "title", "category", "text", "to": {"all": true} |
   * {"communes": [...]} | {"hamlets": [{"station", "zone"}]}, "at", "repeatEveryMinutes", "until", "expiresInMinutes"}}.
   *
   * @throws io.loaxa.scheduler.UserError naming the field at fault
   */
  public static io.loaxa.hub.push.PushRequest readPush(byte[] body) {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new io.loaxa.scheduler.UserError("nội dung không phải JSON (the body is not JSON)");
    }
    if (n == null || !n.isObject()) {
      throw new io.loaxa.scheduler.UserError("nội dung phải là một đối tượng JSON (the body must be a JSON object)");
    }
    java.util.Set<String> known = java.util.Set.of("type", "priority", "title", "category", "text", "to", "at",
        "repeatEveryMinutes", "until", "expiresInMinutes");
    n.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw new io.loaxa.scheduler.UserError("trường '" + f + "' không có (unknown field '" + f + "')");
      }
    });
    String type = n.path("type").asText("");
    Command.Type t = switch (type) {
      case "emergency" -> Command.Type.EMERGENCY;
      case "bulletin" -> Command.Type.BULLETIN;
      default -> throw new io.loaxa.scheduler.UserError("type là 'emergency' hoặc 'bulletin' (type is emergency or bulletin)");
    };
    JsonNode to = n.path("to");
    List<String> communes = new ArrayList<>();
    to.path("communes").forEach(c -> communes.add(c.asText()));
    List<Push.Hamlet> hamlets = new ArrayList<>();
    for (JsonNode h : to.path("hamlets")) {
      String station = h.path("station").asText("");
      if (!StationKey.valid(station)) {
        throw new io.loaxa.scheduler.UserError("mã đài '" + station + "' sai dạng (station key: a-z 0-9 -)");
      }
      hamlets.add(new Push.Hamlet(new StationKey(station), h.path("zone").asText("")));
    }
    java.util.Optional<Integer> repeat = n.hasNonNull("repeatEveryMinutes")
        ? java.util.Optional.of(n.get("repeatEveryMinutes").asInt()) : java.util.Optional.empty();
    if (repeat.isPresent() && (repeat.get() < 5 || repeat.get() > 24 * 60)) {
      throw new io.loaxa.scheduler.UserError("repeatEveryMinutes từ 5 đến 1440 (repeat every 5 to 1440 minutes)");
    }
    java.util.Optional<java.time.Duration> life = n.hasNonNull("expiresInMinutes")
        ? java.util.Optional.of(java.time.Duration.ofMinutes(n.get("expiresInMinutes").asLong())) : java.util.Optional.empty();
    return new io.loaxa.hub.push.PushRequest(t, n.path("priority").asText("NORMAL"), n.path("title").asText(""),
        n.path("category").asText(""), n.path("text").asText(""),
        new Push.Targets(to.path("all").asBoolean(false), communes, hamlets), instant(n, "at"), repeat,
        instant(n, "until"), life);
  }

  private static java.util.Optional<Instant> instant(JsonNode n, String key) {
    if (!n.hasNonNull(key)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.OffsetDateTime.parse(n.get(key).asText()).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      throw new io.loaxa.scheduler.UserError("'" + key + "' phải là thời điểm ISO-8601, ví dụ 2026-12-07T08:30:00+07:00 ("
          + key + " must be an ISO-8601 instant)");
    }
  }
}
