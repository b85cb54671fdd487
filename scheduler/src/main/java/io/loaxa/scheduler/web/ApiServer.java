package io.loaxa.scheduler.web;

import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP API. Two listening sockets: a plain one on an ephemeral loopback port for the
 * local CLI (its port and credential go to the control file), and the one the station config names
 * ({@code web.listen}, HTTPS with {@code web.tls}). The configured one opens beyond loopback only
 * once an admin account exists; until then the log shows a one-time setup link valid from localhost.
 *
 * <p>The sockets are bound at start, but the web stack behind them ({@link JavalinApi}: Javalin,
 * Jetty, Jackson, the route groups) is built when the first connection arrives, which on a station
 * may be days later: an idle daemon neither loads nor keeps its thousand classes. Connections that
 * wait in the backlog meanwhile are accepted by Jetty; the first request takes a second or two more.
 * This class therefore names none of the web stack's types.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  static final String SESSION_COOKIE = "loaxa_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String LOCAL_ADMIN = "local-admin";
  static final long MAX_BODY = 1024 * 1024;

  /** What the API works on: the parts of the running station it reaches. */
  public record Station(String name, ZoneId timeZone, Path dataDir, ManualAiring manual, AiringRunner runner,
      ZoneControl zones, Switchboard switchboard, Daemon daemon, AccountService accounts, Clock clock) {
    /** The paths that act on a station's own air and lines: served only where there is one. */
    static final Set<String> ON_AIR_PATHS = Set.of("/api/status", "/api/zones/status", "/api/zones", "/api/air",
        "/api/air/cancel");

    /**
     * A server with accounts and route groups but no air of its own (the province hub): no runner,
     * lines or schedule, so the paths that would act on them are not served at all.
     */
    public static Station withoutAir(String name, ZoneId timeZone, Path dataDir, AccountService accounts, Clock clock) {
      return new Station(name, timeZone, dataDir, null, null, null, null, null, accounts, clock);
    }

    /** True when this server fronts a station that airs: its runner, lines and daemon are there. */
    boolean airs() {
      return manual != null && runner != null && zones != null && switchboard != null && daemon != null;
    }
  }

  /** Who makes a request: an account with a session, or the local CLI. */
  public record Principal(String name, Role role, Optional<Sessions.Session> session) {}

  /** A bound listening socket and whether it speaks TLS (with the keystore then) or plain HTTP. */
  record Listener(ServerSocketChannel channel, Optional<WebConfig.Tls> tls) {
    int port() {
      return channel.socket().getLocalPort();
    }
  }

  private final Station station;
  private final WebConfig web;
  private final Supplier<List<RouteGroup>> groups;
  private final Sessions sessions;
  private final String localToken;
  private final AtomicReference<String> setupToken = new AtomicReference<>();
  private final long pid = ProcessHandle.current().pid();
  private final Listener local;
  // every socket bound so far, handed to the web stack when it is built
  private final List<Listener> listeners = new ArrayList<>();
  private final FirstConnection firstConnection;
  private final Object building = new Object();
  private Optional<Integer> lan = Optional.empty();
  private JavalinApi http;
  private boolean closed;
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "api-admin-watch");
    t.setDaemon(true);
    return t;
  });

  private ApiServer(Station station, WebConfig web, Supplier<List<RouteGroup>> groups) throws IOException {
    this.station = station;
    this.groups = groups;
    this.web = web;
    this.sessions = new Sessions(station.clock());
    this.localToken = Sessions.token();
    this.local = new Listener(bind(InetAddress.getLoopbackAddress().getHostAddress(), 0), Optional.empty());
    listeners.add(local);
    this.firstConnection = new FirstConnection(this::build);
  }

  /**
   * Starts the API and writes the control file into the data folder.
   *
   * @throws IOException when the control file cannot be written or the loopback port not bound
   */
  public static ApiServer start(Station station, WebConfig web) throws IOException {
    return start(station, web, List.of());
  }

  /**
   * Starts the API with more route groups beside the built-in ones.
   *
   * @throws IOException when the control file cannot be written or the loopback port not bound
   */
  public static ApiServer start(Station station, WebConfig web, List<RouteGroup> groups) throws IOException {
    List<RouteGroup> fixed = List.copyOf(groups);
    return start(station, web, () -> fixed);
  }

  /**
   * Starts the API with more route groups beside the built-in ones, asked of {@code groups} once, on
   * the first connection (from the thread that noticed it), so an idle station never builds them.
   *
   * @throws IOException when the control file cannot be written or the loopback port not bound
   */
  public static ApiServer start(Station station, WebConfig web, Supplier<List<RouteGroup>> groups) throws IOException {
    ApiServer api = new ApiServer(station, web, groups);
    try {
      api.firstConnection.watch(api.local.channel());
      api.firstConnection.start();
      new ControlFile(api.pid, api.local.port(), api.localToken).write(station.dataDir());
    } catch (IOException | RuntimeException e) {
      api.close();
      throw e;
    }
    LOG.info("API for the local command line on 127.0.0.1:{}", api.local.port());
    api.openConfigured();
    if (api.lan.isEmpty()) {
      // an admin made with 'loaxa user add' beside the running daemon opens the configured address
      api.watcher.scheduleWithFixedDelay(api::openConfigured, 5, 5, TimeUnit.SECONDS);
    }
    return api;
  }

  /** The configured listener's port, when it is open. */
  public Optional<Integer> port() {
    synchronized (this) {
      return lan;
    }
  }

  /** The local listener's port. */
  public int localPort() {
    return local.port();
  }

  /** The one-time setup link's token while no admin exists. */
  Optional<String> setupToken() {
    return Optional.ofNullable(setupToken.get());
  }

  /** Every route as "METHOD PATH", for the check that the OpenAPI document names them all; builds the stack if need be. */
  List<String> registered() {
    build();
    synchronized (this) {
      if (http == null) {
        throw new IllegalStateException("the web stack is not running");
      }
      return http.registered();
    }
  }

  Station station() {
    return station;
  }

  Sessions sessions() {
    return sessions;
  }

  String localToken() {
    return localToken;
  }

  AtomicReference<String> setupTokenRef() {
    return setupToken;
  }

  synchronized boolean closed() {
    return closed;
  }

  synchronized void openConfigured() {
    if (lan.isPresent() || closed) {
      return;
    }
    if (!web.loopbackOnly() && !station.accounts().anyAdmin()) {
      if (setupToken.get() != null) {
        return;
      }
      String token = Sessions.token();
      setupToken.set(token);
      LOG.warn("không lắng nghe trên {}:{} khi chưa có tài khoản quản trị (no admin account yet: the API stays on "
          + "localhost). Tạo bằng 'loaxa user add TÊN --role admin' hoặc mở liên kết một lần này trên máy đài: "
          + "http://127.0.0.1:{}/setup?token={}", web.host(), web.port(), local.port(), token);
      return;
    }
    if (web.loopbackOnly() && web.port() == 0 && web.tls().isEmpty()) {
      lan = Optional.of(local.port());
      if (!station.accounts().anyAdmin()) {
        logSetupLink();
      }
      return;
    }
    if (!station.accounts().anyAdmin()) {
      logSetupLink();
    }
    Listener listener;
    try {
      if (web.tls().isPresent()) {
        checkKeystore(web.tls().get());
      }
      listener = new Listener(bind(web.host(), web.port()), web.tls());
    } catch (IOException | GeneralSecurityException e) {
      LOG.error("cannot listen on {}:{}: {} — the API stays on localhost", web.host(), web.port(), e.getMessage());
      return;
    }
    listeners.add(listener);
    if (http == null) {
      firstConnection.watch(listener.channel());
    } else {
      try {
        http.listen(listener);
      } catch (Exception e) {
        closeQuietly(listener);
        LOG.error("cannot listen on {}:{}: {} — the API stays on localhost", web.host(), web.port(), e.getMessage());
        return;
      }
    }
    lan = Optional.of(listener.port());
    LOG.info("API on {}://{}:{}", web.tls().isPresent() ? "https" : "http", web.host(), listener.port());
  }

  private void logSetupLink() {
    String token = Sessions.token();
    setupToken.set(token);
    LOG.warn("chưa có tài khoản quản trị (no admin account yet): 'loaxa user add TÊN --role admin', hoặc liên kết một lần: "
        + "http://127.0.0.1:{}/setup?token={}", local.port(), token);
  }

  private static ServerSocketChannel bind(String host, int port) throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.bind(new InetSocketAddress(host, port));
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** A keystore that cannot be read is refused when the listener opens, as before, not at the first connection. */
  private void checkKeystore(WebConfig.Tls tls) throws IOException, GeneralSecurityException {
    KeyStore.getInstance(keystore(tls).toFile(), tls.password().toCharArray());
  }

  Path keystore(WebConfig.Tls tls) {
    return station.dataDir().resolve(tls.keystore());
  }

  /**
   * Builds the web stack on the sockets bound so far: once, on the first connection (or the first
   * call from elsewhere, which waits for it).
   */
  private void build() {
    // one builder at a time, so the route groups are asked for once; not this object's lock, which the
    // composition root may be waiting for while closing us as we ask it for the groups
    synchronized (building) {
      synchronized (this) {
        if (http != null || closed) {
          return;
        }
      }
      List<RouteGroup> more;
      try {
        more = List.copyOf(groups.get());
      } catch (RuntimeException e) {
        synchronized (this) {
          if (!closed) {
            refuse("its routes failed to build", e);
          }
        }
        return;
      }
      synchronized (this) {
        if (closed) {
          return;
        }
        long began = System.nanoTime();
        try {
          firstConnection.close();
          http = JavalinApi.start(this, more, List.copyOf(listeners));
          LOG.info("web API started on the first connection in {} ms", (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
          refuse("the web server did not start", e);
        }
      }
    }
  }

  /**
   * The stack cannot be built: its ports are closed, so a caller is refused at once rather than left
   * waiting in the backlog for a server that never comes.
   */
  private void refuse(String why, RuntimeException e) {
    LOG.error("the web API cannot start ({}); its ports are closed", why, e);
    firstConnection.close();
    listeners.forEach(ApiServer::closeQuietly);
  }

  private static void closeQuietly(Listener listener) {
    try {
      listener.channel().close();
    } catch (IOException e) {
      LOG.warn("closing the API's port {}: {}", listener.channel(), e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watcher.shutdownNow();
    firstConnection.close();
    ControlFile.remove(station.dataDir(), pid);
    if (http != null) {
      http.stop();
    }
    // Jetty closes the sockets it was given; these are the ones it never had, or all when it never ran
    listeners.forEach(ApiServer::closeQuietly);
  }
}
