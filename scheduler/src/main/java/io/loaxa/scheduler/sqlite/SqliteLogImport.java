package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;

import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Iterator;

/**
 * Writes many finished runs into the airing log at once: a history carried over from another
 * system, or a benchmark's year of a busy station. Rows go through {@link SqliteAiringLog} in
 * transactions of {@link #BATCH} rows, so the log's one-fsync-per-row durability is not paid per
 * row. A planned airing that already has a run is skipped, as {@link SqliteAiringLog#record} does.
 */
public final class SqliteLogImport {
  static final int BATCH = 5_000;

  /** A run that has ended: what {@link SqliteAiringLog#record} takes. */
  public record FinishedRun(RunStart start, RunEnd end) {}

  private SqliteLogImport() {}

  /** Records every run; returns how many were new. */
  public static long recordAll(Database db, Clock clock, Iterator<FinishedRun> runs) {
    SqliteAiringLog log = new SqliteAiringLog(db, clock);
    long written = 0;
    synchronized (db) {
      Connection c = db.connection();
      try {
        c.setAutoCommit(false);
        try {
          int inBatch = 0;
          while (runs.hasNext()) {
            FinishedRun run = runs.next();
            if (log.record(run.start(), run.end()) >= 0) {
              written++;
            }
            if (++inBatch == BATCH) {
              c.commit();
              inBatch = 0;
            }
          }
          c.commit();
        } catch (RuntimeException | SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new StoreException("importing into the airing log: " + e.getMessage(), e);
      }
    }
    return written;
  }
}
