package io.loaxa.hub;

import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.json.StationBodies;
import io.loaxa.hub.postgres.HubDatabase;
import io.loaxa.hub.postgres.PostgresHubStore;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.testkit.Mosquitto;
import io.loaxa.testkit.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A private PostgreSQL cluster with the hub's schema, and ways to file protocol bodies into it. */
public final class HubPostgres implements AutoCloseable {
  public final PostgresCluster cluster;
  public final HubDatabase database;
  public final PostgresHubStore store;

  private HubPostgres(PostgresCluster cluster, HubDatabase database) {
    this.cluster = cluster;
    this.database = database;
    this.store = new PostgresHubStore(database);
  }

  public static HubPostgres start() throws Exception {
    PostgresCluster cluster = PostgresCluster.start("hub");
    try {
      return new HubPostgres(cluster, HubDatabase.open(cluster.jdbcUrl(), cluster.user(), "", 4, Duration.ofSeconds(10)));
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public static StationMessage decoded(String station, String kind, byte[] body) {
    StationBodies.Decoded d = StationBodies.decode("loaxa/v1/station/" + station + "/" + kind, body);
    if (d instanceof StationBodies.Accepted a) {
      return a.message();
    }
    throw new AssertionError("dropped: " + d);
  }

  /**
   * The config of a hub on this cluster and {@code broker}, as the tests start one: its signing keys
   * made under {@code dir}, its broker password in a file there, the web API on loopback only.
   */
  public HubConfig hubConfig(Path dir, Mosquitto broker, String brokerPassword) throws Exception {
    HubKeys.generate(dir.resolve("keys"));
    Path secret = Files.writeString(dir.resolve("hub-broker.secret"), brokerPassword + "\n");
    return new HubConfig("Sở VHTT tỉnh thử", ZoneId.of("Asia/Ho_Chi_Minh"), dir.resolve("data"),
        dir.resolve("keys").resolve(HubKeys.PRIVATE),
        new HubConfig.Database(cluster.jdbcUrl(), cluster.user(), Optional.empty(), 4),
        new HubConfig.Broker(broker.url(), Mosquitto.HUB_USER, Optional.of(secret), Optional.of(broker.caFile())),
        WebConfig.LOCAL_ONLY, PeakWindows.DEFAULT);
  }

  /** Files a health snapshot for each station: its commune and hamlets thon-1, thon-2. */
  public void stations(Instant at, String... stationAndCommune) throws Exception {
    List<StationMessage> batch = new ArrayList<>();
    for (int i = 0; i < stationAndCommune.length; i += 2) {
      batch.add(decoded(stationAndCommune[i], "health", Bodies.health(stationAndCommune[i], 1, stationAndCommune[i + 1], at)));
    }
    store.file(batch, at);
  }

  @Override
  public void close() {
    store.close();
    cluster.close();
  }
}
