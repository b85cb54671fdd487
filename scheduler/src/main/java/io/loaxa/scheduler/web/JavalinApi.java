package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiServer.CSRF_HEADER;
import static io.loaxa.scheduler.web.ApiServer.LOCAL_ADMIN;
import static io.loaxa.scheduler.web.ApiServer.MAX_BODY;
import static io.loaxa.scheduler.web.ApiServer.SESSION_COOKIE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.util.ConcurrencyUtil;
import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.accounts.Account;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.web.ApiServer.Principal;
import io.loaxa.scheduler.web.ApiServer.Station;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.PlannedAiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web stack behind {@link ApiServer}'s sockets: Javalin on Jetty with the built-in routes and
 * the route groups, JSON through Jackson. Built on the first connection, on the sockets the server
 * bound at start; the only class that builds Javalin or Jetty.
 */
final class JavalinApi {
  private static final Logger LOG = LoggerFactory.getLogger(JavalinApi.class);
  private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
  // Requests are short (JSON, a page, an upload of a few MiB) and a station has a handful of people;
  // the pages' event streams are asynchronous and hold no worker. With 8 workers, 50 dashboards
  // polling at once queue for a few milliseconds instead of starting 200 threads (Javalin's default
  // pool grows to 250) that would fight the audio and relay threads for the 2 cores.
  static final int WORKERS = 8;
  // each listener takes one acceptor and one selector thread from the pool: loopback and configured
  private static final int THREADS_PER_LISTENER = 2;
  private static final int LISTENERS = 2;
  private static final Set<Role> ANY = EnumSet.allOf(Role.class);
  private static final Set<Role> OPERATE = EnumSet.of(Role.ADMIN, Role.OPERATOR);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> READ_LOG = EnumSet.of(Role.ADMIN, Role.OFFICER);
  private static final Set<String> AIR_FIELDS = Set.of("file", "programme", "zones", "priority", "at", "rebroadcast",
      "length", "text", "every", "count", "until");

