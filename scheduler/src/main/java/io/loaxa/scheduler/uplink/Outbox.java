package io.loaxa.scheduler.uplink;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the station still has to tell the hub, in the station's own database: rows are added,
 * sent in {@code seq} order and marked sent, never removed. Run rows are added by the airing log
 * in the transaction that ends the run; this port adds health snapshots and acks.
 */
public interface Outbox {
  /** Adds a health snapshot or an ack ({@code body}: its fields as a JSON object); returns its seq. */
  long add(OutboxRow.Kind kind, String body);

  /** The oldest unsent rows, lowest seq first, at most {@code limit}. */
  List<OutboxRow> unsent(int limit);

  /** The broker acknowledged row {@code seq}. */
  void sent(long seq, Instant at);

  /** One more try to send row {@code seq} (for the count of resends). */
  void attempted(long seq);

  /**
   * The hub filed rows {@code seqs} (its database has them): they are done, sent or not. Seqs the
   * outbox does not have are ignored.
   */
  void filed(Collection<Long> seqs, Instant at);

  /**
   * Puts rows sent before {@code sentBefore} and not filed back to unsent, so they go again in seq
   * order; only from the first row this hub ever filed on (a hub that never files gets no resends).
   *
   * @return how many rows go again
   */
  int resendUnfiled(Instant sentBefore);

  /** How many rows wait. */
  long waiting();
}
