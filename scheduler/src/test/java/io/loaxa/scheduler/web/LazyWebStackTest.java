package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.RecordingAiringTriggers;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.Station;
import io.loaxa.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's sockets are bound at start and the web stack behind them is built on the first
 * connection: whoever connects first, or together, or later on the configured address, is answered.
 */
class LazyWebStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "mat-khau-dai-1";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
  private final AtomicInteger groupsBuilt = new AtomicInteger();

  @TempDir
  Path data;

  private Station station;
  private Daemon daemon;
  private ApiServer api;

  private ApiServer start(WebConfig web) throws Exception {
    return start(web, false);
  }

  private ApiServer start(WebConfig web, boolean groupsFail) throws Exception {
    station = TestStations.station(data, clock, new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance),
        Duration.ZERO);
    daemon = station.daemon(new RecordingAiringTriggers());
    RouteGroup hello = routes -> routes.get("/api/hello", Routes.ANY, (ctx, who) -> java.util.Map.of("hello", who.name()));
    api = ApiServer.start(new ApiServer.Station("Thử", TestStations.HCM, data, station.manualAiring(), station.runner(),
        station.zoneControl(), station.switchboard(), daemon, station.accounts(), clock), web, () -> {
          groupsBuilt.incrementAndGet();
          if (groupsFail) {
            throw new IllegalStateException("a route group broke");
          }
          return List.of(hello);
        });
    return api;
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (station != null) {
      station.close();
    }
  }

  @Test
  void theControlFilesPortAnswersTheFirstRequestAndTheRouteGroupsAreBuiltOnlyThen() throws Exception {
    start(WebConfig.LOCAL_ONLY);
    ControlFile control = ControlFile.running(data).orElseThrow();
    assertEquals(api.localPort(), control.port());
    Thread.sleep(300); // nobody has connected: give a wrongly eager build the time to show itself
    assertEquals(0, groupsBuilt.get(), "no route group built before anyone connects");

    HttpResponse<String> status = get(control.port(), "/api/status", control.token());
    assertEquals(200, status.statusCode(), status.body());
    assertEquals("Thử", JSON.readTree(status.body()).path("station").asText());
    HttpResponse<String> hello = get(control.port(), "/api/hello", control.token());
    assertEquals(200, hello.statusCode(), hello.body());
    assertEquals(ApiServer.LOCAL_ADMIN, JSON.readTree(hello.body()).path("hello").asText());
    assertEquals(1, groupsBuilt.get(), "route groups built once");
  }

  @Test
  void connectionsMadeTogetherBeforeTheStackIsBuiltAreAllServed() throws Exception {
    start(WebConfig.LOCAL_ONLY);
    ControlFile control = ControlFile.running(data).orElseThrow();
    int clients = 12;
    List<Socket> sockets = new ArrayList<>();
    try {
      // every one connected (in the backlog) before any request is written
      for (int i = 0; i < clients; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), control.port());
        s.setSoTimeout(15_000);
        sockets.add(s);
      }
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> replies = new ArrayList<>();
      for (Socket s : sockets) {
        replies.add(pool.submit(() -> {
          go.await();
          return rawGet(s, "/api/session", control.token());
        }));
      }
      go.countDown();
      for (Future<String> reply : replies) {
        String text = reply.get(20, TimeUnit.SECONDS);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        assertTrue(text.contains("\"" + ApiServer.LOCAL_ADMIN + "\""), text);
      }
      pool.shutdownNow();
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    assertEquals(1, groupsBuilt.get());
  }

  @Test
  void theConfiguredAddressOpenedLaterByTheWatcherServesToo() throws Exception {
    start(new WebConfig("0.0.0.0", 0, Optional.empty()));
    assertTrue(api.port().isEmpty(), "not beyond localhost without an admin");
    station.accounts().add("quantri", Role.ADMIN, PASSWORD, "test", "localhost");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (api.port().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100); // the watcher looks every 5 s
    }
    int port = api.port().orElseThrow(() -> new AssertionError("the watcher did not open the configured address"));
    assertEquals(0, groupsBuilt.get(), "opening the address builds nothing either");

    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"quantri\",\"password\":\"" + PASSWORD + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, login.statusCode(), login.body());
    JsonNode who = JSON.readTree(login.body());
    assertEquals("admin", who.path("role").asText());
    // the local credential stays good only on the loopback port
    assertEquals(401, get(port, "/api/session", ControlFile.running(data).orElseThrow().token()).statusCode());
    assertEquals(200, get(api.localPort(), "/api/session", ControlFile.running(data).orElseThrow().token()).statusCode());
  }

  @Test
  void theConfiguredAddressOpenedAfterTheStackIsBuiltIsHandedToTheRunningServer() throws Exception {
    start(new WebConfig("0.0.0.0", 0, Optional.empty()));
    ControlFile control = ControlFile.running(data).orElseThrow();
    assertEquals(200, get(control.port(), "/api/session", control.token()).statusCode());
    assertEquals(1, groupsBuilt.get());
    station.accounts().add("quantri", Role.ADMIN, PASSWORD, "test", "localhost");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (api.port().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100); // the watcher looks every 5 s
    }
    int port = api.port().orElseThrow(() -> new AssertionError("the watcher did not open the configured address"));
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"quantri\",\"password\":\"" + PASSWORD + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, login.statusCode(), login.body());
    assertEquals(1, groupsBuilt.get(), "the running stack is reused");
  }

  @Test
  void routesThatFailToBuildCloseThePortsInsteadOfLeavingTheFirstCallerWaiting() throws Exception {
    start(WebConfig.LOCAL_ONLY, true);
    int port = api.localPort();
    HttpClient patient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long t0 = System.nanoTime();
    IOException refused = assertThrows(IOException.class, () -> patient.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).timeout(Duration.ofSeconds(30))
            .GET().build(), HttpResponse.BodyHandlers.ofString()));
    assertTrue(!(refused instanceof java.net.http.HttpTimeoutException), "answered by a reset, not a timeout: " + refused);
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "the caller was not left waiting");
    assertEquals(1, groupsBuilt.get());
    assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
        "the port is closed");
  }

  @Test
  void closingBeforeAnyConnectionReleasesThePorts() throws Exception {
    start(new WebConfig("127.0.0.1", freePort(), Optional.empty()));
    int local = api.localPort();
    int configured = api.port().orElseThrow();
    api.close();
    assertTrue(ControlFile.running(data).isEmpty(), "the control file is gone");
    for (int port : List.of(local, configured)) {
      assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
          "port " + port + " refused");
      try (ServerSocket again = new ServerSocket()) {
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      }
    }
    assertEquals(0, groupsBuilt.get());
  }

  private HttpResponse<String> get(int port, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** One HTTP/1.1 request on an open socket; the whole reply as text. */
  private static String rawGet(Socket s, String path, String token) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
