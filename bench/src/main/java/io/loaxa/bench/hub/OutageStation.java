package io.loaxa.bench.hub;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.mqtt.PahoHubLink;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import io.loaxa.scheduler.sqlite.SqliteOutbox;
import io.loaxa.scheduler.uplink.HubTopics;
import io.loaxa.scheduler.uplink.OutboxPublisher;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One station of the link-outage figure, as the station daemon runs its side of the hub: the airing
 * log and its outbox in the station's own SQLite file, the outbox publisher and the Paho link, on a
 * clock of its own that the bench moves through the day. Away from the broker it airs into the
 * outbox; {@link #comeBack()} builds the link as a daemon does when the line returns.
 */
final class OutageStation implements AutoCloseable {
  final String id;
  final MutableClock clock;
  private final Database db;
  private final SqliteAiringLog log;
  private final SqliteOutbox outbox;
  private final String broker;
  private final Path ca;
  private final Path password;
  private final List<Long> aired = new ArrayList<>();
  private PahoHubLink link;
  private OutboxPublisher publisher;

  OutageStation(String id, Path dir, String broker, Path ca, String secret, Instant now) throws Exception {
    this.id = id;
    this.clock = new MutableClock(now);
    Files.createDirectories(dir);
    this.password = Files.writeString(dir.resolve("hub.secret"), secret + "\n");
    this.db = Database.open(dir);
    this.log = new SqliteAiringLog(db, clock);
    this.log.feedOutbox();
    this.outbox = new SqliteOutbox(db, clock);
    this.broker = broker;
    this.ca = ca;
  }

  /** Airs one planned airing of the schedule for its planned length, all zones confirmed; the clock ends at its end. */
  synchronized void air(PlannedAiring p, Programme programme, List<ZoneKey> stationZones) {
    Instant start = p.startsAt();
    clock.set(start);
    Instant end = start.plus(programme.plannedLength());
    List<String> zones = p.zones().resolve(stationZones).stream().map(ZoneKey::value).toList();
    long run = log.record(new RunStart(p.key(), programme.key().value(), programme.title(), programme.category().key(),
        p.priority().name(), Trigger.SCHEDULED, start, zones, ""), new RunEnd(Optional.of(start), end, zones, List.of(),
        List.of(), Outcome.COMPLETED, ""));
    clock.set(end);
    if (run < 0) {
      throw new IllegalStateException(id + " aired " + p.key().value() + " twice");
    }
    aired.add(run);
  }

  /** Connects and sends the outbox in the background. */
  synchronized void comeBack() throws Exception {
    HubTopics topics = new HubTopics(id);
    link = PahoHubLink.create(new PahoHubLink.Settings(broker, topics.clientId(), id, password, ca, topics.command(),
        topics.online(), on -> HubTopics.onlineBody(on, clock.instant())), clock);
    publisher = new OutboxPublisher(outbox, link, topics, clock);
    publisher.start();
    link.start(b -> { }, publisher::filed, publisher::nudge);
  }

  /** The run ids of the airing log, each with its outbox row. */
  synchronized List<Long> aired() {
    return List.copyOf(aired);
  }

  long waiting() {
    return outbox.waiting();
  }

  /** Rows the broker acknowledged (a row sent twice counts twice). */
  long published() {
    return publisher == null ? 0 : publisher.published();
  }

  @Override
  public synchronized void close() {
    if (publisher != null) {
      publisher.close();
      link.close();
    }
    db.close();
  }
}
