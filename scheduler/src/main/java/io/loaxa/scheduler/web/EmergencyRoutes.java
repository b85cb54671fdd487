package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.approval.HeldEmergencies;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.airing.EmergencyAnnouncements;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.schedules.PlannedAiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The emergency page's routes (bản tin khẩn): what it can choose from (hamlets, hamlet groups, the
 * station's recordings) and {@code POST /api/emergency}, which plans the announcement and its
 * repeats as {@code loaxa air --priority emergency} does and answers at once with the key to cancel
 * it by, while the first airing goes on air in the background (the page watches it through
 * {@code /api/events}).
 */
public final class EmergencyRoutes implements RouteGroup, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("zones", "text", "recording", "every", "count", "until");
  private static final Set<String> AUDIO = Set.of("wav", "mp3", "flac", "ogg");
  private static final int MOST_RECORDINGS = 500;

  /**
   * @param zoneNames each hamlet's name by zone key, in the station config's order
   * @param zoneGroups the station's hamlet groups: group key to its zone keys
   * @param recordings the folder of the station's recorded files
   */
  public record Parts(ZoneId timeZone, Map<String, String> zoneNames, Map<String, List<String>> zoneGroups,
      Path recordings, ManualAiring manual, AiringRunner runner, Daemon daemon, Approval approval, Clock clock) {
    public Parts {
      zoneNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zoneNames));
      zoneGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zoneGroups));
    }

    /** A station without content approval: every emergency airs at once. */
    public Parts(ZoneId timeZone, Map<String, String> zoneNames, Map<String, List<String>> zoneGroups,
        Path recordings, ManualAiring manual, AiringRunner runner, Daemon daemon) {
      this(timeZone, zoneNames, zoneGroups, recordings, manual, runner, daemon, Approval.NONE, Clock.systemUTC());
    }
  }

  /** What the station's approval rule does to an operator's emergency text. */
  public enum Approval {
    /** No approval at the station: it airs at once. */
    NONE,
    /** {@code approval: required} with {@code emergencyBypass: yes}: it airs at once, and the bypass is audited. */
    BYPASS,
    /** {@code approval: required} with {@code emergencyBypass: no}: it waits for an approver. */
    HOLD;

    /** The rule for a station's config. */
    public static Approval of(boolean required, boolean emergencyBypass) {
      return !required ? NONE : emergencyBypass ? BYPASS : HOLD;
    }
  }

  /** Who sees the emergencies waiting: the operators who sent them and the approvers who decide. */
  private static final Set<Role> SEE_HELD = Set.copyOf(EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.APPROVER));

  private final Parts parts;
  private final HeldEmergencies held;
  private final EmergencyAnnouncements announcements;

  public EmergencyRoutes(Parts parts) {
    this.parts = parts;
    this.held = new HeldEmergencies(parts.clock());
    this.announcements = new EmergencyAnnouncements(parts.manual(), parts.runner(), parts.daemon()::refresh,
        "web-emergency");
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/emergency/choices", Routes.OPERATE, (ctx, who) -> choices());
    routes.post("/api/emergency", Routes.OPERATE, (ctx, who) -> send(routes, ctx, who));
    routes.get("/api/emergency/held", SEE_HELD, (ctx, who) -> heldList());
    routes.post("/api/emergency/held/{key}/accept", Routes.APPROVE, (ctx, who) -> accept(routes, ctx, who,
        heldKey(ctx.pathParam("key"))));
    routes.post("/api/emergency/held/{key}/reject", Routes.APPROVE, (ctx, who) -> reject(routes, ctx, who,
        heldKey(ctx.pathParam("key"))));
  }

  private ObjectNode choices() throws IOException {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode zones = out.putArray("zones");
    parts.zoneNames().forEach((k, name) -> zones.addObject().put("key", k).put("name", name));
    ArrayNode groups = out.putArray("groups");
    parts.zoneGroups().forEach((k, members) -> {
      ObjectNode g = groups.addObject().put("key", k);
      members.forEach(g.putArray("zones")::add);
    });
    ArrayNode files = out.putArray("recordings");
    recordings().forEach(files::add);
    return out;
  }

  /** The station's recordings, as names relative to its recordings folder, sorted. */
  List<String> recordings() throws IOException {
    Path root = parts.recordings();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, 4)) {
      walk.filter(Files::isRegularFile).filter(p -> AUDIO.contains(extension(p))).limit(MOST_RECORDINGS)
          .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
    }
    names.sort(String::compareTo);
    return names;
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Sends an emergency: it airs at once, unless the station holds an operator's emergency text for
   * an approver ({@link Approval#HOLD}); then the answer is {@code "state": "waiting"} and the key it waits under.
   */
  private Object send(Routes routes, Context ctx, ApiServer.Principal who) throws IOException {
    ObjectNode b = JavalinApi.body(ctx, FIELDS);
    String zones = JavalinApi.text(b, "zones").map(String::strip).orElse("");
    if (zones.isEmpty()) {
      throw new ApiException(400, "chọn ít nhất một ấp, hoặc tất cả (choose at least one hamlet, or all)", "zones");
    }
    Optional<String> text = JavalinApi.text(b, "text").map(String::strip).filter(t -> !t.isEmpty());
    Optional<String> recording = JavalinApi.text(b, "recording").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isPresent() == recording.isPresent()) {
      throw new ApiException(400, "nhập nội dung bản tin hoặc chọn một bản ghi, không cả hai (type the text or pick a "
          + "recording, not both)", text.isPresent() ? "recording" : "text");
    }
    Optional<String> file = Optional.empty();
    if (recording.isPresent()) {
      if (!recordings().contains(recording.get())) {
        throw new ApiException(400, "đài không có bản ghi '" + recording.get() + "' (no such recording)", "recording");
      }
      file = Optional.of(parts.recordings().resolve(recording.get()).toAbsolutePath().normalize().toString());
    }
    Optional<String> every = JavalinApi.text(b, "every").map(String::strip).filter(t -> !t.isEmpty());
    Optional<String> count = JavalinApi.text(b, "count").map(String::strip).filter(t -> !t.isEmpty());
    Optional<String> until = JavalinApi.text(b, "until").map(String::strip).filter(t -> !t.isEmpty());
    checkRepeats(every, count, until);
    AirRequest request = new AirRequest(file, Optional.empty(), zones, "emergency", Optional.empty(), Optional.empty(),
        Optional.empty(), text, every.map(m -> m + "m"), count, until);
    boolean operatorsText = text.isPresent() && who.role() == Role.OPERATOR;
    if (operatorsText && parts.approval() == Approval.HOLD) {
      return hold(routes, ctx, who, request, b);
    }
    boolean bypass = operatorsText && parts.approval() == Approval.BYPASS;
    return announce(request, planned -> {
      if (bypass) {
        routes.audit(ctx, who, "emergency.bypass", "", "aired without an approver (emergencyBypass: yes): " + b, true);
      } else {
        routes.audit(ctx, who, "emergency", "", b.toString(), true);
      }
    });
  }

  /**
   * Holds an operator's emergency text for an approver: nothing is planned yet, but what the planner
   * would refuse (a zone the station does not have) is refused now, while the operator is there.
   */
  private ObjectNode hold(Routes routes, Context ctx, ApiServer.Principal who, AirRequest request, ObjectNode body) {
    for (String zone : request.zones().split(",")) {
      String z = zone.strip();
      if (!z.equals("all") && !parts.zoneNames().containsKey(z)) {
        throw new ApiException(400, "không gửi được bản tin: đài không có ấp '" + z + "' (no such zone)", "zones");
      }
    }
    HeldEmergencies.Held h = held.hold(who.name(), ctx.ip(), request);
    routes.audit(ctx, who, "emergency.held " + h.key().value(), "", body.toString(), true);
    ObjectNode out = held(h);
    out.put("progress", "Bản tin khẩn đang chờ người duyệt tin; đài sẽ phát ngay khi được duyệt (the emergency is "
        + "waiting for an approver and airs as soon as it is accepted)");
    return out;
  }

  private ObjectNode accept(Routes routes, Context ctx, ApiServer.Principal who, HeldEmergencies.HeldKey key) {
    HeldEmergencies.Held h = held.decide(key, who.name(), HeldEmergencies.State.ACCEPTED, Optional.empty())
        .orElseThrow(() -> notWaiting(key));
    ObjectNode out;
    try {
      out = announce(h.request(), series -> {
        String airedAs = series.airings().get(0).key().value();
        held.aired(key, airedAs);
        routes.audit(ctx, who, "emergency.accept " + key.value(), "waiting (sent by " + h.sentBy() + ")",
            "accepted, aired as " + airedAs, true);
      });
    } catch (ApiException e) {
      routes.audit(ctx, who, "emergency.accept " + key.value(), "waiting", "refused by the planner: " + e.getMessage(),
          false);
      throw e;
    }
    out.put("held", key.value()).put("state", HeldEmergencies.State.ACCEPTED.key());
    return out;
  }

  private ObjectNode reject(Routes routes, Context ctx, ApiServer.Principal who, HeldEmergencies.HeldKey key) {
    ObjectNode b = JavalinApi.body(ctx, Set.of("reason"));
    String reason = JavalinApi.text(b, "reason").map(String::strip).orElse("");
    if (reason.isEmpty()) {
      throw new ApiException(400, "ghi lý do từ chối để người gửi biết (give the reason for the operator)", "reason");
    }
    HeldEmergencies.Held h = held.decide(key, who.name(), HeldEmergencies.State.REJECTED, Optional.of(reason))
        .orElseThrow(() -> notWaiting(key));
    routes.audit(ctx, who, "emergency.reject " + key.value(), "waiting (sent by " + h.sentBy() + ")",
        "rejected: " + reason, true);
    return held(h);
  }

  private ApiException notWaiting(HeldEmergencies.HeldKey key) {
    return held.find(key).map(h -> new ApiException(409, "bản tin " + key.value() + " đã được quyết định: "
        + h.state().key() + " (it was already decided)", "key"))
        .orElseGet(() -> new ApiException(404, "không có bản tin chờ duyệt " + key.value() + " (no such held emergency)",
            "key"));
  }

  private static HeldEmergencies.HeldKey heldKey(String text) {
    try {
      return new HeldEmergencies.HeldKey(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(404, "không có bản tin chờ duyệt như vậy (no such held emergency)", "key");
    }
  }

  private ArrayNode heldList() {
    ArrayNode out = JSON.createArrayNode();
    for (HeldEmergencies.Held h : held.all()) {
      out.add(held(h));
    }
    return out;
  }

  private ObjectNode held(HeldEmergencies.Held h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("held", h.key().value()).put("state", h.state().key()).put("sentBy", h.sentBy())
        .put("sentAt", h.sentAt().toString()).put("zones", h.request().zones())
        .put("text", h.request().text().orElse(""));
    h.decidedBy().ifPresent(d -> o.put("decidedBy", d));
    h.decidedAt().ifPresent(d -> o.put("decidedAt", d.toString()));
    h.reason().ifPresent(r -> o.put("reason", r));
    h.airedAs().ifPresent(k -> o.put("key", k));
    return o;
  }

  /**
   * Plans the series and airs its first airing in the background ({@link EmergencyAnnouncements},
   * the way every emergency goes on air); answers with the key to cancel it by.
   *
   * @param planned told of the series once planned, before it airs (to audit it)
   */
  private ObjectNode announce(AirRequest request, Consumer<ManualAiring.Series> planned) {
    ManualAiring.Series series;
    try {
      series = announcements.announce(request, planned);
    } catch (io.loaxa.scheduler.UserError e) {
      throw new ApiException(400, "không gửi được bản tin: " + e.getMessage() + " (the announcement was refused)",
          fieldOf(e.getMessage()));
    }
    PlannedAiring first = series.airings().get(0);
    ObjectNode out = JSON.createObjectNode();
    out.put("rule", series.ruleKey());
    out.put("key", first.key().value());
    out.put("airings", series.airings().size());
    ArrayNode times = out.putArray("times");
    series.airings().forEach(a -> times.add(a.startsAt().toString()));
    out.put("progress", series.describe(parts.timeZone()));
    return out;
  }

  /** The repeat fields as the page sends them: whole minutes, a count or a time of day, checked in the operator's words. */
  private static void checkRepeats(Optional<String> every, Optional<String> count, Optional<String> until) {
    if (every.isEmpty()) {
      if (count.isPresent() || until.isPresent()) {
        throw new ApiException(400, "muốn lặp lại thì nhập số phút giữa hai lần phát (give the minutes between repeats)",
            "every");
      }
      return;
    }
    if (!every.get().matches("\\d{1,4}") || Integer.parseInt(every.get()) < 1) {
      throw new ApiException(400, "số phút lặp lại phải là số nguyên từ 1, ví dụ 15 (repeat every: whole minutes, e.g. 15)",
          "every");
    }
    if (count.isPresent() && until.isPresent()) {
      throw new ApiException(400, "chọn số lần hoặc giờ kết thúc, không cả hai (give a count or an end time, not both)",
          "count");
    }
    if (count.isPresent() && (!count.get().matches("\\d{1,3}") || Integer.parseInt(count.get()) < 1
        || Integer.parseInt(count.get()) > 200)) {
      throw new ApiException(400, "số lần phát phải từ 1 đến 200 (count: 1 to 200)", "count");
    }
    if (until.isPresent() && !until.get().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
      throw new ApiException(400, "giờ kết thúc viết HH:MM, ví dụ 18:30 (until: HH:MM, e.g. 18:30)", "until");
    }
  }

  /** Which field a refusal from planning names, for the page to show it there. */
  private static String fieldOf(String message) {
    if (message.contains("--until")) {
      return "until";
    }
    if (message.contains("--count")) {
      return "count";
    }
    if (message.contains("--repeat-every")) {
      return "every";
    }
    if (message.contains("zone")) {
      return "zones";
    }
    if (message.contains("audio file") || message.contains("cannot air")) {
      return "recording";
    }
    return "text";
  }

  @Override
  public void close() {
    announcements.close();
  }
}