  static {
    // Jetty sizes its padding from the reference width and, unless told, asks the platform MBean
    // server for it: that loads JMX (some 200 classes, ~2 MiB resident) into a daemon with no other
    // use for it. References are compressed below a 32 GiB heap; Jetty assumes 64-byte cache lines.
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE,
          String.valueOf(64 / (Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8)));
    }
  }
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiServer api;
  private final Station station;
  private final Sessions sessions;
  private final List<RouteGroup> groups;
  private final Javalin app;
  private Server server;
  private HttpConfiguration httpConfig;
  // assembled on its first request: the JSON tree and printer it needs are not loaded before
  private byte[] openApi;

  private JavalinApi(ApiServer api, List<RouteGroup> groups, List<ApiServer.Listener> listeners) {
    this.api = api;
    this.station = api.station();
    this.sessions = api.sessions();
    this.groups = groups;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = ApiServer.MAX_BODY;
      config.jetty.threadPool = ConcurrencyUtil.jettyThreadPool("api", THREADS_PER_LISTENER,
          WORKERS + LISTENERS * THREADS_PER_LISTENER, false);
      config.jetty.modifyServer(s -> server = s);
      for (ApiServer.Listener l : listeners) {
        config.jetty.addConnector((s, http) -> {
          httpConfig = http;
          return connector(s, http, l);
        });
      }
      routes(config.routes);
    });
  }

  /** Builds and starts the stack on {@code listeners}, already bound; they belong to Jetty from now on. */
  static JavalinApi start(ApiServer api, List<RouteGroup> groups, List<ApiServer.Listener> listeners) {
    JavalinApi http = new JavalinApi(api, groups, listeners);
    http.app.start();
    return http;
  }

  /** Serves on one more bound socket (the configured address, once an admin exists). */
  synchronized void listen(ApiServer.Listener listener) throws Exception {
    ServerConnector c = connector(server, httpConfig, listener);
    server.addConnector(c);
    c.start();
  }

  void stop() {
    app.stop();
  }

  private ServerConnector connector(Server s, HttpConfiguration base, ApiServer.Listener l) {
    HttpConfiguration http = new HttpConfiguration(base);
    http.setSendServerVersion(false);
    ServerConnector c;
    if (l.tls().isPresent()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(api.keystore(l.tls().get()).toString());
      ssl.setKeyStorePassword(l.tls().get().password());
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      c = new ServerConnector(s, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      c = new ServerConnector(s, 1, 1, new HttpConnectionFactory(http));
    }
    try {
      c.open(l.channel());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  // ---- routes ---------------------------------------------------------------------------------

  private interface Action extends Routes.Action {}

  synchronized byte[] openApi() throws IOException {
    if (openApi == null) {
      openApi = openApi(groups, station.airs());
    }
    return openApi;
  }

  /** The document at {@code /api/openapi.json}: the built-in paths and every group's own. */
  private static byte[] openApi(List<RouteGroup> groups, boolean airs) throws IOException {
    ObjectNode doc;
    try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
      doc = (ObjectNode) JSON.readTree(in);
    }
    if (!airs) {
      ((ObjectNode) doc.with("paths")).remove(Station.ON_AIR_PATHS);
    }
    for (RouteGroup g : groups) {
      String name = g.getClass().getSimpleName() + ".openapi.json";
      try (InputStream in = g.getClass().getResourceAsStream(name)) {
        if (in == null) {
          continue;
        }
        JsonNode part = JSON.readTree(in);
        if (part.has("paths")) {
          ((ObjectNode) doc.with("paths")).setAll((ObjectNode) part.get("paths"));
        }
        if (part.has("schemas")) {
          ((ObjectNode) doc.with("components").with("schemas")).setAll((ObjectNode) part.get("schemas"));
        }
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
  }

  /** The {@link Routes} a group registers through: every route guarded, audited and answered in the one shape. */
  private final class GroupRoutes implements Routes {
    private final io.javalin.config.RoutesConfig r;

    GroupRoutes(io.javalin.config.RoutesConfig r) {
      this.r = r;
    }

    @Override
    public void get(String path, Set<Role> roles, Routes.Action action) {
      route(r, "get", path, guarded(roles, false, action::run));
    }

    @Override
    public void post(String path, Set<Role> roles, Routes.Action action) {
      route(r, "post", path, guarded(roles, true, action::run));
    }

    @Override
    public void put(String path, Set<Role> roles, Routes.Action action) {
      route(r, "put", path, guarded(roles, true, action::run));
    }

    @Override
    public void delete(String path, Set<Role> roles, Routes.Action action) {
      route(r, "delete", path, guarded(roles, true, action::run));
    }

    @Override
    public void open(String method, String path, io.javalin.http.Handler handler) {
      route(r, method, path, handler);
    }

    @Override
    public void audit(Context ctx, Principal who, String action, String before, String after, boolean allowed) {
      JavalinApi.this.audit(ctx, who, action, before, after, allowed);
    }

    @Override
    public Optional<Principal> who(Context ctx) {
      return principal(ctx);
    }

    @Override
    public boolean stillOpen(Principal who) {
      return who.session().map(s -> sessions.alive(s.id())).orElse(!api.closed());
    }
  }

  private final List<String> registered = new ArrayList<>();

  /** Every route as "METHOD PATH", for the check that the OpenAPI document names them all. */
  List<String> registered() {
    return List.copyOf(registered);
  }

  private void route(io.javalin.config.RoutesConfig r, String method, String path, io.javalin.http.Handler h) {
    registered.add(method.toUpperCase(Locale.ROOT) + " " + path);
    switch (method) {
      case "get" -> r.get(path, h);
      case "post" -> r.post(path, h);
      case "put" -> r.put(path, h);
      case "patch" -> r.patch(path, h);
      case "delete" -> r.delete(path, h);
      default -> throw new IllegalArgumentException(method);
    }
  }

  private void routes(io.javalin.config.RoutesConfig r) {
    route(r, "get", "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
    route(r, "post", "/api/login", ctx -> safely(ctx, () -> login(ctx)));
    route(r, "get", "/setup", ctx -> safely(ctx, () -> setupForm(ctx)));
    route(r, "post", "/setup", ctx -> safely(ctx, () -> setup(ctx)));
    route(r, "post", "/api/logout", guarded(ANY, true, (ctx, who) -> {
      who.session().ifPresent(s -> sessions.close(s.id()));
      return Map.of("ok", true);
    }));
    route(r, "get", "/api/session", guarded(ANY, false, (ctx, who) -> Map.of("name", who.name(), "role", who.role().configName(),
        "csrf", who.session().map(Sessions.Session::csrf).orElse(""))));
    if (station.airs()) {
      route(r, "get", "/api/status", guarded(ANY, false, (ctx, who) -> status()));
      route(r, "get", "/api/zones/status", guarded(ANY, false, (ctx, who) -> Map.of("text", station.zones().status())));
      route(r, "post", "/api/zones", guarded(OPERATE, true, (ctx, who) -> zones(ctx, who)));
      route(r, "post", "/api/air", guarded(OPERATE, true, (ctx, who) -> air(ctx, who)));
      route(r, "post", "/api/air/cancel", guarded(OPERATE, true, (ctx, who) -> {
        ObjectNode body = body(ctx, Set.of("rule"));
        String rule = text(body, "rule").orElseThrow(() -> new ApiException(400, "thiếu 'rule' (rule is required)", "rule"));
        String result = station.manual().cancel(rule.strip());
        audit(ctx, who, "air.cancel", rule, result, true);
        return Map.of("text", result);
      }));
    }
    route(r, "get", "/api/users", guarded(ADMIN, false, (ctx, who) -> users()));
    route(r, "post", "/api/users", guarded(ADMIN, true, (ctx, who) -> {
      ObjectNode body = body(ctx, Set.of("name", "role", "password"));
      String name = text(body, "name").orElseThrow(() -> new ApiException(400, "thiếu 'name' (name is required)", "name"));
      Role role = field("role", () -> Role.parse(text(body, "role").orElse("")));
      String password = text(body, "password").orElse("");
      field("password", () -> {
        station.accounts().add(name, role, password, who.name(), ctx.ip());
        return null;
      });
      api.openConfigured();
      return Map.of("name", name, "role", role.configName());
    }));
    route(r, "delete", "/api/users/{name}", guarded(ADMIN, true, (ctx, who) -> {
      String name = ctx.pathParam("name");
      station.accounts().remove(name, who.name(), ctx.ip());
      sessions.closeAll(name);
      return Map.of("removed", name);
    }));
    route(r, "get", "/api/audit", guarded(READ_LOG, false, (ctx, who) -> audit(ctx)));
    GroupRoutes more = new GroupRoutes(r);
    for (RouteGroup g : groups) {
      g.register(more);
    }
    r.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, "không có đường dẫn này (no such path)", null);
      }
    });
    r.error(405, ctx -> error(ctx, 405, "phương thức không được phép (method not allowed)", null));
    r.error(413, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 413, "yêu cầu quá lớn (request too large)", null);
      }
    });
    r.exception(Exception.class, (e, ctx) -> {
      LOG.error("API request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "lỗi bên trong (internal error)", null);
    });
  }

  private interface Body {
    Object run() throws Exception;
  }

  private void safely(Context ctx, Body body) {
    try {
      reply(ctx, 200, body.run());
    } catch (ApiException e) {
      error(ctx, e.status, e.getMessage(), e.field, e.line, e.problems);
    } catch (UserError e) {
      error(ctx, 400, e.getMessage(), null);
    } catch (io.javalin.http.HttpResponseException e) {
      error(ctx, e.getStatus(), e.getStatus() == 413 ? "yêu cầu quá lớn (request too large)" : e.getMessage(), null);
    } catch (Exception e) {
      LOG.error("API request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "lỗi bên trong (internal error)", null);
    }
  }

  private io.javalin.http.Handler guarded(Set<Role> roles, boolean changes, Routes.Action action) {
    return ctx -> safely(ctx, () -> {
      Principal who = principal(ctx).orElseThrow(() -> new ApiException(401, "cần đăng nhập (login required)"));
      if (!roles.contains(who.role())) {
        audit(ctx, who, ctx.method() + " " + ctx.path(), "", "role " + who.role().configName() + " refused", false);
        throw new ApiException(403, "vai trò " + who.role().configName() + " không được làm việc này (role not allowed)");
      }
      if (changes && who.session().isPresent()) {
        String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElse("");
        if (!equal(given, who.session().get().csrf())) {
          audit(ctx, who, ctx.method() + " " + ctx.path(), "", "missing or wrong CSRF token", false);
          throw new ApiException(403, "thiếu hoặc sai mã CSRF (missing or wrong CSRF token)", CSRF_HEADER);
        }
      }
      return action.run(ctx, who);
    });
  }

  private Optional<Principal> principal(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      // the local credential counts only on the loopback connector, from a loopback address
      if (ctx.req().getLocalPort() == api.localPort() && loopback(ctx.req().getRemoteAddr())
          && equal(auth.substring(7).strip(), api.localToken())) {
        return Optional.of(new Principal(LOCAL_ADMIN, Role.ADMIN, Optional.empty()));
      }
      return Optional.empty();
    }
    return sessions.find(ctx.cookie(SESSION_COOKIE))
        .map(s -> new Principal(s.account(), s.role(), Optional.of(s)));
  }

  private Object login(Context ctx) {
    ObjectNode body = body(ctx, Set.of("name", "password"));
    String name = text(body, "name").orElse("");
    String password = text(body, "password").orElse("");
    AccountService.Login result = station.accounts().login(name, password, ctx.ip());
    if (result instanceof AccountService.Login.Locked locked) {
      throw new ApiException(429, "tạm khóa đăng nhập do sai nhiều lần, thử lại sau " + locked.until()
          + " (too many failed logins; locked)");
    }
    if (!(result instanceof AccountService.Login.Ok ok)) {
      throw new ApiException(401, "sai tên hoặc mật khẩu (wrong name or password)");
    }
    Sessions.Session s = sessions.open(ok.account().name(), ok.account().role());
    Cookie cookie = new Cookie(SESSION_COOKIE, s.id());
    cookie.setHttpOnly(true);
    cookie.setSecure(ctx.req().isSecure());
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setMaxAge((int) Sessions.MAX_AGE.toSeconds());
    ctx.cookie(cookie);
    return Map.of("name", s.account(), "role", s.role().configName(), "csrf", s.csrf());
  }

  private Object setupForm(Context ctx) {
    checkSetup(ctx, ctx.queryParam("token"));
    ctx.contentType("text/html; charset=utf-8");
    return new Html("<!doctype html><meta charset=utf-8><title>loaxa</title><h1>Tạo tài khoản quản trị đầu tiên</h1>"
        + "<form method=post action=/setup><input type=hidden name=token value=\"" + ctx.queryParam("token") + "\">"
        + "<p>Tên <input name=name required> <p>Mật khẩu <input type=password name=password required minlength="
        + AccountService.MIN_PASSWORD + "> <p><button>Tạo</button></form>");
  }

  private synchronized Object setup(Context ctx) {
    String token = ctx.formParam("token");
    checkSetup(ctx, token);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    station.accounts().add(name, Role.ADMIN, password, "setup-link", ctx.ip());
    api.setupTokenRef().set(null);
    api.openConfigured();
    return Map.of("name", name, "role", Role.ADMIN.configName());
  }

  private void checkSetup(Context ctx, String token) {
    String expected = api.setupTokenRef().get();
    if (!loopback(ctx.req().getRemoteAddr()) || expected == null || token == null || !equal(token, expected)
        || station.accounts().anyAdmin()) {
      station.accounts().audit().record("setup-link", ctx.ip(), "setup", "", "refused", false);
      throw new ApiException(403, "liên kết cài đặt không hợp lệ hoặc đã dùng (setup link invalid or used)");
    }
  }

  private Object status() {
    ObjectNode out = JSON.createObjectNode();
    out.put("station", station.name());
    ArrayNode zones = out.putArray("zones");
    StringBuilder text = new StringBuilder("station: " + station.name() + "\n");
    station.switchboard().status().forEach((zone, state) -> {
      String s = state.map(on -> on ? "on" : "off").orElse("unknown");
      zones.addObject().put("zone", zone.toString()).put("state", s);
      text.append("zone ").append(zone).append(": ").append(s).append('\n');
    });
    ArrayNode next = out.putArray("next");
    for (PlannedAiring a : station.daemon().upcoming(10)) {
      next.addObject().put("startsAt", a.startsAt().toString()).put("programme", a.programme().toString())
          .put("zones", a.zones().toString()).put("key", a.key().toString());
      text.append("next ").append(a.startsAt()).append(' ').append(a.programme()).append(' ').append(a.zones()).append('\n');
    }
    out.put("text", text.toString());
    return out;
  }

  private Object zones(Context ctx, Principal who) {
    ObjectNode body = body(ctx, Set.of("action", "zones"));
    String action = text(body, "action").orElse("");
    if (!Set.of("on", "off", "all-off").contains(action)) {
      throw new ApiException(400, "'action' phải là on, off hoặc all-off (action must be on, off or all-off)", "action");
    }
    String list = text(body, "zones").orElse("");
    String before = station.zones().status();
    String result = station.zones().act(list.isEmpty() ? Map.of("action", action) : Map.of("action", action, "zones", list));
    audit(ctx, who, "zones " + action + " " + list, before, result, true);
    return Map.of("text", result);
  }

  private Object air(Context ctx, Principal who) throws InterruptedException {
    ObjectNode b = body(ctx, AIR_FIELDS);
    AirRequest request = new AirRequest(text(b, "file"), text(b, "programme"), text(b, "zones").orElse("all"),
        text(b, "priority").orElse("normal"), text(b, "at"), text(b, "rebroadcast"), text(b, "length"), text(b, "text"),
        text(b, "every"), text(b, "count"), text(b, "until"));
    ManualAiring.Series series = station.manual().planSeries(request);
    audit(ctx, who, "air", "", b.toString(), true);
    if (series.airings().size() > 1) {
      station.daemon().refresh(); // the repeats go to the triggers now, not at the next tick
    }
    PlannedAiring airing = series.airings().get(0);
    Optional<Outcome> outcome = station.runner().runWhenDue(airing.key(), Trigger.MANUAL);
    return Map.of("progress", series.describe(station.timeZone()), "key", airing.key().toString(),
        "outcome", outcome.map(Outcome::name).orElse("NOT_AIRED"));
  }

  private Object users() {
    ArrayNode out = JSON.createArrayNode();
    for (Account a : station.accounts().all()) {
      out.addObject().put("name", a.name()).put("role", a.role().configName()).put("createdAt", a.createdAt().toString());
    }
    return out;
  }

  private Object audit(Context ctx) {
    Instant from = instant(ctx.queryParam("from"), "from", Instant.EPOCH);
    Instant to = instant(ctx.queryParam("to"), "to", station.clock().instant().plusSeconds(1));
    List<AuditEntry> entries = station.accounts().audit().between(from, to);
    if ("csv".equals(ctx.queryParam("format"))) {
      ctx.contentType("text/csv; charset=utf-8");
      return new Html(AuditCsv.write(entries));
    }
    ArrayNode out = JSON.createArrayNode();
    for (AuditEntry e : entries) {
      out.addObject().put("id", e.id()).put("at", e.at().toString()).put("who", e.who()).put("address", e.address())
          .put("action", e.action()).put("before", e.before()).put("after", e.after()).put("allowed", e.allowed());
    }
    return out;
  }

  private static Instant instant(String text, String field, Instant otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "'" + field + "' không phải thời điểm như 2026-12-01T00:00:00Z (not an instant)", field);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** A reply that is already text (HTML, CSV), sent as is. */
  private record Html(String text) {}

  interface Check<T> {
    T run();
  }

  /** Runs {@code check}; a {@link UserError} in it becomes a 400 naming {@code name}. */
  static <T> T field(String name, Check<T> check) {
    try {
      return check.run();
    } catch (UserError e) {
      throw new ApiException(400, e.getMessage(), name);
    }
  }

  private void audit(Context ctx, Principal who, String action, String before, String after, boolean allowed) {
    station.accounts().audit().record(who.name(), ctx.ip(), action, before, after, allowed);
  }

  /** The request's JSON object, with every key one of {@code known}. */
  static ObjectNode body(Context ctx, Set<String> known) {
    byte[] bytes = ctx.bodyAsBytes();
    return parseBody(bytes, known);
  }

  /** Parses a request body: a JSON object whose keys are all known and whose values are strings, numbers or booleans. */
  static ObjectNode parseBody(byte[] bytes, Set<String> known) {
    if (bytes.length > MAX_BODY) {
      throw new ApiException(413, "yêu cầu quá lớn (request too large)");
    }
    JsonNode node;
    try {
      node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
      throw new ApiException(400, "nội dung không phải JSON hợp lệ (the body is not valid JSON)", null, line);
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "nội dung phải là một đối tượng JSON (the body must be a JSON object)");
    }
    ObjectNode object = (ObjectNode) node;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) {
        throw new ApiException(400, "trường không biết '" + e.getKey() + "' (unknown field)", e.getKey());
      }
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new ApiException(400, "trường '" + e.getKey() + "' phải là chữ hoặc số (must be text or a number)", e.getKey());
      }
    }
    return object;
  }

  static Optional<String> text(ObjectNode body, String key) {
    JsonNode v = body.get(key);
    return v == null ? Optional.empty() : Optional.of(v.asText());
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean loopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void reply(Context ctx, int status, Object value) throws IOException {
    ctx.status(status);
    if (value instanceof Routes.Download d) {
      ctx.contentType(d.contentType());
      if (d.fileName() != null) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName().replaceAll("[^A-Za-z0-9._-]", "_")
            + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
      }
      ctx.result(d.bytes());
      return;
    }
    if (value instanceof Html html) {
      if (ctx.res().getContentType() == null) {
        ctx.contentType("text/plain; charset=utf-8");
      }
      ctx.result(html.text().getBytes(StandardCharsets.UTF_8));
      return;
    }
    ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(value));
  }

  /** The one error shape: {@code {"error": …, "field": …, "line": …}}; English with {@code Accept-Language: en}. */
  static void error(Context ctx, int status, String message, String field) {
    error(ctx, status, message, field, null);
  }

  static void error(Context ctx, int status, String message, String field, Integer line) {
    error(ctx, status, message, field, line, List.of());
  }

  /** The one error shape, with every problem listed under {@code problems} when there are several. */
  static void error(Context ctx, int status, String message, String field, Integer line, List<Map<String, Object>> problems) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", inLanguage(message, ctx.header("Accept-Language")));
    out.put("field", field);
    if (line == null) {
      out.putNull("line");
    } else {
      out.put("line", line);
    }
    if (!problems.isEmpty()) {
      ArrayNode list = out.putArray("problems");
      for (Map<String, Object> p : problems) {
        ObjectNode one = JSON.valueToTree(p);
        if (one.has("error")) {
          one.put("error", inLanguage(one.get("error").asText(), ctx.header("Accept-Language")));
        }
        list.add(one);
      }
    }
    ctx.status(status);
    try {
      ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(out));
    } catch (JsonProcessingException e) {
      ctx.result("{\"error\":\"internal error\",\"field\":null,\"line\":null}");
    }
  }

  /** A message written "Vietnamese (English)": the English part alone when the client asks for English. */
  static String inLanguage(String message, String acceptLanguage) {
    if (acceptLanguage == null || !acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
      return message;
    }
    return Bilingual.english(message);
  }

}
