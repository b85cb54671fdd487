package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.scheduler.UserError;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bulletins pushed by the province hub (tin từ tỉnh) that wait for the station's operator under
 * {@code hub.bulletins: review}: {@code GET /api/hub/bulletins} lists them; an operator or admin
 * accepts one ({@code POST /api/hub/bulletins/{id}/accept}: it is planned as the hub sent it) or
 * rejects it with a reason ({@code …/reject}); both are audited and acked to the hub.
 */
public final class HubBulletinRoutes implements RouteGroup {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  static final int MOST_REASON_CHARS = 500;

  /** A held bulletin as the page shows it. */
  public record Bulletin(String id, String title, String category, String priority, List<String> zones,
      boolean allZones, Optional<String> text, Optional<String> audioName, Optional<Instant> at,
      Optional<Integer> repeatEveryMinutes, Instant receivedAt, Instant expiresAt) {
    public Bulletin {
      zones = List.copyOf(zones);
    }
  }

  /** The station's side: the held bulletins and the operator's decisions. Refusals are {@link UserError}s. */
  public interface Desk {
    /** Whether the station is linked to a hub at all. */
    boolean linked();

    List<Bulletin> held();

    /** @return the rule key the accepted bulletin was planned as */
    String accept(String id, String who);

    void reject(String id, String who, String reason);
  }

  private final Desk desk;
  private final ZoneId timeZone;

  public HubBulletinRoutes(Desk desk, ZoneId timeZone) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/hub/bulletins", Routes.OPERATE, (ctx, who) -> list());
    routes.post("/api/hub/bulletins/{id}/accept", Routes.OPERATE, (ctx, who) -> {
      String id = ctx.pathParam("id");
      try {
        String rule = desk.accept(id, who.name());
        routes.audit(ctx, who, "hub.bulletin.accept " + id, "held", "accepted, planned as " + rule, true);
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id).put("state", "accepted").put("rule", rule);
        return out;
      } catch (UserError e) {
        routes.audit(ctx, who, "hub.bulletin.accept " + id, "held", "refused: " + e.getMessage(), false);
        throw new ApiException(409, e.getMessage(), "id");
      }
    });
    routes.post("/api/hub/bulletins/{id}/reject", Routes.OPERATE, (ctx, who) -> {
      String id = ctx.pathParam("id");
      JsonNode body;
      try {
        body = JSON.readTree(ctx.bodyAsBytes());
      } catch (java.io.IOException e) {
        throw new ApiException(400, "nội dung không phải JSON hợp lệ (the body is not valid JSON)");
      }
      String reason = body == null ? "" : body.path("reason").asText("").strip();
      if (reason.isEmpty() || reason.length() > MOST_REASON_CHARS) {
        throw new ApiException(400, "ghi lý do từ chối để tỉnh biết, tối đa " + MOST_REASON_CHARS + " ký tự (write the"
            + " reason for the hub, at most " + MOST_REASON_CHARS + " characters)", "reason");
      }
      try {
        desk.reject(id, who.name(), reason);
      } catch (UserError e) {
        throw new ApiException(409, e.getMessage(), "id");
      }
      routes.audit(ctx, who, "hub.bulletin.reject " + id, "held", "rejected: " + reason, true);
      ObjectNode out = JSON.createObjectNode();
      out.put("id", id).put("state", "rejected");
      return out;
    });
  }

  private ObjectNode list() {
    ObjectNode out = JSON.createObjectNode();
    out.put("linked", desk.linked());
    ArrayNode held = out.putArray("held");
    if (!desk.linked()) {
      return out;
    }
    for (Bulletin b : desk.held()) {
      ObjectNode o = held.addObject();
      o.put("id", b.id());
      o.put("title", b.title());
      o.put("category", b.category());
      o.put("priority", b.priority());
      o.put("allZones", b.allZones());
      ArrayNode zones = o.putArray("zones");
      b.zones().forEach(zones::add);
      b.text().ifPresentOrElse(t -> o.put("text", t), () -> o.putNull("text"));
      b.audioName().ifPresentOrElse(a -> o.put("audio", a), () -> o.putNull("audio"));
      b.at().ifPresentOrElse(a -> o.put("atLocal", LOCAL.format(a.atZone(timeZone))), () -> o.putNull("atLocal"));
      b.repeatEveryMinutes().ifPresentOrElse(m -> o.put("repeatEveryMinutes", m), () -> o.putNull("repeatEveryMinutes"));
      o.put("receivedLocal", LOCAL.format(b.receivedAt().atZone(timeZone)));
      o.put("expiresLocal", LOCAL.format(b.expiresAt().atZone(timeZone)));
    }
    return out;
  }
}
