package io.loaxa.hub;

import io.loaxa.devices.Pause;
import io.loaxa.hub.cli.HubCommand;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.ingest.DropLog;
import io.loaxa.hub.ingest.Ingest;
import io.loaxa.hub.mqtt.HubLink;
import io.loaxa.hub.postgres.HubDatabase;
import io.loaxa.hub.postgres.PostgresHubStore;
import io.loaxa.hub.postgres.PostgresProvinceReport;
import io.loaxa.hub.push.Dispatch;
import io.loaxa.hub.push.Pushes;
import io.loaxa.hub.signing.CommandSigner;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.hub.web.HubRoutes;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.crypto.Argon2Hasher;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAccounts;
import io.loaxa.scheduler.web.ApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The province hub's composition root: the only place that builds the hub's object graph. PostgreSQL
 * (pooled, migrated) holds what the stations send; one MQTT session hears them and carries the
 * signed commands; the HTTP API is the station's server with the hub's routes. Accounts and their
 * audit log are the station's accounts package on its SQLite file in the hub's data folder.
 */
public final class HubDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubDaemon.class);

  private final HubDatabase database;
  private final PostgresHubStore store;
  private final Database accountsDb;
  private final HubLink link;
  private final Ingest ingest;
  private final Dispatch dispatch;
  private final Pushes pushes;
  private final ApiServer api;
  private final AccountService accounts;

  private HubDaemon(HubDatabase database, PostgresHubStore store, Database accountsDb, HubLink link, Ingest ingest,
      Dispatch dispatch, Pushes pushes, ApiServer api, AccountService accounts) {
    this.database = database;
    this.store = store;
    this.accountsDb = accountsDb;
    this.link = link;
    this.ingest = ingest;
    this.dispatch = dispatch;
    this.pushes = pushes;
    this.api = api;
    this.accounts = accounts;
  }

  public static void main(String[] args) {
    System.exit(HubCommand.run(args));
  }

  /**
   * Starts the hub: database first (it must answer within 30 s), then the broker (tried again in the
   * background while it is away), then the API.
   *
   * @throws IOException when the signing key or a password file cannot be read, or the API cannot start
   */
  public static HubDaemon start(HubConfig config, Clock clock, Pause pause) throws IOException {
    var key = HubKeys.readPrivate(config.signingKey());
    HubDatabase database = HubDatabase.open(config.database().url(), config.database().user(),
        secret(config.database().passwordFile()), config.database().pool(), Duration.ofSeconds(30));
    PostgresHubStore store = new PostgresHubStore(database);
    Files.createDirectories(config.dataDir());
    Database accountsDb = Database.open(config.dataDir());
    SqliteAccounts accountStore = new SqliteAccounts(accountsDb, clock);
    AccountService accounts = new AccountService(accountStore, new Argon2Hasher(), accountStore, clock);
    HubLink link;
    try {
      link = new HubLink(new HubLink.Settings(config.broker().url(), config.broker().user(),
          secret(config.broker().passwordFile()), config.broker().caFile(), HubLink.CLIENT_ID));
    } catch (IOException e) {
      database.close();
      accountsDb.close();
      throw e;
    }
    Ingest ingest = new Ingest(store, clock, pause, new DropLog(clock), link).start();
    Dispatch dispatch = new Dispatch(store, link, clock).start();
    Pushes pushes = new Pushes(store, new CommandSigner(key), dispatch, clock);
    link.start(ingest::offer);
    HubRoutes routes = new HubRoutes(store, pushes, new PostgresProvinceReport(database, clock), config.timeZone(),
        config.peaks(), clock);
    // the station's API server with the accounts and conventions; the hub has no air of its own
    ApiServer api = ApiServer.start(ApiServer.Station.withoutAir(config.name(), config.timeZone(), config.dataDir(),
        accounts, clock), config.web(), List.of(routes));
    LOG.info("province hub '{}' runs: database {}, broker {}", config.name(), config.database().url(), config.broker().url());
    return new HubDaemon(database, store, accountsDb, link, ingest, dispatch, pushes, api, accounts);
  }

  private static String secret(Optional<Path> file) throws IOException {
    return file.isEmpty() ? "" : Files.readString(file.get(), StandardCharsets.UTF_8).strip();
  }

  public HubStore store() {
    return store;
  }

  public Ingest ingest() {
    return ingest;
  }

  public Pushes pushes() {
    return pushes;
  }

  public ApiServer api() {
    return api;
  }

  public AccountService accounts() {
    return accounts;
  }

  public boolean brokerConnected() {
    return link.connected();
  }

  /** Stops in the order that loses nothing: no new messages, the batch in hand filed, then the database. */
  @Override
  public synchronized void close() {
    api.close();
    link.close();
    ingest.close();
    dispatch.close();
    store.close();
    accountsDb.close();
    LOG.info("province hub stopped");
  }
}
