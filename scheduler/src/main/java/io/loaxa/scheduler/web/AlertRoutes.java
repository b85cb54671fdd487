package io.loaxa.scheduler.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.scheduler.supervision.AlertDispatcher;
import io.loaxa.scheduler.supervision.AlertSettings;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.IncidentLog;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The alert settings page's API, for admins only: {@code GET /api/alerts} shows the channels as
 * configured (the modem's port, the mail server; never a password), who is told of which incident
 * kinds, the repeat of unresolved incidents and the last alerts with what became of each;
 * {@code PUT /api/alerts} saves recipients and repeat over the config's defaults (kept in the
 * station database, audited before → after); {@code DELETE /api/alerts} returns to the config's;
 * {@code POST /api/alerts/test} sends the test message {@code loaxa alert test} sends and says per
 * channel what happened.
 */
public final class AlertRoutes implements RouteGroup {
  static final int LAST_ALERTS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");
  private static final Set<String> BODY_KEYS = Set.of("recipients", "repeatMinutes", "version");
  private static final Set<String> RECIPIENT_KEYS = Set.of("name", "phone", "email", "kinds");

  /**
   * What the routes work on.
   *
   * @param alerts the config's {@code alerts:} block (its channels are shown as configured)
   * @param test sends the test message on every channel, now (blocks as long as the channels take)
   */
  public record Parts(AlertsConfig alerts, AlertSettings settings, IncidentLog log,
      Supplier<Map<String, AlertDispatcher.TestResult>> test, ZoneId timeZone) {
    public Parts {
      Objects.requireNonNull(alerts, "alerts");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(timeZone, "timeZone");
    }
  }

  private final Parts parts;
  private final Object testing = new Object();

  public AlertRoutes(Parts parts) {
    this.parts = Objects.requireNonNull(parts, "parts");
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/alerts", Routes.ADMIN, (ctx, who) -> read());
    routes.put("/api/alerts", Routes.ADMIN, (ctx, who) -> {
      ObjectNode body = object(ctx);
      synchronized (parts.settings()) {
        String version = version();
        JsonNode given = body.get("version");
        if (given != null && !given.isNull() && !given.asText().equals(version)) {
          throw new ApiException(409, "người khác vừa sửa cài đặt cảnh báo; tải lại trang (someone else changed the alert"
              + " settings meanwhile; reload the page)", "version");
        }
        AlertSettings.Choice wanted = choice(body);
        AlertSettings.Choice[] change;
        try {
          change = parts.settings().change(wanted, who.name());
        } catch (AlertSettings.Refusal r) {
          routes.audit(ctx, who, "alerts.settings", parts.settings().current().describe(), "refused: " + r.field() + ": "
              + r.getMessage(), false);
          throw new ApiException(400, r.getMessage(), r.field());
        }
        routes.audit(ctx, who, "alerts.settings", change[0].describe(), change[1].describe(), true);
        return read();
      }
    });
    routes.delete("/api/alerts", Routes.ADMIN, (ctx, who) -> {
      synchronized (parts.settings()) {
        AlertSettings.Choice before = parts.settings().reset();
        routes.audit(ctx, who, "alerts.settings", before.describe(), "the config's defaults: "
            + parts.settings().defaults().describe(), true);
        return read();
      }
    });
    routes.post("/api/alerts/test", Routes.ADMIN, (ctx, who) -> {
      Map<String, AlertDispatcher.TestResult> results;
      // one test at a time: a second tap while the modem still answers would only queue behind it
      synchronized (testing) {
        results = parts.test().get();
      }
      ObjectNode out = JSON.createObjectNode();
      ArrayNode channels = out.putArray("channels");
      StringBuilder said = new StringBuilder();
      results.forEach((name, r) -> {
        ObjectNode c = channels.addObject();
        c.put("channel", name);
        c.put("sent", r.sent());
        c.put("what", r.what());
        said.append(said.length() == 0 ? "" : "; ").append(name).append(r.sent() ? ": sent" : ": failed");
      });
      if (results.isEmpty()) {
        said.append("no channel configured");
      }
      routes.audit(ctx, who, "alerts.test", "", said.toString(), true);
      return out;
    });
  }

  /** Which saved choice a page read: a save by someone else since then is a conflict. */
  private String version() {
    return parts.settings().saved().map(s -> s.at().toString() + " " + s.by()).orElse("config");
  }

  ObjectNode read() {
    ObjectNode out = JSON.createObjectNode();
    out.put("version", version());
    ObjectNode channels = out.putObject("channels");
    AlertsConfig a = parts.alerts();
    if (a.sms().isPresent()) {
      AlertsConfig.Sms sms = a.sms().get();
      ObjectNode s = channels.putObject("sms");
      s.put("port", sms.port());
      s.put("baud", sms.baud());
      s.put("diacritics", sms.diacritics());
      s.put("pinFile", sms.pinFile().isPresent());
    } else {
      channels.putNull("sms");
    }
    if (a.email().isPresent()) {
      AlertsConfig.Email email = a.email().get();
      ObjectNode e = channels.putObject("email");
      e.put("host", email.host());
      e.put("port", email.port());
      e.put("user", email.user().orElse(""));
      e.put("from", email.from());
      e.put("tls", email.tls().name().toLowerCase(java.util.Locale.ROOT));
      // where the password comes from, never the password
      e.put("password", email.password().isEmpty() ? "none" : email.passwordInline() ? "inline" : "file");
    } else {
      channels.putNull("email");
    }
    ArrayNode kinds = out.putArray("kinds");
    for (IncidentKind k : IncidentKind.values()) {
      kinds.addObject().put("kind", k.configName()).put("title", k.title(false)).put("titleEn", k.title(true));
    }
    Optional<AlertSettings.Saved> saved = parts.settings().saved();
    AlertSettings.Choice current = saved.map(AlertSettings.Saved::choice).orElse(parts.settings().defaults());
    out.put("source", saved.isPresent() ? "page" : "config");
    if (saved.isPresent()) {
      out.put("changedBy", saved.get().by());
      out.put("changedAt", saved.get().at().toString());
      out.put("changedAtLocal", LOCAL.format(saved.get().at().atZone(parts.timeZone())));
    }
    choice(current, out);
    choice(parts.settings().defaults(), out.putObject("defaults"));
    ArrayNode last = out.putArray("lastAlerts");
    for (IncidentLog.AlertTry t : parts.log().lastAlerts(LAST_ALERTS)) {
      ObjectNode o = last.addObject();
      o.put("at", t.at().toString());
      o.put("atLocal", LOCAL.format(t.at().atZone(parts.timeZone())));
      o.put("kind", t.incident().kind().configName());
      o.put("title", t.incident().kind().title(false));
      o.put("titleEn", t.incident().kind().title(true));
      o.put("subject", t.incident().subject());
      o.put("channel", t.channel());
      o.put("recipient", t.recipient());
      o.put("outcome", t.delivery().wire());
      o.put("detail", t.detail());
    }
    return out;
  }

