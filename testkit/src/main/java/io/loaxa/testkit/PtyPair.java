package io.loaxa.testkit;

import java.util.concurrent.locks.LockSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined back to back by {@code socat}, reachable by two fixed link paths: a
 * serial cable on the bench, with loaxa on one end and a board's stand-in on the other. Stopping it
 * makes both ends vanish as an unplugged USB adapter does; starting it again brings them back under
 * the same paths.
 */
public final class PtyPair implements AutoCloseable {
  private final Path a;
  private final Path b;
  private final Path log;
  private Process socat;

  private PtyPair(Path dir) {
    this.a = dir.resolve("ttyA");
    this.b = dir.resolve("ttyB");
    this.log = dir.resolve("socat.log");
  }

  /** Starts socat with links {@code dir/ttyA} and {@code dir/ttyB}; waits until both exist. */
  public static PtyPair start(Path dir) throws IOException {
    PtyPair pair = new PtyPair(dir);
    pair.start();
    return pair;
  }

  /** loaxa's end. */
  public Path a() {
    return a;
  }

  /** The board's end. */
  public Path b() {
    return b;
  }

  /** Brings the pair (back) up under the same paths. */
  public synchronized void start() throws IOException {
    if (socat != null && socat.isAlive()) {
      return;
    }
    socat = new ProcessBuilder(List.of("socat", "-d", "-d",
        "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    for (int i = 0; i < 500 && !(Files.exists(a) && Files.exists(b)); i++) {
      if (!socat.isAlive()) {
        throw new IOException("socat exited with " + socat.exitValue() + "; see " + log);
      }
      LockSupport.parkNanos(10_000_000L);
    }
    if (!(Files.exists(a) && Files.exists(b))) {
      throw new IOException("socat did not create " + a + " and " + b + " within 5 s; see " + log);
    }
  }

  /** Takes both ends away, as pulling the USB adapter out. */
  public synchronized void stop() {
    if (socat == null) {
      return;
    }
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    socat = null;
    try {
      // socat removes its links when it ends on SIGTERM; a killed one leaves them dangling
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove pty links: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
