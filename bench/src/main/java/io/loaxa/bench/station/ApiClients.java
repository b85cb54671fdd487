package io.loaxa.bench.station;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The office's browsers for {@code bench api}, in a process of their own as they are on machines of
 * their own: {@code clients} officers log in, wait for a line on standard input, then each loop
 * status → a page of a day of the log (every third question narrowed by category, hamlet or
 * outcome) with no pause for a set time, and print requests a second and p50/p95/p99 per route.
 *
 * <p>Arguments: the API's base address, the number of clients, the seconds they poll.
 */
public final class ApiClients {
  static final String PASSWORD = "mat-khau-do-hieu-nang";
  static final String LOGGED_IN = "logged in:";
  private static final List<String> CATEGORIES = List.of("cchc", "thoi-su", "phap-luat", "pctt", "y-te");
  private static final List<String> OUTCOMES = List.of("COMPLETED", "PARTIAL", "FAILED,MISSED", "PREEMPTED");

  private ApiClients() {}

  /** A logged-in officer's client: its own connection and cookie. */
  record Client(HttpClient http, String cookie) {}

  /** One kind of request and what its calls took. */
  private static final class Route {
    final String name;
    final List<Long> nanos = new ArrayList<>();
    long failed;

    Route(String name) {
      this.name = name;
    }

    synchronized void add(long n, boolean ok) {
      nanos.add(n);
      if (!ok) {
        failed++;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ApiClients BASE CLIENTS SECONDS");
      System.exit(2);
    }
    String base = args[0];
    int clients = Integer.parseInt(args[1]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    List<Client> logged = new ArrayList<>();
    long l0 = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      logged.add(login(base));
    }
    out.printf(Locale.ROOT, "%s %d logins in %.1f s (Argon2id each)%n", LOGGED_IN, clients, (System.nanoTime() - l0) / 1e9);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (in.readLine() == null) {
      return; // the bench ended before the load phase
    }
    load(out, base, logged, length);
  }

  static Client login(String base) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"canbo\",\"password\":\"" + PASSWORD + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login refused: " + r.body());
    }
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Client(http, cookie.substring(0, cookie.indexOf(';')));
  }

  static boolean get(Client c, String url) {
    try {
      HttpResponse<byte[]> r = c.http().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", c.cookie())
          .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A page of the log as an officer asks it: a day of 2024, every third question narrowed by one filter. */
  private static String logQuery(Random random) {
    LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366));
    StringBuilder q = new StringBuilder("/api/log?from=" + day + "&to=" + day + "&page=" + (1 + random.nextInt(3)));
    switch (random.nextInt(9)) {
      case 0 -> q.append("&category=").append(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
      case 1 -> q.append("&zone=").append(ReportBench.station().hamlets().get(random.nextInt(20)).key());
      case 2 -> q.append("&outcome=").append(OUTCOMES.get(random.nextInt(OUTCOMES.size())));
      default -> { }
    }
    return q.toString();
  }

  private static void load(PrintWriter out, String base, List<Client> logged, Duration length) throws Exception {
    Route status = new Route("GET /api/status");
    Route log = new Route("GET /api/log (a day, page of 50)");
    ExecutorService pool = Executors.newFixedThreadPool(logged.size());
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    for (int i = 0; i < logged.size(); i++) {
      Client c = logged.get(i);
      Random random = new Random(16 + i);
      pool.submit(() -> {
        go.await();
        long end = window[1];
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          boolean ok = get(c, base + "/api/status");
          status.add(System.nanoTime() - s, ok);
          s = System.nanoTime();
          ok = get(c, base + logQuery(random));
          log.add(System.nanoTime() - s, ok);
        }
        return null;
      });
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + length.toNanos();
    go.countDown();
    pool.shutdown();
    pool.awaitTermination(length.toSeconds() + 300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - window[0]) / 1e9;
    out.printf(Locale.ROOT, "%-38s %8s %8s %9s %9s %9s %7s%n", "route", "requests", "per s", "p50 ms", "p95 ms", "p99 ms",
        "failed");
    long all = 0;
    for (Route r : List.of(status, log)) {
      long[] ns;
      synchronized (r) {
        ns = r.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      all += ns.length;
      out.printf(Locale.ROOT, "%-38s %8d %8.1f %9.1f %9.1f %9.1f %7d%n", r.name, ns.length, ns.length / seconds,
          pct(ns, 50), pct(ns, 95), pct(ns, 99), r.failed);
    }
    out.printf(Locale.ROOT, "all routes: %,d requests in %.1f s = %.1f per second%n", all, seconds, all / seconds);
    out.flush();
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
