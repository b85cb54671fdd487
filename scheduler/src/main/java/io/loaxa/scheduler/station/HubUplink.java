package io.loaxa.scheduler.station;

import io.loaxa.scheduler.config.HubConfig;
import io.loaxa.scheduler.mqtt.PahoHubLink;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.supervision.Incident;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.uplink.CommandVerifier;
import io.loaxa.scheduler.uplink.HealthReporter;
import io.loaxa.scheduler.uplink.HealthSnapshot;
import io.loaxa.scheduler.uplink.HubCommands;
import io.loaxa.scheduler.uplink.HubKey;
import io.loaxa.scheduler.uplink.HubLink;
import io.loaxa.scheduler.uplink.HubTopics;
import io.loaxa.scheduler.uplink.OutboxPublisher;
import io.loaxa.devices.BoardSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The station's link to the province hub as the {@code hub:} block asks: the MQTT link, the outbox
 * publisher, the command intake and the health reports, built from the station's own parts. Only
 * built when the config has a {@code hub:} block.
 */
public final class HubUplink implements AutoCloseable {
  private final HubLink link;
  private final OutboxPublisher publisher;
  private final HubCommands commands;
  private final HealthReporter health;

  private HubUplink(HubLink link, OutboxPublisher publisher, HubCommands commands, HealthReporter health) {
    this.link = link;
    this.publisher = publisher;
    this.commands = commands;
    this.health = health;
  }

  /**
   * Builds the link for {@code station} (nothing connects yet).
   *
   * @param soundProblem what the start found wrong with the sound output
   * @throws IOException when the hub's key, the CA or the password file cannot be read
   */
  public static HubUplink assemble(Station station, HubConfig hub, Daemon daemon, Supplier<Optional<String>> soundProblem,
      String version) throws IOException {
    PublicKey key;
    try {
      key = HubKey.fromPem(Files.readString(hub.hubKey(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IOException("hub.hubKey " + hub.hubKey() + ": " + e.getMessage(), e);
    }
    HubTopics topics = new HubTopics(hub.stationId());
    HubLink link = PahoHubLink.create(new PahoHubLink.Settings(hub.broker(), topics.clientId(), hub.stationId(),
        hub.passwordFile(), hub.caFile(), topics.command(), topics.online(), online -> HubTopics.onlineBody(online, station.clock().instant())),
        station.clock());
    OutboxPublisher publisher = new OutboxPublisher(station.outbox(), link, topics, station.clock());
    Set<String> zones = station.config().zones().stream().map(z -> z.key().value()).collect(Collectors.toSet());
    CommandVerifier verifier = new CommandVerifier(key, hub.stationId(), zones, station.clock(), daemon::clockDoubt);
    HubCommands commands = new HubCommands(new HubCommands.Parts(verifier, station.hubCommands(),
        station.accounts().audit(), station.manualAiring(), station.runner(), daemon::refresh,
        station.dataDir().resolve(station.config().contentDir()), hub.bulletins(), station.clock(),
        station.config().timeZone(), hub.broker(), publisher::nudge));
    HealthReporter health = new HealthReporter(station.outbox(), () -> snapshot(station, daemon, soundProblem),
        station.clock(), station.config(), version, publisher::nudge);
    return new HubUplink(link, publisher, commands, health);
  }

  /** The station's health from its own supervision: silent boards, the sound card's incident, clock trust, disk. */
  static HealthSnapshot snapshot(Station station, Daemon daemon, Supplier<Optional<String>> soundProblem) {
    List<String> silent = station.switchboard().silentBoards();
    List<HealthSnapshot.Device> boards = new ArrayList<>();
    for (BoardSpec b : station.config().boards()) {
      boolean ok = !silent.contains(b.key());
      boards.add(new HealthSnapshot.Device(b.key(), ok, ok ? "" : "bảng rơ-le không trả lời / board not answering"));
    }
    List<Incident> open = station.incidents().open();
    Optional<String> sound = soundProblem.get().or(() -> open.stream()
        .filter(i -> i.kind() == IncidentKind.SOUND_CARD_MISSING).map(Incident::detail).findFirst());
    long freeMb;
    try {
      freeMb = Files.getFileStore(station.dataDir()).getUsableSpace() / (1024 * 1024);
    } catch (IOException e) {
      freeMb = -1;
    }
    return new HealthSnapshot(boards, new HealthSnapshot.Device(station.sound().name(), sound.isEmpty(), sound.orElse("")),
        daemon.clockDoubt().isEmpty(), freeMb, open.size());
  }

  /**
   * Carries out commands received before a stop and never acted on, connects in the background,
   * starts sending the outbox, and puts the first health snapshot in it.
   */
  public void start() {
    commands.resume();
    publisher.start();
    link.start(commands::receive, publisher::filed, publisher::nudge);
    health.tick();
  }

  /** Called every few seconds: a health snapshot when one is due. */
  public void tick() {
    health.tick();
  }

  public OutboxPublisher publisher() {
    return publisher;
  }

  public HubCommands commands() {
    return commands;
  }

  @Override
  public void close() {
    commands.close();
    publisher.close();
    link.close();
  }
}
