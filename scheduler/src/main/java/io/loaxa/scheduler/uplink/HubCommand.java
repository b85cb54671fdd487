package io.loaxa.scheduler.uplink;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command from the hub whose signature, station, expiry, sequence, zones and content checked out.
 *
 * @param zones the zone keys, or {@code ["*"]} for all
 * @param audio a recording sent with it, its bytes already checked against its sha256
 * @param payload the command JSON exactly as signed
 */
public record HubCommand(String id, long seq, Instant issuedAt, Instant expiresAt, Type type, String priority,
    String title, String category, List<String> zones, Optional<String> text, Optional<Audio> audio,
    Optional<Instant> at, Optional<Integer> repeatEveryMinutes, Optional<Instant> until, Optional<String> cancels,
    String payload) {
  /** What the hub asks. */
  public enum Type {
    EMERGENCY, BULLETIN, CANCEL;

    /** As the protocol writes it. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A recording carried in the command. */
  public record Audio(String name, byte[] data) {
    public Audio {
      Objects.requireNonNull(name, "name");
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  public HubCommand {
    zones = List.copyOf(zones);
  }

  /** Every zone of the station. */
  public boolean allZones() {
    return zones.equals(List.of("*"));
  }
}
