package io.loaxa.scheduler.uplink;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every command from the hub that reached the station, with what became of it, and the highest
 * seq accepted: kept in the station's database across restarts. Each change is written together
 * with its ack row in the outbox, in one transaction.
 */
public interface HubCommandStore {
  /** The highest seq of an accepted command; empty before the first. */
  OptionalLong highestAccepted();

  /**
   * Stores a verified command as {@code received} with its ack, unless its seq is not above the
   * highest accepted or its id is known (checked again here, atomically).
   *
   * @return false when it is a replay after all
   */
  boolean accept(String id, long seq, String type, String payload, Instant at, String ackBody);

  /** Stores a refusal (the id and seq when the payload could be read) with its ack. */
  void refuse(Optional<String> id, OptionalLong seq, Optional<String> type, String reason, Instant at, String ackBody);

  /**
   * A command's new state ({@code held}, {@code accepted}, {@code failed}, {@code cancelled}, …)
   * with the rule key its airings were planned under; an ack row when {@code ackBody} is given.
   */
  void state(String id, String state, Optional<String> ruleKey, String reason, Optional<String> ackBody);

  /** The rule key the command's airings were planned under. */
  Optional<String> ruleOf(String id);

  /** The command's state now. */
  Optional<String> stateOf(String id);

  /** A command as stored: its id and its signed payload. */
  record Stored(String id, String payload) {}

  /**
   * Commands stored as {@code received} that were never carried out (nothing planned for them, no
   * later state): what a station stopped between the two left behind. In the order they came.
   */
  java.util.List<Stored> unacted();

  /** A command kept in state {@code held}: its id, seq, signed payload as received, and when it came. */
  record Held(String id, long seq, String payload, Instant receivedAt) {}

  /** The commands held for the operator (bulletins under {@code hub.bulletins: review}), oldest first. */
  java.util.List<Held> held();
}
