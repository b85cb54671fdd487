package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.LogFilter;
import io.loaxa.scheduler.LogPage;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.sqlite.SqliteLogImport.FinishedRun;
import io.loaxa.schedules.PlannedAiringKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's page asked of SQLite (filter, count, LIMIT/OFFSET) answers what streaming the period's
 * runs through the filter in Java answers, on a log of many hamlets, categories and outcomes, with
 * runs on the edges of the station's days (midnight in Asia/Ho_Chi_Minh is 17:00 UTC).
 */
class SqliteLogPageTest {
  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY1 = LocalDate.of(2024, 3, 4);
  private static final List<String> CATEGORIES = List.of("cchc", "thoi-su", "phap-luat", "pctt");
  // ap-1 is a prefix of ap-10 and ap-11: a zone must match as a whole key
  private static final List<String> ZONES = List.of("ap-1", "ap-2", "ap-3", "ap-10", "ap-11", "xom_moi");
  private static final List<Outcome> ENDED = List.of(Outcome.COMPLETED, Outcome.COMPLETED, Outcome.COMPLETED,
      Outcome.PARTIAL, Outcome.PREEMPTED, Outcome.FAILED, Outcome.MISSED, Outcome.INTERRUPTED, Outcome.SKIPPED);

  @TempDir
  Path dir;
  private Database db;
  private ReadConnections readers;
  private AiringLog writing;
  private AiringLog reading;
  private int made;

  @BeforeEach
  void aVariedLogOfThreeDays() {
    db = Database.open(dir);
    Clock clock = Clock.fixed(DAY1.atStartOfDay(HCM).toInstant(), ZoneOffset.UTC);
    writing = new SqliteAiringLog(db, clock);
    readers = ReadConnections.open(dir, 2);
    reading = SqliteAiringLog.reading(readers, clock);
    Random random = new Random(9);
    List<FinishedRun> runs = new ArrayList<>();
    Instant first = DAY1.atStartOfDay(HCM).toInstant();
    for (int i = 0; i < 700; i++) {
      // whole minutes, seconds with milliseconds, and runs just before, on and after each midnight
      Instant planned = switch (i % 7) {
        case 0 -> first.plusSeconds(86_400L * (i % 4)).minusMillis(1);
        case 1 -> first.plusSeconds(86_400L * (i % 4));
        case 2 -> first.plusSeconds(86_400L * (i % 4)).plusMillis(1 + random.nextInt(999));
        default -> first.plusSeconds(60L * random.nextInt(3 * 24 * 60)).plusMillis(random.nextInt(3) == 0
            ? random.nextInt(1000) : 0);
      };
      runs.add(finished(i, planned, random));
    }
    SqliteLogImport.recordAll(db, clock, runs.iterator());
    for (int i = 0; i < 9; i++) {
      writing.begin(start(700 + i, first.plusSeconds(3600L * 7 * i + 1), random)); // still on air
    }
    made = 709;
  }

  @AfterEach
  void close() {
    readers.close();
    db.close();
  }

  private static RunStart start(int i, Instant planned, Random random) {
    List<String> zones = new ArrayList<>();
    for (String z : ZONES) {
      if (random.nextInt(3) == 0) {
        zones.add(z);
      }
    }
    if (zones.isEmpty()) {
      zones.add(ZONES.get(random.nextInt(ZONES.size())));
    }
    String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    return new RunStart(new PlannedAiringKey("r" + i + "@" + planned), "p-" + i % 13, "Chương trình " + i, category,
        "NORMAL", Trigger.SCHEDULED, planned, zones, "speech: tin.txt");
  }

  private static FinishedRun finished(int i, Instant planned, Random random) {
    RunStart start = start(i, planned, random);
    Outcome outcome = ENDED.get(random.nextInt(ENDED.size()));
    boolean aired = outcome == Outcome.COMPLETED || outcome == Outcome.PARTIAL || outcome == Outcome.PREEMPTED;
    return new FinishedRun(start, new RunEnd(aired ? Optional.of(planned.plusMillis(8)) : Optional.empty(),
        planned.plusSeconds(aired ? 300 : 0), aired ? start.zonesRequested() : List.of(), List.of(), List.of(),
        outcome, aired ? "" : "lý do " + i));
  }

