package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import io.loaxa.testkit.Soak;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts and crashes, as {@code kill -9} of the real daemon at random moments of real airings
 * (simulated board, PulseAudio null sink), each followed by a restart. Every planned airing must end
 * with exactly one terminal outcome in the log; every start must reach safe state.
 */
@Soak
class KillLoopTest {
  private static final int KILLS = Integer.getInteger("loaxa.kills", 50);
  private static final Duration SPACING = Duration.ofSeconds(4);
  private static final ProgrammeKey PROGRAMME = new ProgrammeKey("ban-tin-ngan");

  @TempDir
  Path dir;

  @Test
  void fiftyKillsDuringAiringsLoseNoLogRowAndDuplicateNone() throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = dir.resolve("data");
    Path config = dir.resolve("station.yaml");
    Files.writeString(config, String.join("\n",
        "station: { name: \"Xã Thử\", timeZone: Asia/Ho_Chi_Minh }",
        "boards: [ { key: tu, driver: simulated, channels: 8 } ]",
        "amplifier: { board: tu, channel: 8, warmUp: PT0.3S }",
        "zones:",
        "  - { key: ap-1, board: tu, channel: 1 }",
        "  - { key: ap-2, board: tu, channel: 2 }",
        ""));
    StationConfig station = StationConfigReader.read(config);
    Random random = new Random(20261121L);
    // enough planned airings to cover the whole loop: a restart takes about 2-4 s on this machine
    int count = KILLS * 2 + 10;
    Instant first = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
    List<PlannedAiringKey> planned = new ArrayList<>();
    try (Station s = Station.assemble(station, data)) {
      s.programmes().put(new Programme(PROGRAMME, "Bản tin ngắn", Category.INFORMATION, Priority.NORMAL,
          List.of(new Segment.Chime("default"), new Segment.Gap(Duration.ofMillis(800)), new Segment.Chime("default")),
          Duration.ofSeconds(3), Optional.empty()));
      for (int i = 0; i < count; i++) {
        Instant at = first.plus(SPACING.multipliedBy(i));
        PlannedAiringKey key = PlannedAiringKey.of(PROGRAMME.value(), LocalDateTime.ofInstant(at, station.timeZone()));
        s.planned().add(new PlannedAiring(key, PROGRAMME, at, ZoneSelection.everyZone(), Priority.NORMAL));
        planned.add(key);
      }
    }

    List<Long> safeStateMillis = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      Path log = dir.resolve("daemon-" + k + ".log");
      Process daemon = start(config, data, log);
      long startedNanos = System.nanoTime();
      safeStateMillis.add(awaitLine(log, "all relays off", 60) - startedNanos / 1_000_000);
      awaitLine(log, "ready in", 60);
      Thread.sleep(200 + random.nextInt(3_800)); // a random moment, usually inside an airing
      daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
    }
    Path lastLog = dir.resolve("daemon-last.log");
    Process last = start(config, data, lastLog);
    long lastStart = System.nanoTime();
    safeStateMillis.add(awaitLine(lastLog, "all relays off", 60) - lastStart / 1_000_000);
    Instant end = first.plus(SPACING.multipliedBy(count)).plusSeconds(10);
    while (Instant.now().isBefore(end)) {
      Thread.sleep(500); // the last daemon airs the rest of the planned airings on the real clock
    }
    last.destroy();
    assertTrue(last.waitFor(15, TimeUnit.SECONDS));
    assertTrue(Files.readString(lastLog).contains("stopped; all relays off"));

    Map<PlannedAiringKey, List<AiringRunRecord>> byKey = new HashMap<>();
    try (Station s = Station.assemble(station, data)) {
      s.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
          r -> byKey.computeIfAbsent(r.plannedKey(), x -> new ArrayList<>()).add(r));
    }
    List<String> lost = new ArrayList<>();
    Map<Outcome, Integer> outcomes = new HashMap<>();
    int journalled = 0;
    for (PlannedAiringKey key : planned) {
      List<AiringRunRecord> runs = byKey.getOrDefault(key, List.of());
      if (runs.isEmpty()) {
        lost.add(key.value());
        continue;
      }
      assertEquals(1, runs.size(), "duplicate runs for " + key);
      Outcome outcome = runs.get(0).outcome().orElseThrow(() -> new AssertionError("run left open: " + key));
      outcomes.merge(outcome, 1, Integer::sum);
      AiringRunRecord run = runs.get(0);
      if (outcome == Outcome.INTERRUPTED && run.startedAt().isPresent()) {
        // the journal: on air from its first sample until the station last knew, never until the next start
        journalled++;
        Duration onAir = Duration.between(run.startedAt().get(), run.endedAt().orElseThrow());
        assertTrue(!onAir.isNegative() && onAir.compareTo(Duration.ofSeconds(5)) <= 0, key + " on air " + onAir);
        assertTrue(run.reason().contains(" s on air, playing "), run.reason());
        assertEquals(2, run.zonesConfirmed().size() + run.zonesUnconfirmed().size(), "the zones that were on: " + run);
      }
    }
    assertEquals(List.of(), lost, "planned airings with no log row");
    assertEquals(planned.size(), byKey.size(), "no rows for airings that were never planned");
    // a figure for the notes, not a timed assertion: this machine's load decides it
    long worst = safeStateMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
    System.out.printf("kill loop: %d kills, %d planned airings, rows lost 0, duplicates 0, outcomes %s,"
        + " %d interrupted rows with their journal, worst start-to-safe-state %d ms%n", KILLS, planned.size(), outcomes,
        journalled, worst);
    assertTrue(outcomes.getOrDefault(Outcome.INTERRUPTED, 0) > 0, "some kills hit an airing: " + outcomes);
    assertTrue(outcomes.getOrDefault(Outcome.COMPLETED, 0) > 0, "and the station kept airing: " + outcomes);
  }

  private static Process start(Path config, Path data, Path log) throws Exception {
    return LoaxaProcess.daemon(log, "--config", config.toString(), "--data", data.toString()).start();
  }

  /** Waits for a line containing {@code text}; returns its logged time in epoch milliseconds on the monotonic scale. */
  private static long awaitLine(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.contains(text)) {
          Instant loggedAt = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
          long ageMillis = Duration.between(loggedAt, Instant.now()).toMillis();
          return System.nanoTime() / 1_000_000 - ageMillis;
        }
      }
      Thread.sleep(20); // polling the daemon's output
    }
    throw new AssertionError("'" + text + "' not logged within " + seconds + " s:\n" + Files.readString(log));
  }
}
