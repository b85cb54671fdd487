package io.loaxa.bench.hub;

import io.loaxa.devices.Pause;
import io.loaxa.hub.Command;
import io.loaxa.hub.HubDaemon;
import io.loaxa.hub.Push;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.push.PushRequest;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.testkit.Mosquitto;
import io.loaxa.testkit.PostgresCluster;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code loaxa bench hub}: {@code stations} simulated stations (one Paho client each, one JVM) publish
 * their health and {@code runs} runs each; then an emergency fans out to all of them, each station
 * acknowledging {@code received} at once and {@code aired} after a simulated airing; then the year
 * acknowledging {@code received} at once and {@code aired} after a simulated airing; then 50 stations lose their
 * line for a simulated day, air the demo schedule's day into the outbox of their own SQLite (the station
 * daemon's outbox, publisher and Paho link) and come back, timed until every row is committed at the hub
 * and counted against the outboxes; then the year report over {@code yearRuns} runs written straight into
 * PostgreSQL, beside psql's aggregate.
 */
public final class HubBench {
  /** Where the simulator's run ids start: below them are the run ids of real airing logs (the outage figure). */
  private static final long SIMULATED_RUN_IDS = 1_000_000;
  /** Of the stations, how many lose their line for a day in the outage figure. */
  private static final int AWAY = 50;
  private static final Pattern COMMAND_ID = Pattern.compile("\"id\":\"([0-9a-f-]+)\",\"seq\":(\\d+)");
  private final int stations;
  private final int runs;
  private final int yearRuns;
  private final Duration airing;

  public HubBench(int stations, int runs, int yearRuns, Duration airing) {
    this.stations = stations;
    this.runs = runs;
    this.yearRuns = yearRuns;
    this.airing = airing;
  }

