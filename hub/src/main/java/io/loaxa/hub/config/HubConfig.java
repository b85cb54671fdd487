package io.loaxa.hub.config;

import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.report.PeakWindows;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The province hub as configured. Paths are resolved against the file's folder.
 *
 * @param dataDir where the accounts and audit log live (the station's SQLite store)
 * @param signingKey the hub's Ed25519 private key (PKCS#8 PEM), made by {@code loaxa hub keys}
 */
public record HubConfig(String name, ZoneId timeZone, Path dataDir, Path signingKey, Database database, Broker broker,
    WebConfig web, PeakWindows peaks) {

  /** The hub's PostgreSQL. */
  public record Database(String url, String user, Optional<Path> passwordFile, int pool) {}

  /** The MQTT broker and the hub's account there. */
  public record Broker(String url, String user, Optional<Path> passwordFile, Optional<Path> caFile) {}
}
