package io.loaxa.hub.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.hub.CommandState;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.StationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a station published on {@code loaxa/v1/station/<id>/<kind>}: the topic names the
 * sender and the kind, the body must be a JSON object of at most {@value #MAX_BODY} bytes, {@code v}
 * 1, its {@code station} the topic's, and every field the protocol requires present and well formed.
 */
public final class StationBodies {
  public static final int MAX_BODY = 64 * 1024;
  public static final String PREFIX = "loaxa/v1/station/";
  /** The sender of a message whose topic names no station: one name for all, so the drop log keeps one line for them. */
  public static final String NO_SENDER = "(no station)";
  /** The deepest nesting of objects and lists a body may have. */
  public static final int MAX_DEPTH = 32;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

  private StationBodies() {}

  /** The outcome of reading one message. */
  public sealed interface Decoded {}

  /** A message to file. */
  public record Accepted(StationMessage message) implements Decoded {}

  /**
   * A message to drop; {@code sender} is the topic's station (or {@link #NO_SENDER} when it names
   * none), {@code reason} a short English line for the log: printable, at most 200 characters, in
   * the protocol's words (never a parser's message).
   */
  public record Dropped(String sender, String reason) implements Decoded {}

  public static Decoded decode(String topic, byte[] body) {
    if (topic == null || !topic.startsWith(PREFIX)) {
      return new Dropped(NO_SENDER, "not a station topic: '" + clip(String.valueOf(topic)) + "'");
    }
    String[] parts = topic.substring(PREFIX.length()).split("/", -1);
    if (parts.length != 2 || !StationKey.valid(parts[0])) {
      return new Dropped(NO_SENDER, "topic '" + clip(topic) + "' is not loaxa/v1/station/<id>/<kind>");
    }
    String sender = parts[0];
    StationKey station = new StationKey(sender);
    if (body.length > MAX_BODY) {
      return new Dropped(sender, "body of " + body.length + " bytes is over " + MAX_BODY);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (StreamConstraintsException e) {
      return new Dropped(sender, "body nests deeper than " + MAX_DEPTH + " levels");
    } catch (IOException e) {
      // the parser's own message names Java types and tokens: say where instead
      return new Dropped(sender, "body is not JSON" + where(e));
    }
    if (root == null || !root.isObject()) {
      return new Dropped(sender, "body is not a JSON object");
    }
    try {
      Fields f = new Fields(root);
      if (parts[1].equals("online")) {
        return new Accepted(online(station, sender, f, root));
      }
      if (f.integer("v") != 1) {
        throw new Bad("v is not 1");
      }
      String said = f.text("station");
      if (!said.equals(sender)) {
        throw new Bad("body says station '" + clip(said) + "' on the topic of '" + sender + "'");
      }
      return new Accepted(switch (parts[1]) {
        case "run" -> run(station, f);
        case "health" -> health(station, f, new String(body, StandardCharsets.UTF_8));
        case "ack" -> ack(station, f);
        case "online" -> new StationMessage.Online(station, f.bool("online"), f.instant("at"));
        default -> throw new Bad("unknown kind '" + clip(parts[1]) + "'");
      });
    } catch (Bad e) {
      return new Dropped(sender, clip(parts[1]) + ": " + e.getMessage());
    }
  }

  /**
   * The retained online flag and the will, as docs/hub-protocol.md writes them: {@code {"online":
   * true, "at": …}}, not from the outbox, so without {@code outboxSeq}; {@code v} and {@code station}
   * are checked when a station sends them.
   */
  private static StationMessage.Online online(StationKey station, String sender, Fields f, JsonNode root) {
    if (root.has("v") && f.integer("v") != 1) {
      throw new Bad("v is not 1");
    }
    if (root.has("station") && !f.text("station").equals(sender)) {
      throw new Bad("body says station '" + clip(f.text("station")) + "' on the topic of '" + sender + "'");
    }
    return new StationMessage.Online(station, f.bool("online"), f.instant("at"));
  }

  private static StationMessage.Run run(StationKey station, Fields f) {
    return new StationMessage.Run(station, f.positive("outboxSeq"), f.instant("sentAt"), f.positive("runId"),
        f.optionalText("plannedKey").orElse(""), f.optionalText("programme").orElse(""), f.optionalText("title").orElse(""),
        f.optionalText("category").orElse(""), f.optionalText("priority").orElse("NORMAL"), f.optionalText("trigger").orElse(""),
        f.instant("plannedAt"), f.optionalInstant("startedAt"), f.optionalInstant("endedAt"),
        f.texts("zonesRequested"), f.texts("zonesConfirmed"), f.texts("zonesUnconfirmed"), f.texts("zonesFailed"),
        f.optionalText("content").orElse(""), f.optionalText("outcome"), f.optionalText("reason").orElse(""),
        f.optionalText("hubCommand"));
  }

  private static StationMessage.Health health(StationKey station, Fields f, String body) {
    List<StationMessage.Zone> zones = new ArrayList<>();
    for (JsonNode z : f.array("zones")) {
      Fields zf = new Fields(z);
      zones.add(new StationMessage.Zone(zf.text("key"), zf.optionalText("name").orElse("")));
    }
    boolean boardsOk = true;
    for (JsonNode b : f.array("boards")) {
      boardsOk &= new Fields(b).bool("ok");
    }
    boolean soundOk = f.root.has("soundCard") && new Fields(f.root.get("soundCard")).bool("ok");
    return new StationMessage.Health(station, f.positive("outboxSeq"), f.instant("sentAt"), f.optionalText("name").orElse(""),
        f.optionalText("commune").orElse(""), f.optionalText("version").orElse(""), zones, boardsOk, soundOk,
        f.bool("clockTrusted"), f.root.path("diskFreeMb").asLong(-1), f.root.path("openIncidents").asInt(0),
        f.instant("at"), body);
  }

  private static StationMessage.Ack ack(StationKey station, Fields f) {
    String state = f.text("state");
    CommandState s = CommandState.fromAck(state).orElseThrow(() -> new Bad("unknown ack state '" + clip(state) + "'"));
    return new StationMessage.Ack(station, f.positive("outboxSeq"), f.instant("sentAt"), f.text("command"),
        f.positive("seq"), s, f.optionalLong("runId"), f.optionalText("outcome"), f.optionalText("reason").orElse(""),
        f.instant("at"));
  }

  /** At most 40 characters of what a peer wrote, control characters shown as '?' so the log keeps one line, ' as `. */
  private static String clip(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) : s;
    StringBuilder b = new StringBuilder(cut.length() + 1);
    // a quote mark of the peer's would end the quotes around its words early
    cut.chars().forEach(c -> b.append(Character.isISOControl(c) ? '?' : c == '\'' ? '`' : (char) c));
    return s.length() > 40 ? b.append('…').toString() : b.toString();
  }

  private static String where(IOException e) {
    if (e instanceof JsonProcessingException p && p.getLocation() != null && p.getLocation().getLineNr() > 0) {
      return " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
    }
    return "";
  }

  /** A body that does not follow the protocol. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }

  /** The checked reads of one JSON object's fields. */
  private static final class Fields {
    final JsonNode root;

    Fields(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw new Bad("an item is not an object");
      }
      this.root = root;
    }

    private JsonNode present(String key) {
      JsonNode n = root.get(key);
      if (n == null || n.isNull()) {
        throw new Bad("no " + key);
      }
      return n;
    }

    String text(String key) {
      JsonNode n = present(key);
      if (!n.isTextual()) {
        throw new Bad(key + " is not text");
      }
      return n.asText();
    }

    Optional<String> optionalText(String key) {
      JsonNode n = root.get(key);
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
      if (!n.isTextual()) {
        throw new Bad(key + " is not text");
      }
      return Optional.of(n.asText());
    }

    long integer(String key) {
      JsonNode n = present(key);
      if (!n.canConvertToLong() || !n.isIntegralNumber()) {
        throw new Bad(key + " is not a whole number");
      }
      return n.asLong();
    }

    long positive(String key) {
      long v = integer(key);
      if (v < 1) {
        throw new Bad(key + " is below 1");
      }
      return v;
    }

    Optional<Long> optionalLong(String key) {
      JsonNode n = root.get(key);
      return n == null || n.isNull() ? Optional.empty() : Optional.of(integer(key));
    }

    boolean bool(String key) {
      JsonNode n = present(key);
      if (!n.isBoolean()) {
        throw new Bad(key + " is not true or false");
      }
      return n.asBoolean();
    }

    Instant instant(String key) {
      return parse(key, text(key));
    }

    Optional<Instant> optionalInstant(String key) {
      return optionalText(key).map(t -> parse(key, t));
    }

    private static Instant parse(String key, String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new Bad(key + " is not an ISO-8601 UTC instant");
      }
    }

    List<JsonNode> array(String key) {
      JsonNode n = root.get(key);
      if (n == null || n.isNull()) {
        return List.of();
      }
      if (!n.isArray()) {
        throw new Bad(key + " is not a list");
      }
      List<JsonNode> out = new ArrayList<>();
      n.forEach(out::add);
      return out;
    }

    List<String> texts(String key) {
      List<String> out = new ArrayList<>();
      for (JsonNode n : array(key)) {
        if (!n.isTextual()) {
          throw new Bad(key + " holds something other than text");
        }
        out.add(n.asText());
      }
      return List.copyOf(out);
    }
  }

}
