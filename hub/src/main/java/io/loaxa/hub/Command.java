package io.loaxa.hub;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One signed command to one station and where it stands there. */
public record Command(String id, String push, StationKey station, long seq, Type type, List<String> zones,
    Instant issuedAt, Instant expiresAt, String envelope, CommandState state, Instant stateAt,
    Optional<Instant> sentAt, Optional<Instant> receivedAt, Optional<Instant> airedAt, Optional<Long> runId,
    Optional<String> outcome, String reason) {

  /** The command kinds of the protocol. */
  public enum Type {
    EMERGENCY, BULLETIN, CANCEL;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A command before the store gives it its sequence number: everything the signed JSON carries.
   * {@code zones} is {@code ["*"]} for all the station's hamlets.
   */
  public record Draft(String id, String push, StationKey station, Type type, String priority, String title,
      String category, List<String> zones, String text, Instant issuedAt, Instant expiresAt, Optional<Instant> at,
      Optional<Integer> repeatEveryMinutes, Optional<Instant> until, Optional<String> cancels) {}
}
