package io.loaxa.scheduler.accounts;

import java.time.Instant;
import java.util.List;

/** The append-only audit log: entries are added, never changed or removed. */
public interface AuditLog {
  void record(String who, String address, String action, String before, String after, boolean allowed);

  /** Entries from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  List<AuditEntry> between(Instant from, Instant to);
}