  private static Instant midnight(LocalDate day) {
    return day.atStartOfDay(HCM).toInstant();
  }

  private static List<LogFilter> filters() {
    List<Optional<String>> categories = new ArrayList<>(List.of(Optional.empty(), Optional.of("khong-co")));
    CATEGORIES.forEach(c -> categories.add(Optional.of(c)));
    List<Optional<String>> zones = new ArrayList<>(List.of(Optional.empty(), Optional.of("ap-9")));
    ZONES.forEach(z -> zones.add(Optional.of(z)));
    List<Set<Outcome>> outcomes = List.of(Set.of(), Set.of(Outcome.COMPLETED), EnumSet.of(Outcome.PARTIAL, Outcome.FAILED),
        EnumSet.of(Outcome.MISSED, Outcome.INTERRUPTED, Outcome.PREEMPTED, Outcome.SKIPPED), EnumSet.allOf(Outcome.class));
    List<LogFilter> all = new ArrayList<>();
    for (Optional<String> c : categories) {
      for (Optional<String> z : zones) {
        for (Set<Outcome> o : outcomes) {
          all.add(new LogFilter(c, z, o));
        }
      }
    }
    return all;
  }

  @Test
  void everyFilterOfEveryPeriodGivesThePageTheJavaFilterGave() {
    List<Instant[]> periods = new ArrayList<>();
    for (int d = -1; d <= 3; d++) {
      periods.add(new Instant[] {midnight(DAY1.plusDays(d)), midnight(DAY1.plusDays(d + 1))});
    }
    periods.add(new Instant[] {midnight(DAY1), midnight(DAY1.plusDays(3))});
    periods.add(new Instant[] {midnight(DAY1).plusSeconds(3600 * 5), midnight(DAY1).plusSeconds(3600 * 30)});
    long[][] windows = {{0, 50}, {37, 13}, {199, 200}, {10_000, 1}};
    int compared = 0;
    long matched = 0;
    for (Instant[] p : periods) {
      for (LogFilter f : filters()) {
        for (long[] w : windows) {
          LogPage java = LogPage.streamed(writing, p[0], p[1], f, w[0], (int) w[1]);
          assertEquals(java, reading.page(p[0], p[1], f, w[0], (int) w[1]), () -> f + " over " + p[0] + ".." + p[1]);
          compared++;
          matched += w[0] == 0 ? java.total() : 0;
        }
        // the writing connection's log asks the same SQL under its lock
        assertEquals(LogPage.streamed(writing, p[0], p[1], f, 37, 13), writing.page(p[0], p[1], f, 37, 13));
      }
    }
    assertEquals(7 * filters().size() * windows.length, compared);
    assertTrue(matched > 10_000, "the filters matched runs, not only empty pages: " + matched);
  }

  @Test
  void pagingThroughTheLogGivesEveryRunExactlyOnceInPlannedOrder() {
    Instant from = midnight(DAY1.minusDays(1));
    Instant to = midnight(DAY1.plusDays(4));
    for (LogFilter f : List.of(LogFilter.ALL, new LogFilter(Optional.of("cchc"), Optional.of("ap-1"), Set.of()),
        new LogFilter(Optional.empty(), Optional.empty(), EnumSet.of(Outcome.COMPLETED, Outcome.MISSED)))) {
      List<AiringRunRecord> paged = new ArrayList<>();
      long total = -1;
      for (long skip = 0; ; skip += 7) {
        LogPage page = reading.page(from, to, f, skip, 7);
        total = total < 0 ? page.total() : total;
        assertEquals(total, page.total(), "the total is the same on every page");
        if (page.runs().isEmpty()) {
          break;
        }
        paged.addAll(page.runs());
      }
      List<AiringRunRecord> streamed = new ArrayList<>();
      writing.forEachRun(from, to, r -> {
        if (f.matches(r)) {
          streamed.add(r);
        }
      });
      assertEquals(streamed, paged);
      assertEquals(total, paged.size());
      Set<Long> ids = new HashSet<>();
      paged.forEach(r -> assertTrue(ids.add(r.id()), "run " + r.id() + " came twice"));
      if (f.equals(LogFilter.ALL)) {
        assertEquals(made, paged.size(), "every run of the log, on air or ended");
      }
    }
  }

