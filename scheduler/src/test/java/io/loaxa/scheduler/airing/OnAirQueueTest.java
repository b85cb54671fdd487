package io.loaxa.scheduler.airing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The air's queue on real threads. The hand-over is ordered exactly by holding the queue's lock
 * while the next airing is interrupted and then handed the air, so no timing decides the case.
 */
class OnAirQueueTest {
  private final AtomicInteger idle = new AtomicInteger();
  private final OnAirQueue queue = new OnAirQueue(idle::incrementAndGet);

  private static final OnAirQueue.Yield KEEP_ON = new OnAirQueue.Yield() {
    @Override
    public void now(String why) {}

    @Override
    public void atSegmentEnd(String why) {}
  };

  /** Enters the queue on a thread of its own, as a Quartz worker would, and is waiting when returned. */
  private Waiter waiter(String key) throws Exception {
    int before = queue.waiting();
    Waiter w = new Waiter(key);
    w.thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (queue.waiting() <= before) {
      assertTrue(System.nanoTime() < deadline, key + " never queued");
      Thread.onSpinWait();
    }
    return w;
  }

  /**
   * The holder leaves the air just after {@code w} was interrupted: the test holds the queue's lock,
   * interrupts the waiter, waits until it has seen the interrupt (it then queues for the lock), and
   * only then lets the holder leave, so the hand-over cannot overtake the interrupt.
   */
  private void leaveAfterInterrupting(OnAirQueue.Claim holder, Waiter w) {
    queue.lock.lock();
    try {
      w.thread.interrupt();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!queue.lock.hasQueuedThread(w.thread)) {
        assertTrue(System.nanoTime() < deadline, w.thread.getName() + " never saw its interrupt");
        Thread.onSpinWait();
      }
      queue.leave(holder);
    } finally {
      queue.lock.unlock();
    }
  }

  private final class Waiter {
    final CompletableFuture<OnAirQueue.Claim> result = new CompletableFuture<>();
    final Thread thread;

    Waiter(String key) {
      thread = new Thread(() -> {
        try {
          result.complete(queue.enter(key(key), Priority.NORMAL, KEEP_ON));
        } catch (InterruptedException e) {
          result.completeExceptionally(e);
        }
      }, "waiter-" + key);
    }

    /** What ended its wait for the air without the air (null when it took the air). */
    Throwable thrown() throws Exception {
      return result.handle((claim, thrown) -> thrown).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anAiringThatGivesUpWaitingAfterTheHolderLeftSaysTheAirIsIdle() throws Exception {
    OnAirQueue.Claim first = queue.enter(key("first"), Priority.NORMAL, KEEP_ON);
    Waiter next = waiter("next");
    // the holder saw an airing waiting and left the amplifier on for it; that airing is stopped
    // (the daemon shutting down) before it takes the air
    leaveAfterInterrupting(first, next);
    assertInstanceOf(InterruptedException.class, next.thrown(), "it never took the air");
    assertEquals(1, idle.get(), "nobody is left to hand the warm amplifier to");
    assertFalse(queue.someoneWaiting());
    assertTrue(queue.holder().isEmpty());
  }

  @Test
  void anAiringThatGivesUpWhileTheAirIsHeldLeavesItToTheHolder() throws Exception {
    OnAirQueue.Claim first = queue.enter(key("first"), Priority.NORMAL, KEEP_ON);
    Waiter next = waiter("next");
    next.thread.interrupt();
    assertInstanceOf(InterruptedException.class, next.thrown());
    assertEquals(0, idle.get(), "the holder still has the air and switches off itself when it ends");
    assertEquals(first, queue.holder().orElseThrow());
    assertFalse(queue.someoneWaiting(), "the holder will not keep the amplifier on for it");
  }

  @Test
  void aGiveUpWithAnotherStillWaitingHandsTheAirOnToThatOne() throws Exception {
    OnAirQueue.Claim first = queue.enter(key("first"), Priority.NORMAL, KEEP_ON);
    Waiter second = waiter("second");
    Waiter third = waiter("third");
    leaveAfterInterrupting(first, second);
    OnAirQueue.Claim taken = third.result.get(10, TimeUnit.SECONDS);
    assertEquals(key("third"), taken.key);
    assertInstanceOf(InterruptedException.class, second.thrown());
    assertEquals(0, idle.get(), "the air went on to the third, warm");
    queue.leave(taken);
  }

  private static PlannedAiringKey key(String rule) {
    return PlannedAiringKey.of(rule, java.time.LocalDateTime.of(2026, 3, 2, 6, 0));
  }
}
