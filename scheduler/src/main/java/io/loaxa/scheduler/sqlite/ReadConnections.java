package io.loaxa.scheduler.sqlite;

import io.loaxa.scheduler.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A few read-only connections to the station file, for the office's questions to the log (pages,
 * exports, reports) while the airing runner writes through the station's one writing connection.
 * SQLite in WAL mode lets every one of them read beside the writer without either waiting.
 *
 * <p>Connections are opened when first needed, up to {@code max}, and kept; a read that finds
 * them all busy waits up to {@link #WAIT} for one. Thread-safe. The file must already be migrated
 * (the station opens its {@link Database} first).
 */
public final class ReadConnections implements AutoCloseable {
  /** The longest a read waits for a free connection before it is refused. */
  static final long WAIT_MILLIS = 30_000;
  static final String WAIT = WAIT_MILLIS / 1000 + " s";

  /** One piece of reading on a borrowed connection; it must not keep the connection. */
  public interface Read<T> {
    T apply(Connection c) throws SQLException;
  }

  private final SQLiteDataSource source;
  private final Path file;
  private final int max;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> opened = new ArrayList<>();
  private boolean closed;

  private ReadConnections(SQLiteDataSource source, Path file, int max) {
    this.source = source;
    this.file = file;
    this.max = max;
  }

  /** Up to {@code max} reading connections to the station file in {@code dataDir}; none opened yet. */
  public static ReadConnections open(Path dataDir, int max) {
    if (max < 1 || max > 16) {
      throw new IllegalArgumentException("1..16 reading connections, not " + max);
    }
    Path file = dataDir.resolve(Database.FILE).toAbsolutePath();
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    return new ReadConnections(source, file, max);
  }

  /** How many connections are open now (idle or reading). */
  synchronized int openCount() {
    return opened.size();
  }

  /**
   * Runs {@code work} on a free connection, in one read transaction (so a count and the page after
   * it see the same rows).
   *
   * @throws StoreException when the file cannot be read, or no connection came free in time
   */
  public <T> T read(Read<T> work) {
    Connection c = borrow();
    boolean broken = false;
    try {
      c.setAutoCommit(false);
      try {
        return work.apply(c);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      broken = true;
      throw new StoreException("reading " + file + ": " + e.getMessage(), e);
    } finally {
      giveBack(c, broken);
    }
  }

  private synchronized Connection borrow() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (true) {
      if (closed) {
        throw new IllegalStateException("the reading connections are closed");
      }
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
      if (opened.size() < max) {
        try {
          c = source.getConnection();
        } catch (SQLException e) {
          throw new StoreException("cannot open " + file + " for reading: " + e.getMessage(), e);
        }
        opened.add(c);
        return c;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new StoreException("all " + max + " reading connections to " + file + " stayed busy for " + WAIT, null);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted waiting to read " + file, e);
      }
    }
  }

  private synchronized void giveBack(Connection c, boolean broken) {
    if (closed || broken) {
      opened.remove(c);
      quietly(c);
    } else {
      idle.addFirst(c);
    }
    notifyAll();
  }

  /** Closes the idle connections now and each busy one when its read ends; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Connection c : idle) {
      opened.remove(c);
      quietly(c);
    }
    idle.clear();
    notifyAll();
  }

  private void quietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing a read-only connection loses nothing; the next open reports a real fault
      org.slf4j.LoggerFactory.getLogger(ReadConnections.class).debug("closing a reading connection to {}: {}", file,
          e.getMessage());
    }
  }
}
