package io.loaxa.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** Enters the queue on a thread of its own, as a Quartz worker would. */
  private Waiter waiter(String key) throws Exception {
    Waiter w = new Waiter(key);
    w.thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (queue.waiting() < 1) {
      assertTrue(System.nanoTime() < deadline, key + " never queued");
      Thread.onSpinWait();
    }
    return w;
  }

  /**
   * Interrupts a waiter while the test holds the queue's lock, and waits until the waiter has seen
   * it (it then queues for the lock), so that a hand-over the test makes next cannot overtake it.
   */
  private void interruptWhileWaiting(Waiter w) {
    assertTrue(queue.lock.isHeldByCurrentThread());
    w.thread.interrupt();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!queue.lock.hasQueuedThread(w.thread)) {
      assertTrue(System.nanoTime() < deadline, w.thread.getName() + " never saw its interrupt");
      Thread.onSpinWait();
    }
  }

  private final class Waiter {
    final CompletableFuture<OnAirQueue.Claim> result = new CompletableFuture<>();
    final Thread thread;

    Waiter(String key) {
      thread = new Thread(() -> {
        try {
          result.complete(queue.enter(key, Priority.NORMAL, KEEP_ON));
        } catch (InterruptedException e) {
          result.completeExceptionally(e);
        }
      }, "waiter-" + key);
    }
  }

  @Test
  void anAiringThatGivesUpWaitingAfterTheHolderLeftSaysTheAirIsIdle() throws Exception {
    OnAirQueue.Claim first = queue.enter("first", Priority.NORMAL, KEEP_ON);
    Waiter next = waiter("next");
    // the holder saw an airing waiting and left the amplifier on for it; that airing is stopped
    // (the daemon shutting down) before it takes the air
    queue.lock.lock();
    try {
      interruptWhileWaiting(next);
      queue.leave(first);
    } finally {
      queue.lock.unlock();
    }
    Throwable e = next.result.handle((claim, thrown) -> thrown).get(10, TimeUnit.SECONDS);
    assertInstanceOf(InterruptedException.class, e, "it never took the air");
    assertEquals(1, idle.get(), "nobody is left to hand the warm amplifier to");
    assertFalse(queue.someoneWaiting());
    assertTrue(queue.holder().isEmpty());
  }

  @Test
  void anAiringThatGivesUpWhileTheAirIsHeldLeavesItToTheHolder() throws Exception {
    OnAirQueue.Claim first = queue.enter("first", Priority.NORMAL, KEEP_ON);
    Waiter next = waiter("next");
    next.thread.interrupt();
    next.result.handle((claim, thrown) -> thrown).get(10, TimeUnit.SECONDS);
    assertEquals(0, idle.get(), "the holder still has the air and switches off itself when it ends");
    assertEquals(first, queue.holder().orElseThrow());
    assertFalse(queue.someoneWaiting(), "the holder will not keep the amplifier on for it");
  }

  @Test
  void aGiveUpWithAnotherStillWaitingHandsTheAirOnToThatOne() throws Exception {
    OnAirQueue.Claim first = queue.enter("first", Priority.NORMAL, KEEP_ON);
    Waiter second = waiter("second");
    Waiter third = new Waiter("third");
    third.thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (queue.waiting() < 2) {
      assertTrue(System.nanoTime() < deadline, "third never queued");
      Thread.onSpinWait();
    }
    queue.lock.lock();
    try {
      interruptWhileWaiting(second);
      queue.leave(first);
    } finally {
      queue.lock.unlock();
    }
    OnAirQueue.Claim taken = third.result.get(10, TimeUnit.SECONDS);
    assertEquals("third", taken.key);
    assertInstanceOf(InterruptedException.class, second.result.handle((c, t) -> t).get(10, TimeUnit.SECONDS));
    assertEquals(0, idle.get(), "the air went on to the third, warm");
    queue.leave(taken);
  }
}
