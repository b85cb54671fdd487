package io.loaxa.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A bulletin or an emergency the province sends to chosen stations: all of them, the stations of
 * chosen communes, or chosen hamlets of chosen stations. One signed {@link Command} per station.
 */
public record Push(String id, Command.Type type, String priority, String title, String category, Targets targets,
    Instant issuedAt, Instant expiresAt, String issuedBy, Optional<Instant> cancelledAt) {

  /** Who a push goes to; {@code hamlets} maps a station to its hamlet keys. */
  public record Targets(boolean all, List<String> communes, List<Hamlet> hamlets) {
    public Targets {
      communes = List.copyOf(communes);
      hamlets = List.copyOf(hamlets);
    }
  }

  /** One hamlet of one station. */
  public record Hamlet(StationKey station, String zone) {}
}
