package io.loaxa.scheduler.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.sqlite.SqliteLogImport.FinishedRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many finished runs written into the airing log at once, as a history import or a benchmark does. */
class SqliteLogImportTest {
  @TempDir
  Path dir;

  private static FinishedRun run(String key, Instant planned) {
    return new FinishedRun(
        new RunStart(new io.loaxa.schedules.PlannedAiringKey(key), "thoi-su-sang", "Tiếp âm thời sự VOV1", "thoi-su", "NORMAL", Trigger.SCHEDULED, planned,
            List.of("ap-1", "ap-2"), "rebroadcast: http://vov1"),
        new RunEnd(Optional.of(planned), planned.plusSeconds(1800), List.of("ap-1", "ap-2"), List.of(), List.of(),
            Outcome.COMPLETED, ""));
  }

  @Test
  void writesEveryRunAcrossBatchesAndSkipsAPlannedAiringThatAlreadyAired() {
    Instant first = Instant.parse("2024-01-01T23:30:00Z");
    List<FinishedRun> runs = new ArrayList<>(IntStream.range(0, SqliteLogImport.BATCH + 7)
        .mapToObj(i -> run("tin@" + i, first.plusSeconds(3600L * i))).toList());
    runs.add(run("tin@3", first.plusSeconds(60)));
    try (Database db = Database.open(dir)) {
      Clock clock = Clock.fixed(first, ZoneOffset.UTC);
      assertEquals(SqliteLogImport.BATCH + 7, SqliteLogImport.recordAll(db, clock, runs.iterator()));
      List<AiringRunRecord> read = new ArrayList<>();
      new SqliteAiringLog(db, clock).forEachRun(first, first.plusSeconds(3600L * 10_000), read::add);
      assertEquals(SqliteLogImport.BATCH + 7, read.size());
      assertEquals("Tiếp âm thời sự VOV1", read.get(0).title());
      assertEquals(Optional.of(Outcome.COMPLETED), read.get(read.size() - 1).outcome());
      // the log still takes single rows afterwards, each committed on its own
      assertEquals(-1, new SqliteAiringLog(db, clock).record(run("tin@0", first).start(), run("tin@0", first).end()));
    }
  }
}
