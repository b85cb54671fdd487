package io.loaxa.scheduler.airing;

import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who holds the air and who goes next (Thông tư 39/2020): the highest priority waiting goes first,
 * equal priorities first come, first served. A waiting {@link Priority#EMERGENCY} pre-empts a lower
 * holder at once; a waiting {@link Priority#PRIORITY} asks a {@link Priority#NORMAL} holder to end
 * at the end of its running segment. Thread-safe.
 */
final class OnAirQueue {
  /** What a holder must do when asked to give up the air; called under the queue's lock, must not block. */
  interface Yield {
    /** Stop now, with the audio engine's short fade. */
    void now(String why);

    /** End when the running segment ends. */
    void atSegmentEnd(String why);
  }

  /** One airing's place in the queue, then on the air. */
  static final class Claim {
    final PlannedAiringKey key;
    final Priority priority;
    private final long arrival;
    private final Yield yield;
    private volatile Optional<PlannedAiringKey> preemptedBy = Optional.empty();
    private boolean askedAtSegmentEnd;

    private Claim(PlannedAiringKey key, Priority priority, long arrival, Yield yield) {
      this.key = key;
      this.priority = priority;
      this.arrival = arrival;
      this.yield = yield;
    }

    /** Stops this airing now, as an emergency would (the operator's cancel). */
    void stopNow(String why) {
      yield.now(why);
    }

    /** The key of the airing that took this one's air, if one did. */
    Optional<PlannedAiringKey> preemptedBy() {
      return preemptedBy;
    }
  }

  private static final Comparator<Claim> ORDER =
      Comparator.comparing((Claim c) -> c.priority).reversed().thenComparingLong(c -> c.arrival);

  /** Package-private for the queue's own tests, which hold it to order a hand-over exactly. */
  final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Runnable idle;
  private final TreeSet<Claim> waiting = new TreeSet<>(ORDER);
  private Claim holder;
  private long arrivals;

  /**
   * @param idle called, under the queue's lock, when the last waiter gives up while nobody holds
   *     the air: a holder that left the air warm for it (the amplifier on) has nobody to hand over to
   */
  OnAirQueue(Runnable idle) {
    this.idle = idle;
  }

  /**
   * Waits for the air and takes it. While it waits, a higher priority than the holder's makes the
   * holder yield as its priority says.
   */
  Claim enter(PlannedAiringKey key, Priority priority, Yield yield) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      Claim me = new Claim(key, priority, arrivals++, yield);
      waiting.add(me);
      try {
        while (holder != null || waiting.first() != me) {
          if (holder != null && waiting.first() == me) {
            challenge(holder, me);
          }
          changed.await();
        }
      } catch (InterruptedException e) {
        waiting.remove(me);
        changed.signalAll();
        if (holder == null && waiting.isEmpty()) {
          idle.run();
        }
        throw e;
      }
      waiting.remove(me);
      holder = me;
      return me;
    } finally {
      lock.unlock();
    }
  }

  /** Gives the air back; the next in line takes it. */
  void leave(Claim claim) {
    lock.lock();
    try {
      if (holder == claim) {
        holder = null;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** True when an airing waits to go on air at once after the holder (the amplifier may stay on). */
  boolean someoneWaiting() {
    return waiting() > 0;
  }

  /** How many airings wait for the air. */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** The claim on air now, if any. */
  Optional<Claim> holder() {
    lock.lock();
    try {
      return Optional.ofNullable(holder);
    } finally {
      lock.unlock();
    }
  }

  private static void challenge(Claim holder, Claim next) {
    if (next.priority.compareTo(holder.priority) <= 0) {
      return;
    }
    boolean emergency = next.priority == Priority.EMERGENCY;
    if (holder.preemptedBy.isPresent() && !(emergency && holder.askedAtSegmentEnd)) {
      return;
    }
    holder.preemptedBy = Optional.of(next.key);
    if (emergency) {
      holder.askedAtSegmentEnd = false;
      holder.yield.now("pre-empted by emergency " + next.key);
    } else {
      holder.askedAtSegmentEnd = true;
      holder.yield.atSegmentEnd("yielded at the end of its segment to priority " + next.key);
    }
  }
}
