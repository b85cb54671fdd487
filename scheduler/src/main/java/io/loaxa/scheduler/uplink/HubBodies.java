package io.loaxa.scheduler.uplink;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The JSON bodies a station sends, as docs/hub-protocol.md writes them; no I/O. */
final class HubBodies {
  /** The largest filed ack read: the hub files at most 500 rows a commit, about 11 KiB of seqs. */
  static final int MOST_FILED_BYTES = 64 * 1024;

  private HubBodies() {}

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  static String instant(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** The row's body with the header every station body carries in front of its fields. */
  static byte[] stamped(String stationId, long outboxSeq, Instant sentAt, String fields) {
    String header = new Json.Obj().put("v", 1).put("station", stationId).put("outboxSeq", outboxSeq)
        .put("sentAt", instant(sentAt)).toString();
    String rest = fields.strip();
    if (!rest.startsWith("{") || !rest.endsWith("}")) {
      throw new IllegalArgumentException("an outbox body is a JSON object");
    }
    String inner = rest.substring(1, rest.length() - 1).strip();
    String body = header.substring(0, header.length() - 1) + (inner.isEmpty() ? "" : "," + inner) + "}";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** A run's fields: the station's airing log row. */
  static String run(AiringRunRecord r, Optional<String> hubCommand) {
    return new Json.Obj()
        .put("runId", r.id())
        .put("plannedKey", r.plannedKey().value())
        .put("programme", r.programme())
        .put("title", r.title())
        .put("category", r.category())
        .put("priority", r.priority())
        .put("trigger", r.trigger().name())
        .put("plannedAt", instant(r.plannedAt()))
        .put("startedAt", r.startedAt().map(HubBodies::instant))
        .put("endedAt", r.endedAt().map(HubBodies::instant))
        .put("zonesRequested", r.zonesRequested())
        .put("zonesConfirmed", r.zonesConfirmed())
        .put("zonesUnconfirmed", r.zonesUnconfirmed())
        .put("zonesFailed", r.zonesFailed())
        .put("content", r.content())
        .put("outcome", r.outcome().map(Outcome::name))
        .put("reason", r.reason())
        .put("hubCommand", hubCommand)
        .toString();
  }

  /** An ack's fields. */
  static String ack(Optional<String> command, OptionalLong seq, String state, Optional<Long> runId,
      Optional<Outcome> outcome, String reason, Instant at) {
    return new Json.Obj()
        .put("command", command)
        .put("seq", seq.isPresent() ? Optional.of(seq.getAsLong()) : Optional.empty())
        .put("state", state)
        .put("runId", runId)
        .put("outcome", outcome.map(Outcome::name))
        .put("reason", reason)
        .put("at", instant(at))
        .toString();
  }

  /** The aired/failed ack of a run that aired for a hub command. */
  static String runAck(AiringRunRecord r, String command, OptionalLong seq) {
    boolean aired = r.outcome().filter(o -> o == Outcome.COMPLETED || o == Outcome.PARTIAL).isPresent();
    return ack(Optional.of(command), seq, aired ? "aired" : "failed", Optional.of(r.id()), r.outcome(), r.reason(),
        r.endedAt().orElse(r.plannedAt()));
  }

  /** The retained online flag; {@code false} is the will. */
  static byte[] online(boolean online, Instant at) {
    return new Json.Obj().put("online", online).put("at", instant(at)).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The outboxSeqs of a filed ack ({@code {"v":1,"seqs":[…],"at":"…"}}).
   *
   * @throws IllegalArgumentException when the body is not one, saying why
   */
  static List<Long> filedSeqs(byte[] body) {
    if (body.length > MOST_FILED_BYTES) {
      throw new IllegalArgumentException("a filed ack of " + body.length + " bytes, over " + MOST_FILED_BYTES);
    }
    java.util.Map<String, Object> m;
    try {
      m = Json.object(new String(body, StandardCharsets.UTF_8));
    } catch (Json.MalformedException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    // compareTo, not intValue: a v of 1e999999999 would be expanded digit by digit
    if (!(m.get("v") instanceof java.math.BigDecimal v) || v.compareTo(java.math.BigDecimal.ONE) != 0) {
      throw new IllegalArgumentException("v is not 1");
    }
    if (!(m.get("seqs") instanceof List<?> seqs)) {
      throw new IllegalArgumentException("no seqs array");
    }
    List<Long> out = new java.util.ArrayList<>(seqs.size());
    for (Object o : seqs) {
      if (!(o instanceof java.math.BigDecimal n) || n.signum() <= 0) {
        throw new IllegalArgumentException("a seq is not a positive whole number");
      }
      try {
        out.add(n.longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("a seq is not a positive whole number: " + clip(n.toString()), e);
      }
    }
    return out;
  }
}
