package io.loaxa.hub.ingest;

import io.loaxa.devices.Pause;
import io.loaxa.hub.Delivery;
import io.loaxa.hub.FiledAcks;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.HubStoreException;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.StationMessage;
import io.loaxa.hub.json.HubJson;
import io.loaxa.hub.json.StationBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that files station messages: it takes what arrived (up to {@link #MAX_BATCH}), files
 * it in one transaction and only then acknowledges every message of the batch to the broker and
 * tells each station of the batch which of its rows are filed (copies it already had too: a resend
 * is filed again), one filed ack per station per commit, handed on without waiting. While
 * the database is away it keeps the same batch and tries again, so nothing is acknowledged that
 * was not committed; the outage is logged once when it starts and once when it ends.
 */
public final class Ingest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
  public static final int MAX_BATCH = 500;

  private final HubStore store;
  private final Clock clock;
  private final Pause pause;
  private final DropLog drops;
  private final FiledAcks filedAcks;
  private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong filed = new AtomicLong();
  private final AtomicLong newRuns = new AtomicLong();
  private volatile boolean closed;

  public Ingest(HubStore store, Clock clock, Pause pause, DropLog drops) {
    this(store, clock, pause, drops, FiledAcks.NONE);
  }

  public Ingest(HubStore store, Clock clock, Pause pause, DropLog drops, FiledAcks filedAcks) {
    this.filedAcks = filedAcks;
    this.store = store;
    this.clock = clock;
    this.pause = pause;
    this.drops = drops;
    this.thread = new Thread(this::loop, "hub-ingest");
    this.thread.setDaemon(true);
  }

  public Ingest start() {
    thread.start();
    return this;
  }

  /** Where the MQTT link hands each message; returns at once. */
  public void offer(Delivery d) {
    arrived.add(d);
  }

  /** Messages filed (committed and acknowledged) since start. */
  public long filed() {
    return filed.get();
  }

  /** Runs that were new to the database since start. */
  public long newRuns() {
    return newRuns.get();
  }

  public long dropped() {
    return drops.dropped();
  }

  private void loop() {
    List<Delivery> batch = new ArrayList<>();
    while (!closed) {
      try {
        Delivery first = arrived.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        arrived.drainTo(batch, MAX_BATCH - 1);
        fileAll(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // a bug in filing one batch must not stop the hub from hearing the province; the batch
        // stays unacknowledged and the broker sends it again on the next connection
        LOG.error("filing a batch of {} messages failed", batch.size(), e);
      }
      batch.clear();
    }
  }

  private void fileAll(List<Delivery> batch) {
    List<StationMessage> good = new ArrayList<>(batch.size());
    List<Delivery> toAck = new ArrayList<>(batch.size());
    for (Delivery d : batch) {
      StationBodies.Decoded decoded = StationBodies.decode(d.topic(), d.body());
      if (decoded instanceof StationBodies.Accepted a) {
        good.add(a.message());
        toAck.add(d);
      } else {
        StationBodies.Dropped dropped = (StationBodies.Dropped) decoded;
        drops.drop(dropped.sender(), dropped.reason());
        d.ack().run(); // a body that breaks the protocol would break it again: never redelivered
      }
    }
    Duration wait = Duration.ofMillis(200);
    boolean failing = false;
    boolean committed = false;
    while (!closed) {
      try {
        newRuns.addAndGet(store.file(good, clock.instant()));
        committed = true;
        if (failing) {
          LOG.info("the hub database takes messages again; filed the {} that waited", good.size());
        }
        break;
      } catch (HubStoreException e) {
        if (!failing) {
          failing = true;
          LOG.warn("cannot file {} station messages: {}; they stay unacknowledged and are tried again", good.size(),
              e.getMessage());
        }
        pause.pause(wait);
        wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait.multipliedBy(2);
      }
    }
    if (!committed) {
      return;
    }
    toAck.forEach(d -> d.ack().run());
    filed.addAndGet(good.size());
    filedAcks.send(acks(good, clock.instant()));
  }

  /** One filed ack per station of the batch, its seqs in the order they came; the online notice has none. */
  static List<FiledAcks.Ack> acks(List<StationMessage> good, Instant at) {
    Map<StationKey, List<Long>> seqs = new LinkedHashMap<>();
    for (StationMessage m : good) {
      if (m.outboxSeq() > 0) {
        seqs.computeIfAbsent(m.station(), k -> new ArrayList<>()).add(m.outboxSeq());
      }
    }
    List<FiledAcks.Ack> out = new ArrayList<>(seqs.size());
    seqs.forEach((station, list) -> out.add(new FiledAcks.Ack(station, HubJson.filed(list, at))));
    return out;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
