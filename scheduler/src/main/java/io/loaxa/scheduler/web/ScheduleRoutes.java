package io.loaxa.scheduler.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.loaxa.scheduler.ContentApproval;
import io.loaxa.scheduler.ScheduleStore;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ical.IcsWriter;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.ScheduleFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The programme grid (lịch phát) over the API, through the same reader, checks and planner as
 * {@code loaxa schedule import/check/export/preview/ics}: the whole file with its version, and
 * programmes, airing rules, one-offs and per-day overrides edited one at a time. Every change is
 * checked as a whole schedule, stored all or nothing, and re-planned at once, so no trigger of the
 * old grid is left; a change made against an old version is refused with 409 and changes nothing.
 * It also says how this month's CCHC airing stands ({@code /api/schedule/cchc}), as the planner that
 * plans its make-up sees it.
 */
public final class ScheduleRoutes implements RouteGroup {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The version of a station that has no schedule yet. */
  static final String NO_SCHEDULE = "none";
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_PREVIEW_DAYS = 366;

  private final ScheduleStore store;
  private final SchedulePlanner planner;
  private final Daemon daemon;
  private final StationConfig config;
  private final Path dataDir;
  private final Clock clock;
  private final ContentApproval contentUse;
  /** One change at a time: the version check and the store are one step. */
  private final Object edits = new Object();
  private Routes routes;

  public ScheduleRoutes(ScheduleStore store, SchedulePlanner planner, Daemon daemon, StationConfig config, Path dataDir,
      Clock clock, ContentApproval contentUse) {
    this.store = store;
    this.planner = planner;
    this.daemon = daemon;
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.contentUse = contentUse;
  }

  @Override
  public void register(Routes routes) {
    this.routes = routes;
    routes.get("/api/schedule", Routes.ANY, this::current);
    routes.put("/api/schedule", Routes.OPERATE, this::replace);
    routes.post("/api/schedule/check", Routes.ANY, this::check);
    routes.get("/api/schedule/preview", Routes.ANY, this::preview);
    routes.get("/api/schedule/cchc", Routes.ANY, this::cchc);
    routes.get("/api/schedule/ics", Routes.ANY, (ctx, who) -> new Routes.Download("text/calendar; charset=utf-8",
        "lich-phat.ics", IcsWriter.write(schedule(), facts(), today(), clock.instant()).getBytes(StandardCharsets.UTF_8)));
    items(routes, "programmes", "programmes", "programme");
    items(routes, "rules", "airings", "rule");
    items(routes, "one-offs", "airings", "one-off");
    routes.put("/api/schedule/rules/{key}/overrides/{date}", Routes.OPERATE, this::putOverride);
    routes.delete("/api/schedule/rules/{key}/overrides/{date}", Routes.OPERATE, this::deleteOverride);
  }

  // ---- the whole file ---------------------------------------------------------------------------

