package io.loaxa.scheduler.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The station's link to the province hub as the {@code hub:} block describes it
 * (docs/hub-protocol.md): the broker, the station's id there, the hub's public key that every
 * command must be signed with, and what happens to a bulletin the hub pushes.
 *
 * @param broker {@code ssl://HOST:PORT}, or {@code tcp://} for a broker on loopback
 * @param stationId the station's broker user and topic name: 1–40 of {@code a-z 0-9 -}
 * @param hubKey the hub's Ed25519 public key, X.509 PEM
 * @param caFile the CA that signed the broker's certificate, PEM
 * @param passwordFile the station's broker password, alone in a file readable only by the station
 * @param bulletins {@code review}: a pushed bulletin waits for the operator; {@code accept}: planned at once
 */
public record HubConfig(String broker, String stationId, Path hubKey, Path caFile, Path passwordFile, Bulletins bulletins) {
  public static final Pattern STATION_ID = Pattern.compile("[a-z0-9-]{1,40}");

  /** What the station does with a bulletin the hub pushes. */
  public enum Bulletins {
    /** Held until the station's operator accepts it (the default). */
    REVIEW,
    /** Planned at once. */
    ACCEPT
  }

  public HubConfig {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(hubKey, "hubKey");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(bulletins, "bulletins");
    if (!STATION_ID.matcher(stationId).matches()) {
      throw new IllegalArgumentException("station id must be 1-40 of a-z 0-9 -: " + stationId);
    }
  }
}