  private static void choice(AlertSettings.Choice c, ObjectNode out) {
    ArrayNode recipients = out.putArray("recipients");
    for (AlertSettings.Recipient r : c.recipients()) {
      ObjectNode o = recipients.addObject();
      o.put("name", r.name());
      r.phone().ifPresentOrElse(p -> o.put("phone", p), () -> o.putNull("phone"));
      r.email().ifPresentOrElse(e -> o.put("email", e), () -> o.putNull("email"));
      ArrayNode k = o.putArray("kinds");
      r.kinds().stream().sorted().forEach(kind -> k.add(kind.configName()));
    }
    if (c.repeat().isPresent()) {
      out.put("repeatMinutes", c.repeat().get().toMinutes());
      out.put("repeatSeconds", c.repeat().get().toSeconds());
    } else {
      out.putNull("repeatMinutes");
      out.putNull("repeatSeconds");
    }
  }

  /** The choice a PUT's body asks for, its shape checked field by field (its values by {@link AlertSettings}). */
  private static AlertSettings.Choice choice(ObjectNode body) {
    unknown(body, BODY_KEYS, "");
    JsonNode list = body.get("recipients");
    if (list == null || !list.isArray()) {
      throw new ApiException(400, "recipients phải là danh sách người nhận (recipients must be a list)", "recipients");
    }
    List<AlertSettings.Recipient> recipients = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "recipients[" + i + "].";
      JsonNode r = list.get(i);
      if (!r.isObject()) {
        throw new ApiException(400, "mỗi người nhận là một đối tượng {name, phone, email, kinds} (each recipient is an"
            + " object {name, phone, email, kinds})", "recipients[" + i + "]");
      }
      unknown((ObjectNode) r, RECIPIENT_KEYS, at);
      String name = text(r, "name", at).orElse("");
      Optional<String> phone = text(r, "phone", at);
      Optional<String> email = text(r, "email", at);
      List<String> kindNames = new ArrayList<>();
      JsonNode kinds = r.get("kinds");
      if (kinds != null && !kinds.isNull()) {
        if (!kinds.isArray()) {
          throw new ApiException(400, "kinds là danh sách loại sự cố, để trống là mọi loại (kinds is a list of incident"
              + " kinds; empty for every kind)", at + "kinds");
        }
        kinds.forEach(k -> kindNames.add(k.asText()));
      }
      try {
        recipients.add(new AlertSettings.Recipient(name, phone, email, AlertSettings.kinds(kindNames, at + "kinds")));
      } catch (AlertSettings.Refusal e) {
        throw new ApiException(400, e.getMessage(), e.field());
      }
    }
    JsonNode repeat = body.get("repeatMinutes");
    Optional<Duration> every = Optional.empty();
    if (repeat != null && !repeat.isNull() && !(repeat.isTextual() && repeat.asText().isBlank())) {
      long minutes;
      if (repeat.isIntegralNumber()) {
        minutes = repeat.asLong();
      } else if (repeat.isTextual() && repeat.asText().strip().matches("[0-9]{1,6}")) {
        minutes = Long.parseLong(repeat.asText().strip());
      } else {
        throw new ApiException(400, "repeatMinutes là số phút, ví dụ 120, hoặc để trống để không nhắc lại"
            + " (repeatMinutes: whole minutes, e.g. 120, or empty for never)", "repeatMinutes");
      }
      // out of range is refused by the settings with the bounds in words
      every = Optional.of(Duration.ofMinutes(Math.max(0, Math.min(minutes, 1_000_000))));
    }
    return new AlertSettings.Choice(recipients, every);
  }

  private static Optional<String> text(JsonNode r, String key, String at) {
    JsonNode v = r.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new ApiException(400, key + " phải là chữ (" + key + " must be text)", at + key);
    }
    return Optional.of(v.asText());
  }

  private static void unknown(ObjectNode o, Set<String> known, String at) {
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!known.contains(n)) {
        throw new ApiException(400, "trường không hợp lệ '" + n + "' (unknown field; use " + String.join(", ",
            new java.util.TreeSet<>(known)) + ")", at + n);
      }
    }
  }

  private static ObjectNode object(Context ctx) {
    JsonNode node;
    try {
      node = JSON.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "nội dung không phải JSON hợp lệ (the body is not valid JSON)");
    } catch (java.io.IOException e) {
      throw new ApiException(400, "không đọc được nội dung (the body cannot be read)");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "nội dung phải là một đối tượng JSON (the body must be a JSON object)");
    }
    return (ObjectNode) node;
  }
}
