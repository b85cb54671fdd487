package io.loaxa.scheduler.uplink;

import io.loaxa.scheduler.AiringRunRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the station's outbox, waiting to be sent.
 *
 * @param seq the protocol's {@code outboxSeq}
 * @param body the fields of a health snapshot or an ack, as a JSON object; empty for a run's rows
 * @param run the run a {@code run} or {@code run-ack} row is about, as the airing log has it now
 * @param hubCommand the id of the hub command the run aired for
 * @param commandSeq that command's seq
 */
public record OutboxRow(long seq, Kind kind, Optional<String> body, Optional<AiringRunRecord> run,
    Optional<String> hubCommand, OptionalLong commandSeq, Instant createdAt) {
  /** What a row carries. */
  public enum Kind {
    RUN("run"), RUN_ACK("run-ack"), HEALTH("health"), ACK("ack");

    private final String stored;

    Kind(String stored) {
      this.stored = stored;
    }

    /** The row's kind as the outbox table writes it. */
    public String stored() {
      return stored;
    }

    public static Kind ofStored(String text) {
      for (Kind k : values()) {
        if (k.stored.equals(text)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown outbox kind " + text);
    }
  }
}
