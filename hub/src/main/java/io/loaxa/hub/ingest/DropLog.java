package io.loaxa.hub.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a dropped message once per sender per hour, with how many were dropped since the last line. */
public final class DropLog {
  private static final Logger LOG = LoggerFactory.getLogger(DropLog.class);
  private static final Duration QUIET = Duration.ofHours(1);
  private final Clock clock;
  private final Map<String, Instant> lastSaid = new HashMap<>();
  private final Map<String, Long> since = new HashMap<>();
  private long dropped;

  public DropLog(Clock clock) {
    this.clock = clock;
  }

  /** Counts a dropped message; returns whether it was logged. */
  public synchronized boolean drop(String sender, String reason) {
    dropped++;
    Instant now = clock.instant();
    Instant last = lastSaid.get(sender);
    long more = since.merge(sender, 1L, Long::sum);
    if (last != null && now.isBefore(last.plus(QUIET))) {
      return false;
    }
    lastSaid.put(sender, now);
    since.put(sender, 0L);
    LOG.warn("dropped a message from {}: {}{}", sender, reason,
        more > 1 ? " (" + (more - 1) + " more dropped since the last line)" : "");
    return true;
  }

  public synchronized long dropped() {
    return dropped;
  }
}