  public void run(PrintWriter out) throws Exception {
    PostgresCluster.require();
    Mosquitto.require();
    Path dir = Files.createTempDirectory("loaxa-hub-bench-");
    try (PostgresCluster pg = PostgresCluster.start("hub");
         Mosquitto broker = Mosquitto.start(dir.resolve("broker"), "hub-bench-secret")) {
      // as the README says for the province's broker: Mosquitto's default queue of 1000 messages per
      // client drops QoS 1 messages for a hub that commits before it acknowledges
      Files.writeString(dir.resolve("broker").resolve("mosquitto.conf"),
          "max_queued_messages 1000000\nmax_inflight_messages 1000\n", java.nio.file.StandardOpenOption.APPEND);
      broker.stop();
      broker.restart();
      long t = System.nanoTime();
      for (int i = 0; i < stations; i++) {
        broker.addUser(id(i), "pw-" + id(i));
      }
      out.printf("broker users for %d stations in %.1f s%n", stations, (System.nanoTime() - t) / 1e9);
      HubKeys.generate(dir.resolve("keys"));
      Path secret = Files.writeString(dir.resolve("hub.secret"), "hub-bench-secret");
      HubConfig config = new HubConfig("bench", ZoneId.of("Asia/Ho_Chi_Minh"), dir.resolve("data"),
          dir.resolve("keys").resolve(HubKeys.PRIVATE), new HubConfig.Database(pg.jdbcUrl(), pg.user(), Optional.empty(), 8),
          new HubConfig.Broker(broker.url(), Mosquitto.HUB_USER, Optional.of(secret), Optional.of(broker.caFile())),
          WebConfig.LOCAL_ONLY, PeakWindows.DEFAULT);
      try (HubDaemon hub = HubDaemon.start(config, Clock.systemUTC(), Pause.sleeping())) {
        brokerUrl = broker.url();
        SSLSocketFactory tls = trusting(broker.caFile()).getSocketFactory();
        ScheduledExecutorService airings = Executors.newScheduledThreadPool(4);
        List<MqttClient> clients = new ArrayList<>();
        AtomicLong outbox = new AtomicLong(1_000_000);
        try {
          t = System.nanoTime();
          for (int i = 0; i < stations; i++) {
            clients.add(station(i, tls, airings, outbox));
          }
          out.printf("%d stations connected in %.1f s%n", stations, (System.nanoTime() - t) / 1e9);
          ingest(out, pg, clients);
          // the broker saves once a second, as README's timed save does; the save after every change
          // it asked for before cost a push to 200 stations 81 s instead of 2.35 s (docs/benchmarks.md)
          fanOut(out, pg, hub, "broker saving once a second, as README says");
          outage(out, pg, broker, clients, dir.resolve("outage"));
        } finally {
          for (MqttClient c : clients) {
            try {
              c.disconnect(1000);
              c.close();
            } catch (Exception e) {
              // the broker goes away with the bench
            }
          }
          airings.shutdownNow();
        }
        year(out, pg, hub, config);
        long rss = rssKb();
        out.printf("hub JVM RSS (with the %d simulated stations in it): %d MB%n", stations, rss / 1024);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String id(int i) {
    return String.format("xa-%03d", i);
  }

  private static String commune(int i) {
    return "Xã " + (i / 2 + 1); // two stations per commune
  }

  private String brokerUrl = "";

  private MqttClient station(int i, SSLSocketFactory tls, ScheduledExecutorService airings, AtomicLong outbox)
      throws Exception {
    String id = id(i);
    MqttClient c = new MqttClient(brokerUrl, "loaxa-station-" + id, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setUserName(id);
    o.setPassword(("pw-" + id).toCharArray());
    o.setSocketFactory(tls);
    o.setMaxInflight(1000);
    o.setConnectionTimeout(60);
    c.connect(o);
    c.subscribe("loaxa/v1/hub/" + id + "/#", 1, (topic, m) -> {
      String envelope = new String(m.getPayload(), StandardCharsets.UTF_8);
      Matcher p = Pattern.compile("\"payload\":\"([^\"]+)\"").matcher(envelope);
      if (!p.find()) {
        return;
      }
      String payload = new String(java.util.Base64.getDecoder().decode(p.group(1)), StandardCharsets.UTF_8);
      Matcher cmd = COMMAND_ID.matcher(payload);
      if (!cmd.find()) {
        return;
      }
      String command = cmd.group(1);
      long seq = Long.parseLong(cmd.group(2));
      Instant received = Instant.now();
      airings.execute(() -> publish(c, id, "ack", ack(id, outbox.incrementAndGet(), command, seq, "received", received)));
      airings.schedule(() -> publish(c, id, "ack", ack(id, outbox.incrementAndGet(), command, seq, "aired", Instant.now())),
          airing.toMillis(), TimeUnit.MILLISECONDS);
    });
    return c;
  }

  private static void publish(MqttClient c, String id, String kind, byte[] body) {
    try {
      MqttMessage m = new MqttMessage(body);
      m.setQos(1);
      c.publish("loaxa/v1/station/" + id + "/" + kind, m);
    } catch (Exception e) {
      throw new IllegalStateException(id + " could not publish " + kind + ": " + e.getMessage(), e);
    }
  }

  private static byte[] health(String id, String commune, Instant at) {
    return ("{\"v\":1,\"station\":\"" + id + "\",\"outboxSeq\":1,\"sentAt\":\"" + at + "\",\"name\":\"Đài " + commune
        + "\",\"commune\":\"" + commune + "\",\"version\":\"bench\",\"zones\":[{\"key\":\"thon-1\",\"name\":\"Thôn 1\"}],"
        + "\"boards\":[{\"name\":\"b\",\"ok\":true,\"detail\":\"\"}],\"soundCard\":{\"ok\":true,\"detail\":\"\"},"
        + "\"clockTrusted\":true,\"diskFreeMb\":5000,\"openIncidents\":0,\"at\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] run(String id, long runId, Instant planned) {
    return ("{\"v\":1,\"station\":\"" + id + "\",\"outboxSeq\":" + (runId + 1) + ",\"sentAt\":\"" + planned.plusSeconds(600)
        + "\",\"runId\":" + runId + ",\"plannedKey\":\"" + planned + "|thoi-su\",\"programme\":\"thoi-su\","
        + "\"title\":\"Thời sự\",\"category\":\"thoi-su\",\"priority\":\"NORMAL\",\"trigger\":\"SCHEDULE\","
        + "\"plannedAt\":\"" + planned + "\",\"startedAt\":\"" + planned + "\",\"endedAt\":\"" + planned.plusSeconds(600)
        + "\",\"zonesRequested\":[\"thon-1\"],\"zonesConfirmed\":[\"thon-1\"],\"zonesUnconfirmed\":[],\"zonesFailed\":[],"
        + "\"content\":\"\",\"outcome\":\"COMPLETED\",\"reason\":\"\",\"hubCommand\":null}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ack(String id, long outboxSeq, String command, long seq, String state, Instant at) {
    return ("{\"v\":1,\"station\":\"" + id + "\",\"outboxSeq\":" + outboxSeq + ",\"sentAt\":\"" + at + "\",\"command\":\""
        + command + "\",\"seq\":" + seq + ",\"state\":\"" + state + "\",\"runId\":"
        + (state.equals("aired") ? Long.toString(outboxSeq) : "null") + ",\"outcome\":"
        + (state.equals("aired") ? "\"COMPLETED\"" : "null") + ",\"reason\":\"\",\"at\":\"" + at + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static long count(PostgresCluster pg, String sql) throws Exception {
    return Long.parseLong(pg.psql(sql).strip());
  }

  private static void waitFor(PostgresCluster pg, String sql, long expected, Duration limit, String what) throws Exception {
    long until = System.nanoTime() + limit.toNanos();
    while (count(pg, sql) < expected) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("not within " + limit.toSeconds() + " s: " + what + " (" + count(pg, sql) + " of "
            + expected + ")");
      }
      Thread.sleep(100);
    }
  }

  private void ingest(PrintWriter out, PostgresCluster pg, List<MqttClient> clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, clients.size()));
    try {
      Instant now = Instant.now();
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        int n = i;
        sent.add(pool.submit(() -> publish(clients.get(n), id(n), "health", health(id(n), commune(n), now))));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      waitFor(pg, "select count(*) from station where version = 'bench'", clients.size(), Duration.ofMinutes(2), "health");
      long total = (long) clients.size() * runs;
      Instant base = Instant.parse("2026-11-01T00:00:00Z");
      long t0 = System.nanoTime();
      sent.clear();
      for (int i = 0; i < clients.size(); i++) {
        int n = i;
        sent.add(pool.submit(() -> {
          for (int r = 1; r <= runs; r++) {
            publish(clients.get(n), id(n), "run", run(id(n), SIMULATED_RUN_IDS + r, base.plusSeconds(r * 900L)));
          }
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      double published = (System.nanoTime() - t0) / 1e9;
      waitFor(pg, "select count(*) from run", total, Duration.ofMinutes(10), "every run stored");
      double stored = (System.nanoTime() - t0) / 1e9;
      out.printf("ingest: %,d runs from %d stations published in %.1f s, all stored in %.1f s: %,.0f runs/s sustained%n",
          total, clients.size(), published, stored, total / stored);
      out.printf("        doubled rows: %d%n", count(pg, "select count(*) from (select 1 from run group by station, run_id "
          + "having count(*) > 1) d"));
    } finally {
      pool.shutdownNow();
    }
  }

  private void fanOut(PrintWriter out, PostgresCluster pg, HubDaemon hub, String broker) throws Exception {
    Instant issued = Instant.now();
    Push push = hub.pushes().push(new PushRequest(Command.Type.EMERGENCY, "EMERGENCY", "Cảnh báo bão (bench)", "khan-cap",
        "Bão số 9.", new Push.Targets(true, List.of(), List.of()), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()), "bench");
    String of = "from command where push = '" + push.id() + "'";
    waitFor(pg, "select count(*) " + of + " and state = 'aired'", stations, Duration.ofMinutes(5), "every station aired");
    double all = Duration.between(issued, Instant.now()).toMillis() / 1000.0;
    String[] f = pg.psql("select round((percentile_cont(0.5) within group (order by extract(epoch from received_at - issued_at)) "
        + "* 1000)::numeric), round((percentile_cont(0.99) within group (order by extract(epoch from received_at - issued_at)) "
        + "* 1000)::numeric), round((percentile_cont(0.5) within group (order by extract(epoch from aired_at - issued_at)) "
        + "* 1000)::numeric), round((percentile_cont(0.99) within group (order by extract(epoch from aired_at - issued_at)) "
        + "* 1000)::numeric) " + of).strip().split("\\|");
    out.printf("fan-out (%s): an emergency to all %d stations: received p50 %s ms, p99 %s ms; aired (simulated %d ms "
        + "airing) p50 %s ms, p99 %s ms; every station aired and acknowledged at the hub in %.1f s%n", broker, stations, f[0],
        f[1], airing.toMillis(), f[2], f[3], all);
  }

  /**
   * The first {@link #AWAY} stations lose their line: the simulator's client drops without a goodbye
   * and the station daemon's own uplink (SQLite airing log and outbox, publisher, Paho link) takes its
   * place with the same broker session. Each airs the demo schedule's day on a clock that moves through
   * the 24 hours, then all come back at once.
   */
  private void outage(PrintWriter out, PostgresCluster pg, Mosquitto broker, List<MqttClient> clients, Path dir)
      throws Exception {
    int away = Math.min(AWAY, clients.size());
    java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 8);
    io.loaxa.schedules.StationFacts facts = io.loaxa.schedules.StationFacts.demo();
    io.loaxa.schedules.Schedule schedule = io.loaxa.schedules.yaml.ScheduleFile.read(io.loaxa.schedules.DemoSchedule.text(),
        io.loaxa.schedules.DemoSchedule.FILE, facts, io.loaxa.schedules.CheckOptions.from(day));
    java.util.Map<io.loaxa.schedules.ProgrammeKey, io.loaxa.schedules.Programme> programmes = new java.util.HashMap<>();
    schedule.programmes().forEach(p -> programmes.put(p.key(), p));
    List<io.loaxa.schedules.PlannedAiring> planned = io.loaxa.schedules.Expansion.plan(schedule, facts, day, day.plusDays(1));
    Instant dayStart = day.atStartOfDay(facts.timeZone()).toInstant();
    long dropsBefore = brokerDrops(broker);
    List<OutageStation> stationsAway = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      for (int i = 0; i < away; i++) {
        clients.get(i).disconnectForcibly(0, 1000, false);
        clients.get(i).close(true);
        stationsAway.add(new OutageStation(id(i), dir.resolve(id(i)), brokerUrl, broker.caFile(), "pw-" + id(i), dayStart));
      }
      for (OutageStation s : stationsAway) {
        for (io.loaxa.schedules.PlannedAiring p : planned) {
          s.air(p, programmes.get(p.programme()), facts.zones());
        }
        s.clock.set(dayStart.plus(Duration.ofHours(24)));
      }
      double offline = (System.nanoTime() - t0) / 1e9;
      long rows = stationsAway.stream().mapToLong(OutageStation::waiting).sum();
      String awayIds = stationsAway.stream().map(s -> "'" + s.id + "'").collect(java.util.stream.Collectors.joining(","));
      String theirs = "select count(*) from run where station in (" + awayIds + ") and run_id < " + SIMULATED_RUN_IDS;
      long before = count(pg, theirs);
      long back = System.nanoTime();
      for (OutageStation s : stationsAway) {
        s.comeBack();
      }
      waitFor(pg, theirs, rows, Duration.ofMinutes(10), "every row of the stations that were away");
      double caughtUp = (System.nanoTime() - back) / 1e9;
      long lost = 0;
      long doubled = count(pg, "select count(*) from (select 1 from run group by station, run_id having count(*) > 1) d");
      long waiting = 0;
      for (OutageStation s : stationsAway) {
        waiting += s.waiting();
        List<Long> atHub = pg.psql("select run_id from run where station = '" + s.id + "' and run_id < " + SIMULATED_RUN_IDS
            + " order by run_id").lines().map(String::strip).filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
        lost += s.aired().stream().filter(r -> !atHub.contains(r)).count();
        if (count(pg, "select count(*) from run where station = '" + s.id + "'") != runs + s.aired().size()) {
          throw new IllegalStateException(s.id + ": the hub's runs differ from the station's " + runs + " + " + s.aired().size());
        }
      }
      long published = stationsAway.stream().mapToLong(OutageStation::published).sum();
      out.printf("link outage: %d of %d stations away for a simulated 24 h, each airing the demo schedule's day (%d runs) "
          + "into its SQLite outbox: %,d rows waiting (%d at the hub before they came back; the day aired in %.1f s)%n",
          away, clients.size(), planned.size(), rows, before, offline);
      out.printf("        back online: every row committed at the hub %.2f s after they reconnected; lost %d, doubled %d, "
          + "left in outboxes %d, sent twice %d; the broker dropped %d messages for the hub's session%n", caughtUp, lost,
          doubled, waiting, published - rows, brokerDrops(broker) - dropsBefore);
    } finally {
      stationsAway.forEach(OutageStation::close);
    }
  }

  /** Mosquitto's warnings that it dropped messages for a client whose queue was full. */
  private static long brokerDrops(Mosquitto broker) throws Exception {
    if (!Files.exists(broker.logFile())) {
      return 0;
    }
    try (var lines = Files.lines(broker.logFile(), StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains("dropped")).count();
    }
  }

  private void year(PrintWriter out, PostgresCluster pg, HubDaemon hub, HubConfig config) throws Exception {
    long t0 = System.nanoTime();
    // in slices: one psql call per 100 000 rows keeps each well inside the rig's time limit
    for (long from = 1; from <= yearRuns; from += 100_000) {
      long to = Math.min(yearRuns, from + 99_999);
      pg.psql("insert into run (station, run_id, outbox_seq, planned_key, programme, title, category, priority, trigger, "
          + "planned_at, started_at, ended_at, zones_requested, zones_confirmed, zones_unconfirmed, zones_failed, content, "
          + "outcome, reason, received_at) select 'xa-' || lpad((g % " + stations + ")::text, 3, '0'), 10000000 + g, g, 'k', "
          + "'p', 't', (array['cchc','thoi-su','pctt','phap-luat'])[1 + g % 4], 'NORMAL', 'SCHEDULE', p, p, "
          + "p + interval '10 minutes', '{thon-1}', '{thon-1}', '{}', '{}', '', case g % 10 when 0 then 'FAILED' "
          + "when 1 then 'PARTIAL' else 'COMPLETED' end, '', now() from generate_series(" + from + ", " + to + ") g, "
          + "lateral (select timestamptz '2025-01-01 00:00+07' + ((g - 1)::bigint * 31536 / " + Math.max(1, yearRuns / 1000)
          + ") * interval '1 second' as p) t");
    }
    // as autovacuum leaves a year of runs: analysed, and its pages marked all-visible for index-only scans
    pg.psql("vacuum analyze run");
    out.printf("year data: %,d runs of 2025 written by SQL in %.1f s%n", yearRuns, (System.nanoTime() - t0) / 1e9);
    try (io.loaxa.hub.postgres.HubDatabase db = io.loaxa.hub.postgres.HubDatabase.open(pg.jdbcUrl(), pg.user(), "", 2,
        Duration.ofSeconds(10))) {
      var reports = new io.loaxa.hub.postgres.PostgresProvinceReport(db, Clock.systemUTC());
      ReportPeriod year = ReportPeriod.parse("2025");
      reports.report(year, config.timeZone(), config.peaks());
      long r0 = System.nanoTime();
      var report = reports.report(year, config.timeZone(), config.peaks());
      double reportSeconds = (System.nanoTime() - r0) / 1e9;
      String handWritten = "select s.commune, count(*), count(*) filter (where r.outcome in ('COMPLETED','PARTIAL')), "
          + "sum(extract(epoch from r.ended_at - r.started_at)) from run r join station s using (station) "
          + "where r.planned_at >= '2025-01-01 00:00+07' and r.planned_at < '2026-01-01 00:00+07' group by 1; "
          + "select s.commune, r.category, count(*) from run r join station s using (station) "
          + "where r.planned_at >= '2025-01-01 00:00+07' and r.planned_at < '2026-01-01 00:00+07' group by 1, 2; "
          + "select r.station, date_trunc('month', r.planned_at at time zone 'Asia/Ho_Chi_Minh'), count(*) from run r "
          + "where r.category = 'cchc' and r.outcome in ('COMPLETED','PARTIAL') and r.planned_at >= '2025-01-01 00:00+07' "
          + "and r.planned_at < '2026-01-01 00:00+07' and ((r.started_at at time zone 'Asia/Ho_Chi_Minh')::time "
          + "between '05:00' and '06:59:59' or (r.started_at at time zone 'Asia/Ho_Chi_Minh')::time between '17:00' and '19:29:59') "
          + "group by 1, 2";
      pg.psql(handWritten);
      long p0 = System.nanoTime();
      pg.psql(handWritten);
      double psqlSeconds = (System.nanoTime() - p0) / 1e9;
      long inYear = report.communes().stream().mapToLong(io.loaxa.hub.report.ProvinceReport.CommuneLine::runs).sum();
      out.printf("year report over %,d runs of 2025: %.2f s; the hand-written psql aggregate of the same figures: %.2f s "
          + "(%.2f×)%n", inYear, reportSeconds, psqlSeconds, reportSeconds / psqlSeconds);
      long total = count(pg, "select count(*) from run");
      long bytes = count(pg, "select pg_total_relation_size('run')");
      out.printf("PostgreSQL: the run table with its indexes %,d MB for %,d runs: %.0f MB per million runs%n",
          bytes >> 20, total, bytes / 1048576.0 / total * 1e6);
    }
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }

  private static SSLContext trusting(Path ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(ca)) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