  private Object current(Context ctx, ApiServer.Principal who) {
    Optional<ScheduleStore.Stored> stored = store.current();
    String version = version(stored);
    ctx.header("ETag", "\"" + version + "\"");
    String text = stored.map(ScheduleStore.Stored::text).orElse("");
    if ("yaml".equals(ctx.queryParam("format"))) {
      return new Routes.Download("application/yaml; charset=utf-8", "lich-phat.yaml", text.getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", version);
    out.put("text", text);
    out.put("source", stored.map(ScheduleStore.Stored::source).orElse(null));
    out.put("importedAt", stored.map(s -> s.importedAt().toString()).orElse(null));
    return out;
  }

  private Object replace(Context ctx, ApiServer.Principal who) {
    String text = ctx.body();
    synchronized (edits) {
      Optional<ScheduleStore.Stored> before = store.current();
      String old = version(before);
      requireVersion(ctx, old);
      Map<String, Object> out = store(text, who, ctx.header("Accept-Language"));
      routes.audit(ctx, who, "schedule.replace", old, out.get("version") + " (" + out.get("programmes") + " programmes, "
          + out.get("rules") + " rules)", true);
      ctx.header("ETag", "\"" + out.get("version") + "\"");
      return out;
    }
  }

  private Object check(Context ctx, ApiServer.Principal who) {
    String text = ctx.body();
    List<Problem> problems;
    try {
      problems = ScheduleFile.check(text, "lich-phat.yaml", facts(), checks());
    } catch (RuntimeException e) {
      throw new ApiException(400, "không đọc được lịch (the schedule cannot be read): " + e.getMessage(), "body");
    }
    long errors = problems.stream().filter(p -> !p.warning()).count();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", errors == 0);
    out.put("errors", errors);
    out.put("problems", ScheduleTree.problems(problems, text, "lich-phat.yaml", ctx.header("Accept-Language")));
    return out;
  }

  private Object preview(Context ctx, ApiServer.Principal who) {
    LocalDate from = date(ctx.queryParam("from"), "from").orElse(today());
    LocalDate to = date(ctx.queryParam("to"), "to").orElse(from.plusDays(6));
    if (to.isBefore(from)) {
      throw new ApiException(400, "'to' phải không sớm hơn 'from' (to must not be before from)", "to");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_PREVIEW_DAYS) {
      throw new ApiException(400, "xem trước tối đa " + MAX_PREVIEW_DAYS + " ngày (at most " + MAX_PREVIEW_DAYS + " days)", "to");
    }
    Schedule schedule = schedule();
    ArrayNode out = JSON.createArrayNode();
    for (PlannedAiring a : Expansion.plan(schedule, facts(), from, to.plusDays(1))) {
      ObjectNode one = out.addObject();
      one.put("key", a.key().value());
      one.put("startsAt", a.startsAt().atZone(config.timeZone()).toOffsetDateTime().toString());
      one.put("programme", a.programme().value());
      schedule.programme(a.programme()).ifPresent(p -> one.put("title", p.title()));
      one.put("zones", a.zones().toString());
      one.put("priority", a.priority().name());
      a.topic().ifPresent(t -> one.put("topic", t));
    }
    return out;
  }

  /** This month's CCHC airing of each rotating rule: planned, aired or not, hamlets reached, make-up. */
  private Object cchc(Context ctx, ApiServer.Principal who) {
    ObjectNode out = JSON.createObjectNode();
    LocalDate today = today();
    out.put("month", java.time.YearMonth.from(today).toString());
    out.put("today", today.toString());
    ArrayNode zones = out.putArray("zones");
    facts().zones().forEach(z -> zones.add(z.value()));
    ArrayNode rules = out.putArray("rules");
    Schedule schedule = schedule();
    for (SchedulePlanner.CchcMonth m : planner.cchcThisMonth()) {
      ObjectNode one = rules.addObject();
      one.put("rule", m.rule().key());
      one.put("programme", m.rule().programme().value());
      schedule.programme(m.rule().programme()).ifPresent(p -> one.put("title", p.title()));
      one.put("aired", m.aired());
      ArrayNode reached = one.putArray("reached");
      m.reached().forEach(z -> reached.add(z.value()));
      ArrayNode missing = one.putArray("notReached");
      facts().zones().stream().filter(z -> !m.reached().contains(z)).forEach(z -> missing.add(z.value()));
      ArrayNode planned = one.putArray("planned");
      m.planned().forEach(a -> airing(planned.addObject(), a));
      ArrayNode makeUps = one.putArray("makeUps");
      m.makeUps().forEach(a -> airing(makeUps.addObject(), a));
      ArrayNode runs = one.putArray("runs");
      for (io.loaxa.scheduler.AiringRunRecord r : m.runs()) {
        ObjectNode run = runs.addObject().put("plannedKey", r.plannedKey().value())
            .put("plannedAt", r.plannedAt().atZone(config.timeZone()).toOffsetDateTime().toString())
            .put("outcome", r.outcome().map(Enum::name).orElse("ON_AIR"));
        ArrayNode confirmed = run.putArray("zonesConfirmed");
        r.zonesConfirmed().forEach(confirmed::add);
      }
      m.makeUpNeeded().ifPresentOrElse(n -> one.put("makeUpNeeded", n), () -> one.putNull("makeUpNeeded"));
    }
    return out;
  }

  private void airing(ObjectNode one, PlannedAiring a) {
    one.put("key", a.key().value());
    one.put("startsAt", a.startsAt().atZone(config.timeZone()).toOffsetDateTime().toString());
    a.topic().ifPresent(t -> one.put("topic", t));
    a.note().ifPresent(n -> one.put("note", n));
  }

  // ---- one item at a time -----------------------------------------------------------------------

  /** The routes of one kind of item kept in the list {@code section} of the file. */
  private void items(Routes routes, String path, String section, String noun) {
    String base = "/api/schedule/" + path;
    boolean oneOff = noun.equals("one-off");
    routes.get(base, Routes.ANY, (ctx, who) -> {
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode item : ScheduleTree.section(tree(store.current()), section)) {
        if (!oneOff || isOneOff(item)) {
          out.add(item);
        }
      }
      return out;
    });
    routes.get(base + "/{key}", Routes.ANY, (ctx, who) -> {
      ArrayNode list = ScheduleTree.section(tree(store.current()), section);
      return list.get(index(list, ctx.pathParam("key"), noun, oneOff));
    });
    routes.post(base, Routes.OPERATE, (ctx, who) -> {
      ObjectNode item = item(ctx, Optional.empty(), oneOff);
      String key = item.path("key").asText("");
      return edit(ctx, who, noun + ".add " + key, doc -> {
        ArrayNode list = ScheduleTree.section(doc, section);
        if (!key.isEmpty() && ScheduleTree.find(list, key).isPresent()) {
          throw new ApiException(409, "đã có " + noun + " '" + key + "' (already exists)", "key");
        }
        list.add(item);
        return item;
      });
    });
    routes.put(base + "/{key}", Routes.OPERATE, (ctx, who) -> {
      String key = ctx.pathParam("key");
      ObjectNode item = item(ctx, Optional.of(key), oneOff);
      return edit(ctx, who, noun + ".edit " + key, doc -> {
        ArrayNode list = ScheduleTree.section(doc, section);
        list.set(index(list, key, noun, oneOff), item);
        return item;
      });
    });
    routes.delete(base + "/{key}", Routes.OPERATE, (ctx, who) -> {
      String key = ctx.pathParam("key");
      return edit(ctx, who, noun + ".delete " + key, doc -> {
        ArrayNode list = ScheduleTree.section(doc, section);
        JsonNode removed = list.remove(index(list, key, noun, oneOff));
        return removed;
      });
    });
  }

  private Object putOverride(Context ctx, ApiServer.Principal who) {
    String key = ctx.pathParam("key");
    String date = overrideDate(ctx);
    ObjectNode override = object(ctx);
    override.remove("on");
    ObjectNode written = JSON.createObjectNode().put("on", date);
    written.setAll(override);
    return edit(ctx, who, "override.put " + key + " " + date, doc -> {
      ArrayNode list = ScheduleTree.section(doc, "airings");
      ObjectNode rule = (ObjectNode) list.get(index(list, key, "rule", false));
      ArrayNode overrides = rule.has("overrides") && rule.get("overrides").isArray()
          ? (ArrayNode) rule.get("overrides") : rule.putArray("overrides");
      overrideIndex(overrides, date).ifPresentOrElse(i -> overrides.set(i, written), () -> overrides.add(written));
      return written;
    });
  }

  private Object deleteOverride(Context ctx, ApiServer.Principal who) {
    String key = ctx.pathParam("key");
    String date = overrideDate(ctx);
    return edit(ctx, who, "override.delete " + key + " " + date, doc -> {
      ArrayNode list = ScheduleTree.section(doc, "airings");
      ObjectNode rule = (ObjectNode) list.get(index(list, key, "rule", false));
      JsonNode overrides = rule.path("overrides");
      Optional<Integer> i = overrides.isArray() ? overrideIndex((ArrayNode) overrides, date) : Optional.empty();
      if (i.isEmpty()) {
        throw new ApiException(404, "lượt '" + key + "' không có ngày đổi " + date + " (no override on that day)", "date");
      }
      JsonNode removed = ((ArrayNode) overrides).remove((int) i.get());
      if (overrides.isEmpty()) {
        rule.remove("overrides");
      }
      return removed;
    });
  }

  private static String overrideDate(Context ctx) {
    String date = ctx.pathParam("date");
    try {
      return LocalDate.parse(date).toString();
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "ngày '" + date + "' phải viết YYYY-MM-DD (the date must be YYYY-MM-DD)", "date");
    }
  }

