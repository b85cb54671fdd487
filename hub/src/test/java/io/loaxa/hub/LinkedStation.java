package io.loaxa.hub;

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
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A commune station as the station daemon runs its side of the hub: the airing log and its outbox
 * in the station's own SQLite file, the outbox publisher and the Paho link to the province's broker,
 * on a clock that moves only when told. {@link #goOffline()} takes the link away (the station airs
 * on into its outbox); {@link #comeBack()} builds a new link, as a daemon does when the line returns.
 */
final class LinkedStation implements AutoCloseable {
  final String id;
  final MutableClock clock;
  private final Database db;
  private final SqliteAiringLog log;
  private final SqliteOutbox outbox;
  private final String broker;
  private final Path ca;
  private final Path password;
  private final List<Long> aired = new ArrayList<>();
  private final List<String> filedHeard = new CopyOnWriteArrayList<>();
  private Duration resendDelay = OutboxPublisher.RESEND_DELAY;
  private PahoHubLink link;
  private OutboxPublisher publisher;

  private LinkedStation(String id, MutableClock clock, Path dir, String broker, Path ca, Path password) {
    this.id = id;
    this.clock = clock;
    this.db = Database.open(dir);
    this.log = new SqliteAiringLog(db, clock);
    this.log.feedOutbox();
    this.outbox = new SqliteOutbox(db, clock);
    this.broker = broker;
    this.ca = ca;
    this.password = password;
  }

  /** The station with its data in {@code dir}, its broker password {@code secret}, not yet connected. */
  static LinkedStation open(String id, Path dir, String broker, Path ca, String secret, Instant now) throws Exception {
    Files.createDirectories(dir);
    Path password = Files.writeString(dir.resolve("hub.secret"), secret + "\n");
    return new LinkedStation(id, new MutableClock(now), dir, broker, ca, password);
  }

  /** Connects and starts sending the outbox (in the background, as the daemon does). */
  synchronized LinkedStation comeBack() throws Exception {
    if (link != null) {
      return this;
    }
    HubTopics topics = new HubTopics(id);
    link = PahoHubLink.create(new PahoHubLink.Settings(broker, topics.clientId(), id, password, ca, topics.command(),
        topics.online(), on -> HubTopics.onlineBody(on, clock.instant())), clock);
    OutboxPublisher p = new OutboxPublisher(outbox, link, topics, clock, resendDelay);
    publisher = p;
    publisher.start();
    link.start(b -> { }, b -> {
      filedHeard.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
      p.filed(b);
    }, publisher::nudge);
    return this;
  }

  /** How long a sent row waits for the hub's filed ack before it goes again, from the next {@link #comeBack()}. */
  synchronized LinkedStation resendAfter(Duration delay) {
    resendDelay = delay;
    return this;
  }

  /** The filed acks the station's link was handed, as they came. */
  List<String> filedHeard() {
    return List.copyOf(filedHeard);
  }

  /** Rows sent again for want of the hub's filed ack, on the current link. */
  synchronized long resent() {
    return publisher == null ? 0 : publisher.resent();
  }

  /** Outbox rows the hub has not filed yet, sent or not. */
  long unfiled() {
    return outbox.unfiled();
  }

  /** The line to the province is cut: the link goes, what is unsent stays in the outbox. */
  synchronized void goOffline() {
    if (publisher != null) {
      publisher.close();
      link.close();
      publisher = null;
      link = null;
    }
  }

  /** One scheduled run of {@code length} that starts now and ends {@code length} later (the clock moves to its end). */
  synchronized long air(String programme, String category, Duration length) {
    Instant start = clock.instant();
    clock.advance(length);
    long run = log.record(new RunStart(new PlannedAiringKey(programme + "@" + start), programme, programme, category,
        "NORMAL", Trigger.SCHEDULED, start, List.of("thon-1"), ""), new RunEnd(Optional.of(start), clock.instant(),
        List.of("thon-1"), List.of(), List.of(), Outcome.COMPLETED, ""));
    if (run < 0) {
      throw new IllegalStateException(id + " aired " + programme + " at " + start + " twice");
    }
    aired.add(run);
    return run;
  }

  /** The run ids of the airing log, each of which has its outbox row. */
  synchronized List<Long> aired() {
    return List.copyOf(aired);
  }

  /** Outbox rows the broker has not acknowledged yet. */
  long waiting() {
    return outbox.waiting();
  }

  @Override
  public synchronized void close() {
    goOffline();
    db.close();
  }
}
