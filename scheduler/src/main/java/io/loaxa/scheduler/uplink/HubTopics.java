package io.loaxa.scheduler.uplink;

import io.loaxa.scheduler.config.HubConfig;

/** The topics of one station on the hub's broker (docs/hub-protocol.md). */
public record HubTopics(String stationId) {
  public static final String ROOT = "loaxa/v1/";

  public HubTopics {
    if (!HubConfig.STATION_ID.matcher(stationId).matches()) {
      throw new IllegalArgumentException("station id must be 1-40 of a-z 0-9 -: " + stationId);
    }
  }

  public String run() {
    return station("run");
  }

  public String health() {
    return station("health");
  }

  public String ack() {
    return station("ack");
  }

  /** Retained; the will says offline. */
  public String online() {
    return station("online");
  }

  /** What the hub sends this station. */
  public String command() {
    return ROOT + "hub/" + stationId + "/command";
  }

  /** Where the hub says which of this station's rows its database has (not retained). */
  public String filed() {
    return ROOT + "hub/" + stationId + "/filed";
  }

  /** The retained online flag's body; {@code false} is also the will. */
  public static byte[] onlineBody(boolean online, java.time.Instant at) {
    return HubBodies.online(online, at);
  }

  /** The MQTT client id. */
  public String clientId() {
    return "loaxa-station-" + stationId;
  }

  private String station(String what) {
    return ROOT + "station/" + stationId + "/" + what;
  }
}
