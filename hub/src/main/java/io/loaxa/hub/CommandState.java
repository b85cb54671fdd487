package io.loaxa.hub;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a pushed command stands for one station: queued at the hub, sent to the broker, then what
 * the station acknowledged. A state never goes back: a late {@code received} after {@code aired}
 * leaves {@code aired}.
 */
public enum CommandState {
  QUEUED(0), SENT(1), RECEIVED(2), HELD(3), ACCEPTED(4), AIRED(5), FAILED(5), REFUSED(6), REJECTED(6), CANCELLED(6);

  private final int rank;

  CommandState(int rank) {
    this.rank = rank;
  }

  /** The rank in the order sent → received → held → accepted → aired/failed; refusals end it. */
  public int rank() {
    return rank;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A state a station may send in an ack. */
  public static Optional<CommandState> fromAck(String text) {
    return switch (text == null ? "" : text) {
      case "received" -> Optional.of(RECEIVED);
      case "refused" -> Optional.of(REFUSED);
      case "held" -> Optional.of(HELD);
      case "accepted" -> Optional.of(ACCEPTED);
      case "rejected" -> Optional.of(REJECTED);
      case "aired" -> Optional.of(AIRED);
      case "failed" -> Optional.of(FAILED);
      default -> Optional.empty();
    };
  }

  public static CommandState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