  @Test
  void aRunBelongsToTheStationsDayItWasPlannedInWhateverItsMilliseconds() {
    Instant midnight = midnight(DAY1.plusDays(1));
    LogFilter after = LogFilter.ALL;
    List<Instant> dayBefore = new ArrayList<>();
    reading.page(midnight(DAY1), midnight, after, 0, 200).runs().forEach(r -> dayBefore.add(r.plannedAt()));
    long before = 0;
    for (long skip = 0; ; skip += 200) {
      LogPage page = reading.page(midnight(DAY1), midnight, after, skip, 200);
      for (AiringRunRecord r : page.runs()) {
        assertTrue(r.plannedAt().isBefore(midnight) && !r.plannedAt().isBefore(midnight(DAY1)), r.plannedAt()::toString);
        before += r.plannedAt().equals(midnight.minusMillis(1)) ? 1 : 0;
      }
      if (page.runs().size() < 200) {
        break;
      }
    }
    long onOrJustAfter = 0;
    for (AiringRunRecord r : reading.page(midnight, midnight(DAY1.plusDays(2)), after, 0, 200).runs()) {
      assertTrue(!r.plannedAt().isBefore(midnight), r.plannedAt()::toString);
      onOrJustAfter += r.plannedAt().isBefore(midnight.plusSeconds(1)) ? 1 : 0;
    }
    assertTrue(before > 0, "23:59:59.999 local is the day before");
    assertTrue(onOrJustAfter >= 2, "00:00:00 and 00:00:00.xxx local are the new day: " + onOrJustAfter);
  }

  @Test
  void theCategoryPageIsReadThroughTheCategoryIndex() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE));
        PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN SELECT id FROM airing_runs WHERE planned_at >= ?"
            + " AND planned_at < ? AND category = ? ORDER BY planned_at, id LIMIT 50 OFFSET 0")) {
      s.setString(1, "2024-03-03T17:00:00.000Z");
      s.setString(2, "2024-03-04T17:00:00.000Z");
      s.setString(3, "cchc");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          plan.append(r.getString(4)).append('\n');
        }
      }
      assertTrue(plan.toString().contains("airing_runs_by_category"), plan::toString);
      assertTrue(!plan.toString().contains("TEMP B-TREE"), "no sort after the index: " + plan);
    }
  }

  @Test
  void aPageIsReadWhileTheAiringPathHoldsTheWriterMidTransaction() throws Exception {
    Instant from = midnight(DAY1);
    Instant to = midnight(DAY1.plusDays(1));
    long before = reading.page(from, to, LogFilter.ALL, 0, 10).total();
    synchronized (db) {
      Connection c = db.connection();
      c.setAutoCommit(false);
      try {
        writing.begin(start(900, from.plusSeconds(60), new Random(1)));
        // the writer's lock is held and its transaction open: the office's read neither waits nor sees it
        LogPage page = CompletableFuture.supplyAsync(() -> reading.page(from, to, LogFilter.ALL, 0, 10))
            .get(10, TimeUnit.SECONDS);
        assertEquals(before, page.total());
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
    assertEquals(before + 1, reading.page(from, to, LogFilter.ALL, 0, 10).total());
  }

  @Test
  void manyReadersShareTheFewConnectionsAndTheReadingLogRefusesToWrite() throws Exception {
    List<CompletableFuture<Long>> asked = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int d = i % 3;
      asked.add(CompletableFuture.supplyAsync(() -> reading.page(midnight(DAY1.plusDays(d)),
          midnight(DAY1.plusDays(d + 1)), LogFilter.ALL, 0, 50).total()));
    }
    for (CompletableFuture<Long> a : asked) {
      assertTrue(a.get(30, TimeUnit.SECONDS) > 0);
    }
    assertTrue(readers.openCount() <= 2, "at most the two connections asked for: " + readers.openCount());
    assertThrows(IllegalStateException.class, () -> reading.begin(start(901, midnight(DAY1), new Random(2))));
    assertThrows(IllegalArgumentException.class, () -> reading.page(midnight(DAY1), midnight(DAY1.plusDays(1)),
        LogFilter.ALL, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> ReadConnections.open(dir, 0));
  }
}
