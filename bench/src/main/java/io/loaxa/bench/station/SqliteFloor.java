package io.loaxa.bench.station;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The floor the log's readers are measured against: the {@code sqlite3} shell (the Debian package
 * of that name) run on the same file in the same run, scanning the columns the airing log reads in
 * planned order, or adding them up by category, output discarded. Median of three runs each.
 */
final class SqliteFloor {
  private static final String COLUMNS = "id, planned_key, programme_key, title, category, priority, trigger, planned_at,"
      + " started_at, ended_at, zones_requested, zones_confirmed, zones_unconfirmed, zones_failed, content, outcome, reason";

  /** The columns a period report reads (SqliteAiringLog's reported columns, less its CASEs). */
  private static final String REPORT_COLUMNS = "id, title, category, planned_at, started_at, ended_at, outcome,"
      + " zones_confirmed, zones_unconfirmed, zones_requested, reason";
  static final int REPORT_COLUMN_COUNT = 11;

  private final Path db;
  private final String where;

  /** The runs planned in {@code [from, to)} of the station database {@code db}. */
  SqliteFloor(Path db, Instant from, Instant to) {
    this.db = db;
    this.where = " FROM airing_runs WHERE planned_at >= '" + DateTimeFormatter.ISO_INSTANT.format(from)
        + "' AND planned_at < '" + DateTimeFormatter.ISO_INSTANT.format(to) + "'";
  }

  /** Seconds to scan the log's 17 columns in planned order. */
  double scan() throws IOException, InterruptedException {
    return median("SELECT " + COLUMNS + where + " ORDER BY planned_at, id;");
  }

  /** Seconds to scan the columns a period report reads, in planned order. */
  double reportScan() throws IOException, InterruptedException {
    return median("SELECT " + REPORT_COLUMNS + where + " ORDER BY planned_at, id;");
  }

  /** Seconds to add up runs, aired runs and airtime by category. */
  double aggregate() throws IOException, InterruptedException {
    return median("SELECT category, count(*), sum(CASE WHEN outcome IN ('COMPLETED','PARTIAL')"
        + " THEN 1 ELSE 0 END), sum(CASE WHEN started_at IS NOT NULL AND ended_at IS NOT NULL THEN"
        + " (julianday(ended_at) - julianday(started_at)) * 86400 ELSE 0 END)" + where + " GROUP BY category;");
  }

  private double median(String sql) throws IOException, InterruptedException {
    double[] s = new double[3];
    for (int i = 0; i < s.length; i++) {
      s[i] = once(sql);
    }
    Arrays.sort(s);
    return s[1];
  }

  private double once(String sql) throws IOException, InterruptedException {
    long t = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder("sqlite3", "-readonly", db.toString(), sql)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new IllegalStateException("the sqlite3 shell is not installed (apt install sqlite3): " + e.getMessage(), e);
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("sqlite3 failed on " + db);
    }
    return (System.nanoTime() - t) / 1e9;
  }
}
