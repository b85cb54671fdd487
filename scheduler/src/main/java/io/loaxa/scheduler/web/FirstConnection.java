package io.loaxa.scheduler.web;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on the API's bound listening sockets for the first incoming connection, without accepting
 * it, and then runs its action once on its own daemon thread. The connection (and any that arrive
 * meanwhile) stays in the socket's backlog for the server the action builds.
 */
final class FirstConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FirstConnection.class);
  private final Selector selector;
  private final Queue<ServerSocketChannel> pending = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  FirstConnection(Runnable action) throws IOException {
    this.selector = Selector.open();
    this.thread = new Thread(() -> waitThenRun(action), "api-first-connection");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Adds a bound socket to those watched; from any thread. */
  void watch(ServerSocketChannel channel) {
    pending.add(channel);
    selector.wakeup();
  }

  private void waitThenRun(Runnable action) {
    try {
      while (!closed) {
        for (ServerSocketChannel c; (c = pending.poll()) != null; ) {
          c.configureBlocking(false);
          c.register(selector, SelectionKey.OP_ACCEPT);
        }
        if (selector.select() > 0) {
          break;
        }
      }
    } catch (ClosedSelectorException e) {
      return; // closed before anyone connected
    } catch (IOException e) {
      if (closed) {
        return;
      }
      // the sockets are still bound: build the server now rather than leave callers unanswered
      LOG.warn("waiting for the API's first connection failed ({}); starting the web API now", e.getMessage());
    }
    if (!closed) {
      action.run();
    }
  }

  /**
   * Stops watching and gives the sockets back, registered nowhere (and so free to switch to blocking
   * mode). Idempotent; the action may call it.
   */
  @Override
  public void close() {
    closed = true;
    try {
      selector.close();
    } catch (IOException e) {
      LOG.warn("closing the API's connection watch: {}", e.getMessage());
    }
  }
}