  private static Optional<Integer> overrideIndex(ArrayNode overrides, String date) {
    for (int i = 0; i < overrides.size(); i++) {
      if (date.equals(overrides.get(i).path("on").asText(null))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static int index(ArrayNode list, String key, String noun, boolean oneOff) {
    Optional<Integer> i = ScheduleTree.find(list, key);
    if (i.isEmpty() || (oneOff && !isOneOff(list.get(i.get())))) {
      throw new ApiException(404, "không có " + noun + " '" + key + "' (no such " + noun + ")", "key");
    }
    return i.get();
  }

  private static boolean isOneOff(JsonNode rule) {
    return DATE.matcher(rule.path("on").asText("")).matches();
  }

  /** The item in the request: a JSON object; its key is the one in the path. */
  private static ObjectNode item(Context ctx, Optional<String> key, boolean oneOff) {
    ObjectNode item = object(ctx);
    if (key.isPresent()) {
      JsonNode given = item.get("key");
      if (given != null && !given.asText().equals(key.get())) {
        throw new ApiException(400, "'key' khác với đường dẫn (key differs from the path)", "key");
      }
      ObjectNode keyed = JSON.createObjectNode().put("key", key.get());
      item.remove("key");
      keyed.setAll(item);
      item = keyed;
    }
    if (oneOff && !isOneOff(item)) {
      throw new ApiException(400, "lượt phát một lần cần 'on' là một ngày YYYY-MM-DD (a one-off needs on: a date)", "on");
    }
    return item;
  }

  private static ObjectNode object(Context ctx) {
    JsonNode node;
    try {
      node = JSON.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
      throw new ApiException(400, "nội dung không phải JSON hợp lệ (the body is not valid JSON)", null, line);
    } catch (java.io.IOException e) {
      throw new ApiException(400, "không đọc được nội dung (the body cannot be read)");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "nội dung phải là một đối tượng JSON (the body must be a JSON object)");
    }
    return (ObjectNode) node;
  }

  /** A change of the tree, checked and stored as a whole schedule; returns the changed item. */
  private interface TreeEdit {
    JsonNode apply(ObjectNode doc);
  }

  private Object edit(Context ctx, ApiServer.Principal who, String action, TreeEdit change) {
    synchronized (edits) {
      Optional<ScheduleStore.Stored> before = store.current();
      String old = version(before);
      requireVersion(ctx, old);
      ObjectNode doc = tree(before);
      JsonNode item = change.apply(doc);
      Map<String, Object> out = store(ScheduleTree.yaml(doc), who, ctx.header("Accept-Language"));
      out.put("item", item);
      routes.audit(ctx, who, "schedule." + action, old, out.get("version") + " " + ScheduleTree.flow(item), true);
      ctx.header("ETag", "\"" + out.get("version") + "\"");
      return out;
    }
  }

  // ---- checking, storing, planning --------------------------------------------------------------

  /**
   * Checks {@code text} as a whole schedule, stores it all or nothing and re-plans the triggers from it;
   * the warnings come back in the language of {@code acceptLanguage}.
   */
  private Map<String, Object> store(String text, ApiServer.Principal who, String acceptLanguage) {
    String source = "api:" + who.name();
    for (String path : segmentFiles(text)) {
      Optional<String> refused = contentUse.refusal(path);
      if (refused.isPresent()) {
        throw new ApiException(409, refused.get(), "segments");
      }
    }
    SchedulePlanner.Imported done;
    try {
      done = planner.importText(text, source);
    } catch (SourceException e) {
      List<Map<String, Object>> problems = ScheduleTree.problems(e.problems(), text, source);
      Map<String, Object> first = problems.get(0);
      String firstError = (String) first.get("error");
      throw new ApiException(400, Bilingual.of("lịch có " + problems.size() + " lỗi, chưa lưu gì: " + Bilingual.vietnamese(firstError),
          "the schedule has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was saved: "
              + Bilingual.english(firstError)),
          (String) first.get("field"), (Integer) first.get("line"), problems);
    }
    daemon.replan();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", version(store.current()));
    out.put("programmes", done.programmes());
    out.put("rules", done.rules());
    out.put("planned", done.planned());
    List<Problem> warnings = ScheduleFile.check(text, source, facts(), checks()).stream().filter(Problem::warning).toList();
    out.put("warnings", ScheduleTree.problems(warnings, text, source, acceptLanguage));
    return out;
  }

  /** The recorded files the schedule's programmes play; empty when the text does not read. */
  private List<String> segmentFiles(String text) {
    try {
      return ScheduleFile.parse(text, "check", facts()).programmes().stream()
          .flatMap(p -> p.segments().stream())
          .flatMap(s -> s instanceof io.loaxa.schedules.Segment.File f ? java.util.stream.Stream.of(f.path())
              : s instanceof io.loaxa.schedules.Segment.Speech sp ? java.util.stream.Stream.of(sp.path())
              : java.util.stream.Stream.empty())
          .toList();
    } catch (SourceException e) {
      return List.of(); // the import below reports every problem
    }
  }

  private void requireVersion(Context ctx, String current) {
    String given = Optional.ofNullable(ctx.header("If-Match")).or(() -> Optional.ofNullable(ctx.queryParam("version")))
        .map(v -> v.strip().replaceFirst("^W/", "").replace("\"", "")).orElse("");
    if (given.isEmpty()) {
      throw new ApiException(428, "cần phiên bản lịch đang sửa: gửi If-Match hoặc ?version= (the version being edited is "
          + "required: send If-Match or ?version=)", "If-Match");
    }
    if (!given.equals(current)) {
      throw new ApiException(409, "lịch đã được người khác sửa (phiên bản " + current + "); tải lại rồi sửa lại — "
          + "không có gì thay đổi (the schedule was changed meanwhile; reload and edit again — nothing was changed)",
          "version");
    }
  }

  /** A schedule's version: the start of the SHA-256 of its stored text. */
  static String version(Optional<ScheduleStore.Stored> stored) {
    if (stored.isEmpty()) {
      return NO_SCHEDULE;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(stored.get().text().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode tree(Optional<ScheduleStore.Stored> stored) {
    if (stored.isEmpty()) {
      return ScheduleTree.empty();
    }
    try {
      return ScheduleTree.read(stored.get().text(), "stored schedule");
    } catch (SourceException e) {
      throw new IllegalStateException("the stored schedule does not read: " + e.getMessage(), e);
    }
  }

  private Schedule schedule() {
    return planner.current().orElse(Schedule.empty());
  }

  private StationFacts facts() {
    return planner.facts();
  }

  private io.loaxa.schedules.CheckOptions checks() {
    return SchedulePlanner.checkOptions(config, dataDir, today());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), config.timeZone());
  }

  private static Optional<LocalDate> date(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "'" + field + "' phải là ngày YYYY-MM-DD, ví dụ 2026-12-07 (must be a date YYYY-MM-DD)", field);
    }
  }
}
