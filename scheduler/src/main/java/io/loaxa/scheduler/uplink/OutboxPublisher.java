package io.loaxa.scheduler.uplink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the hub on its own thread: the unsent rows in {@code seq} order, each at QoS
 * 1, and marks a row sent only once the broker acknowledged it. When the link is down it stops at
 * the first row that did not go and tries again later (backing off to half a minute), so the hub
 * sees the rows in order; a row the broker took but whose ack was lost goes again, and the hub keeps
 * one copy. The broker's ack is not the end of a row: the broker may lose what it has not saved yet.
 * The hub says which rows its database has (its filed acks, {@link #filed}); while the link is up,
 * a row sent but not filed for longer than the resend delay goes again, in seq order with the
 * rest, once this hub has ever filed a row (a hub that does not file gets no resends). It logs an
 * outage once when it starts and once when it ends. The airing path never waits for it: a run's row
 * is already in the outbox when the run has ended.
 */
public final class OutboxPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final int BATCH = 200;
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final Duration MOST_BACKOFF = Duration.ofSeconds(30);
  /** How long a sent row waits for the hub's filed ack before it goes again. */
  public static final Duration RESEND_DELAY = Duration.ofSeconds(60);

  private final Outbox outbox;
  private final HubLink link;
  private final HubTopics topics;
  private final Clock clock;
  private final Duration resendDelay;
  private final Object signal = new Object();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private boolean nudged;
  private volatile boolean running;
  private Thread thread;
  private final AtomicLong resent = new AtomicLong();
  private Optional<String> outage = Optional.empty();
  private volatile Instant malformedLogged = Instant.MIN;

  public OutboxPublisher(Outbox outbox, HubLink link, HubTopics topics, Clock clock) {
    this(outbox, link, topics, clock, RESEND_DELAY);
  }

  /** @param resendDelay how long a sent row waits for the hub's filed ack before it goes again */
  public OutboxPublisher(Outbox outbox, HubLink link, HubTopics topics, Clock clock, Duration resendDelay) {
    if (resendDelay.isNegative() || resendDelay.isZero()) {
      throw new IllegalArgumentException("resend delay must be positive: " + resendDelay);
    }
    this.outbox = outbox;
    this.link = link;
    this.topics = topics;
    this.clock = clock;
    this.resendDelay = resendDelay;
  }

  /**
   * A filed ack from the hub ({@code {"v":1,"seqs":[…],"at":"…"}}): those rows are done. A body
   * that is not one is dropped (the rows go again after the resend delay) and logged at most once
   * an hour.
   */
  public void filed(byte[] body) {
    List<Long> seqs;
    try {
      seqs = HubBodies.filedSeqs(body);
    } catch (IllegalArgumentException e) {
      Instant now = clock.instant();
      Instant last = malformedLogged;
      if (now.isBefore(last) || !now.isBefore(last.plus(Duration.ofHours(1)))) {
        malformedLogged = now;
        LOG.warn("dropped a filed ack from the hub that is not one (logged at most once an hour): {}", e.getMessage());
      }
      return;
    }
    outbox.filed(seqs, clock.instant());
  }

  /** Rows put back to go again since start, for want of the hub's filed ack. */
  public long resent() {
    return resent.get();
  }

  /** Starts the sending thread. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "hub-outbox");
    thread.setDaemon(true);
    thread.start();
  }

  /** Something new waits, or the link came back: send now instead of at the next poll. */
  public void nudge() {
    synchronized (signal) {
      nudged = true;
      signal.notifyAll();
    }
  }

  /** Rows the broker acknowledged since this publisher started (a row sent twice counts twice). */
  public long published() {
    return published.get();
  }

  /** Rows that did not go on a try (link down, no ack in time). */
  public long failures() {
    return failures.get();
  }

  private void loop() {
    Duration backoff = Duration.ofSeconds(1);
    while (running) {
      boolean ok;
      try {
        ok = sendWaiting();
      } catch (RuntimeException e) {
        // the store failing is a bug or a full disk: say it, keep the thread
        LOG.error("sending the hub outbox failed; trying again", e);
        ok = false;
      }
      Duration wait;
      if (ok) {
        backoff = Duration.ofSeconds(1);
        wait = IDLE;
      } else {
        wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff.multipliedBy(2);
      }
      synchronized (signal) {
        if (!nudged && running) {
          try {
            signal.wait(wait.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        nudged = false;
      }
    }
  }

  /**
   * One pass: sends every unsent row in order until none is left or one does not go.
   *
   * @return false when a row did not go (the link is down)
   */
  public boolean sendWaiting() {
    if (link.connected()) {
      int again = outbox.resendUnfiled(clock.instant().minus(resendDelay));
      if (again > 0) {
        resent.addAndGet(again);
        LOG.info("{} outbox rows the broker took were not filed by the hub within {} s; sending them again", again,
            resendDelay.toSeconds());
      }
    }
    while (running || thread == null) {
      List<OutboxRow> rows = outbox.unsent(BATCH);
      if (rows.isEmpty()) {
        return true;
      }
      for (OutboxRow row : rows) {
        if (!send(row)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean send(OutboxRow row) {
    Optional<Message> message = message(row);
    if (message.isEmpty()) {
      LOG.error("outbox row {} ({}) has nothing to send; its run is gone; marked sent and filed", row.seq(), row.kind());
      outbox.sent(row.seq(), clock.instant());
      outbox.filed(List.of(row.seq()), clock.instant());
      return true;
    }
    try {
      outbox.attempted(row.seq());
      link.publish(message.get().topic(), HubBodies.stamped(topics.stationId(), row.seq(), clock.instant(),
          message.get().fields()), false);
    } catch (HubLink.HubLinkException e) {
      failures.incrementAndGet();
      if (outage.isEmpty()) {
        outage = Optional.of(e.getMessage());
        LOG.warn("the hub is out of reach ({}); {} rows wait in the outbox and go when it is back", e.getMessage(),
            outbox.waiting());
      }
      return false;
    }
    outbox.sent(row.seq(), clock.instant());
    published.incrementAndGet();
    if (outage.isPresent()) {
      outage = Optional.empty();
      LOG.info("the hub is reachable again; sending the outbox ({} rows wait)", outbox.waiting());
    }
    return true;
  }

  private record Message(String topic, String fields) {}

  private Optional<Message> message(OutboxRow row) {
    return switch (row.kind()) {
      case RUN -> row.run().map(r -> new Message(topics.run(), HubBodies.run(r, row.hubCommand())));
      case RUN_ACK -> row.run().filter(r -> row.hubCommand().isPresent())
          .map(r -> new Message(topics.ack(), HubBodies.runAck(r, row.hubCommand().get(), row.commandSeq())));
      case HEALTH -> row.body().map(b -> new Message(topics.health(), b));
      case ACK -> row.body().map(b -> new Message(topics.ack(), b));
    };
  }

  /** Stops the thread; what is unsent stays in the outbox for the next start. Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    nudge();
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
