package io.loaxa.hub.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.hub.StationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A station message as the broker hands it to the hub, any topic and any bytes: it is filed
 * ({@link StationBodies.Accepted}) or dropped with a reason in words — one line of printable text,
 * no Java class names or parser messages, the sender a station key or the fixed word for a topic that
 * names none — in bounded time; an accepted message written back as the protocol writes it reads
 * back equal.
 *
 * <p>Input: byte 0 below 0xF0 picks the kind on the topic of station {@code tan-hung} (run, health,
 * ack, online), the rest is the body; from 0xF0 the topic is the bytes up to the first 0x00, the
 * body what follows.
 */
class StationBodiesFuzzTest {
  private static final String[] KINDS = {"run", "health", "ack", "online"};
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "2h")
  void anyMessageIsFiledOrDroppedInWordsAndWhatIsFiledReadsBackEqual(byte[] input) {
    if (input.length < 1) {
      return;
    }
    String topic;
    byte[] body;
    if ((input[0] & 0xFF) < 0xF0) {
      topic = StationBodies.PREFIX + "tan-hung/" + KINDS[(input[0] & 0xFF) % KINDS.length];
      body = Arrays.copyOfRange(input, 1, input.length);
    } else {
      int nul = 1;
      while (nul < input.length && input[nul] != 0) {
        nul++;
      }
      topic = new String(input, 1, nul - 1, StandardCharsets.UTF_8);
      body = Arrays.copyOfRange(input, Math.min(nul + 1, input.length), input.length);
    }
    long start = System.nanoTime();
    StationBodies.Decoded d = StationBodies.decode(topic, body);
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    if (d instanceof StationBodies.Dropped dropped) {
      inWords(dropped.reason());
      assertTrue(dropped.sender().equals(StationBodies.NO_SENDER) || dropped.sender().matches("[a-z0-9-]{1,40}"),
          "sender '" + dropped.sender() + "'");
      return;
    }
    StationMessage m = assertInstanceOf(StationBodies.Accepted.class, d).message();
    assertTrue(topic.startsWith(StationBodies.PREFIX + m.station().value() + "/"), topic);
    byte[] again = encode(m);
    StationMessage back = assertInstanceOf(StationBodies.Accepted.class,
        StationBodies.decode(topic, again), () -> "written back: " + new String(again, StandardCharsets.UTF_8)).message();
    if (m instanceof StationMessage.Health h) {
      // the health history keeps the body as it came: compare everything else
      assertEquals(withBody(h, ""), withBody((StationMessage.Health) back, ""));
    } else {
      assertEquals(m, back);
    }
  }

  static void inWords(String reason) {
    assertTrue(reason != null && !reason.isBlank());
    assertTrue(reason.length() <= 200, "a reason of " + reason.length() + " characters");
    assertFalse(reason.chars().anyMatch(Character::isISOControl), "a control character in: " + reason);
    // what the peer wrote is quoted and may say anything; the words around it are ours
    String ours = reason.replaceAll("'[^']*'", "''");
    assertFalse(ours.matches("(?s).*(Exception|java\\.|com\\.fasterxml|Unexpected character|Unrecognized token"
        + "|expected a valid value|Illegal|\\(code \\d+\\)).*"), "Java's words: " + reason);
  }

  private static StationMessage.Health withBody(StationMessage.Health h, String body) {
    return new StationMessage.Health(h.station(), h.outboxSeq(), h.sentAt(), h.name(), h.commune(), h.version(), h.zones(),
        h.boardsOk(), h.soundCardOk(), h.clockTrusted(), h.diskFreeMb(), h.openIncidents(), h.at(), body);
  }

  /** The message as docs/hub-protocol.md writes it. */
  static byte[] encode(StationMessage m) {
    ObjectNode o = JSON.createObjectNode();
    if (!(m instanceof StationMessage.Online)) {
      o.put("v", 1).put("station", m.station().value()).put("outboxSeq", m.outboxSeq());
    }
    if (m instanceof StationMessage.Run r) {
      put(o.put("sentAt", r.sentAt().toString()).put("runId", r.runId()).put("plannedKey", r.plannedKey())
          .put("programme", r.programme()).put("title", r.title()).put("category", r.category())
          .put("priority", r.priority()).put("trigger", r.trigger()).put("plannedAt", r.plannedAt().toString()),
          "startedAt", r.startedAt().map(Instant::toString));
      put(o, "endedAt", r.endedAt().map(Instant::toString));
      texts(o, "zonesRequested", r.zonesRequested());
      texts(o, "zonesConfirmed", r.zonesConfirmed());
      texts(o, "zonesUnconfirmed", r.zonesUnconfirmed());
      texts(o, "zonesFailed", r.zonesFailed());
      o.put("content", r.content());
      put(o, "outcome", r.outcome());
      o.put("reason", r.reason());
      put(o, "hubCommand", r.hubCommand());
    } else if (m instanceof StationMessage.Health h) {
      o.put("sentAt", h.sentAt().toString()).put("name", h.name()).put("commune", h.commune()).put("version", h.version());
      ArrayNode zones = o.putArray("zones");
      h.zones().forEach(z -> zones.addObject().put("key", z.key()).put("name", z.name()));
      o.putArray("boards").addObject().put("ok", h.boardsOk());
      if (h.soundCardOk()) {
        o.putObject("soundCard").put("ok", true);
      }
      o.put("clockTrusted", h.clockTrusted()).put("diskFreeMb", h.diskFreeMb()).put("openIncidents", h.openIncidents())
          .put("at", h.at().toString());
    } else if (m instanceof StationMessage.Ack a) {
      o.put("sentAt", a.sentAt().toString()).put("command", a.command()).put("seq", a.seq()).put("state", a.state().wire());
      if (a.runId().isPresent()) {
        o.put("runId", a.runId().get());
      }
      put(o, "outcome", a.outcome());
      o.put("reason", a.reason()).put("at", a.at().toString());
    } else {
      StationMessage.Online on = (StationMessage.Online) m;
      o.put("online", on.online()).put("at", on.at().toString());
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode put(ObjectNode o, String key, Optional<String> v) {
    if (v.isPresent()) {
      o.put(key, v.get());
    } else {
      o.putNull(key);
    }
    return o;
  }

  private static void texts(ObjectNode o, String key, List<String> values) {
    ArrayNode a = o.putArray(key);
    values.forEach(a::add);
  }
}
