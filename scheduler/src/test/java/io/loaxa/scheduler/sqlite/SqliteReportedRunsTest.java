package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.ReportedRun;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.sqlite.SqliteLogImport.FinishedRun;
import io.loaxa.schedules.PlannedAiringKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's lighter read of the airing log gives what the full read gives, less what a report leaves out. */
class SqliteReportedRunsTest {
  @TempDir
  Path dir;

  private static final Instant T0 = Instant.parse("2024-03-04T00:30:00Z");

  private static FinishedRun run(int i, Outcome outcome, List<String> confirmed, List<String> unconfirmed, String reason) {
    Instant planned = T0.plusSeconds(600L * i);
    boolean aired = outcome == Outcome.COMPLETED || outcome == Outcome.PARTIAL;
    return new FinishedRun(
        new RunStart(new PlannedAiringKey("tin@" + i), "cchc-" + i, "Chuyên mục cải cách hành chính " + i, "cchc",
            "NORMAL", Trigger.SCHEDULED, planned, List.of("ap-1", "ap-2", "ap-3"), "speech: cchc.txt"),
        new RunEnd(aired ? Optional.of(planned.plusMillis(120)) : Optional.empty(), planned.plusSeconds(aired ? 95 : 1),
            confirmed, unconfirmed, aired ? List.of() : List.of("ap-3"), outcome, reason));
  }

  @Test
  void readsTheRunsAReportAddsUpAndTheReasonsOfThoseThatDidNotAir() {
    List<FinishedRun> runs = List.of(
        run(0, Outcome.COMPLETED, List.of("ap-1", "ap-2", "ap-3"), List.of(), ""),
        run(1, Outcome.PARTIAL, List.of("ap-1"), List.of("ap-2"), "zones failed: {ap-3=board tu-chinh: no reply}"),
        run(2, Outcome.FAILED, List.of(), List.of(), "amplifier: board tu-chinh did not answer"),
        run(3, Outcome.MISSED, List.of(), List.of(), "the station was down past the late tolerance (PT0S)"));
    try (Database db = Database.open(dir)) {
      Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
      SqliteLogImport.recordAll(db, clock, runs.iterator());
      SqliteAiringLog log = new SqliteAiringLog(db, clock);
      List<AiringRunRecord> full = new ArrayList<>();
      log.forEachRun(T0, T0.plusSeconds(3600), full::add);
      List<ReportedRun> reported = new ArrayList<>();
      log.forEachReportedRun(T0, T0.plusSeconds(3600), reported::add);

      assertEquals(4, reported.size());
      for (int i = 0; i < 4; i++) {
        ReportedRun expected = ReportedRun.of(full.get(i));
        if (expected.aired()) {
          expected = new ReportedRun(expected.id(), expected.title(), expected.category(), expected.plannedAt(),
              expected.startedAt(), expected.endedAt(), List.of(), expected.zonesConfirmed(),
              expected.zonesUnconfirmed(), expected.outcome(), "");
        }
        assertEquals(expected, reported.get(i));
      }
      assertEquals(List.of("ap-1", "ap-2", "ap-3"), reported.get(2).zonesRequested());
      assertEquals("amplifier: board tu-chinh did not answer", reported.get(2).reason());
      assertEquals(94, reported.get(1).airtime().toSeconds()); // 95 s after the plan, 120 ms late
    }
  }

  @Test
  void manyDistinctZoneListsAndBothSpellingsOfATitleReadBackAsTheFullReadGivesThem() {
    java.util.Random random = new java.util.Random(11);
    String composed = "Chuyên mục cải cách hành chính";
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    List<FinishedRun> runs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      List<String> confirmed = new ArrayList<>();
      for (int h = 1; h <= 30; h++) {
        if (random.nextInt(3) == 0) {
          confirmed.add("ap-" + h);
        }
      }
      Instant planned = T0.plusSeconds(60L * i);
      String title = (i % 2 == 0 ? composed : decomposed) + " " + (i % 7);
      runs.add(new FinishedRun(
          new RunStart(new PlannedAiringKey("tin@" + i), "cchc", title, i % 5 == 0 ? "" : "cchc", "NORMAL",
              Trigger.SCHEDULED, planned, confirmed, "speech: cchc.txt"),
          new RunEnd(Optional.of(planned), planned.plusSeconds(60), confirmed, List.of(), List.of(),
              Outcome.COMPLETED, "")));
    }
    try (Database db = Database.open(dir)) {
      Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
      SqliteLogImport.recordAll(db, clock, runs.iterator());
      SqliteAiringLog log = new SqliteAiringLog(db, clock);
      List<AiringRunRecord> full = new ArrayList<>();
      log.forEachRun(T0, T0.plusSeconds(86_400 * 3), full::add);
      List<ReportedRun> reported = new ArrayList<>();
      log.forEachReportedRun(T0, T0.plusSeconds(86_400 * 3), reported::add);
      assertEquals(3000, reported.size());
      for (int i = 0; i < reported.size(); i++) {
        ReportedRun f = ReportedRun.of(full.get(i));
        ReportedRun r = reported.get(i);
        assertEquals(f.title(), r.title(), "the title as typed, not recomposed by the read");
        assertEquals(f.category(), r.category());
        assertEquals(f.plannedAt(), r.plannedAt());
        assertEquals(f.zonesConfirmed(), r.zonesConfirmed(), "run " + i);
        assertEquals(f.outcome(), r.outcome());
      }
    }
  }
}
