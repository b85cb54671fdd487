package io.loaxa.testkit;

import java.util.concurrent.locks.LockSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A board's stand-in on the far end of a socat pty pair: the independent pymodbus slave or the
 * python relay peer. loaxa opens {@link #port()}; the test asks the peer what its relays are.
 */
public final class PeerOnPty implements AutoCloseable {
  private final Path dir;
  private final PtyPair pty;
  private final String script;
  private final List<String> args;
  private PeerProcess peer;

  private PeerOnPty(Path dir, String script, List<String> args) throws IOException {
    this.dir = dir;
    this.script = script;
    this.args = args;
    this.pty = PtyPair.start(dir);
    startPeer();
  }

  /** An independent Modbus RTU coil slave (python3-pymodbus) with {@code coils} coils as {@code unit}. */
  public static PeerOnPty modbusSlave(int unit, int coils) throws IOException {
    Tools.require("socat");
    Tools.requirePython("pymodbus", "serial_asyncio");
    Path dir = Files.createTempDirectory("loaxa-pty");
    return new PeerOnPty(dir, "/io/loaxa/testkit/modbus_slave.py",
        List.of("{b}", Integer.toString(unit), Integer.toString(coils)));
  }

  /** A stand-in board of {@code kind} (lcus, kmtronic, numato, modbus-register) written in python. */
  public static PeerOnPty relayPeer(String kind, int channels) throws IOException {
    Tools.require("socat");
    Tools.requirePython("serial");
    Path dir = Files.createTempDirectory("loaxa-pty");
    return new PeerOnPty(dir, "/io/loaxa/testkit/relay_peer.py", List.of(kind, "{b}", Integer.toString(channels)));
  }

  /** A stand-in USB GSM modem answering AT commands in text mode (python3-serial). */
  public static PeerOnPty gsmModem() throws IOException {
    Tools.require("socat");
    Tools.requirePython("serial");
    Path dir = Files.createTempDirectory("loaxa-pty");
    return new PeerOnPty(dir, "/io/loaxa/testkit/gsm_modem.py", List.of("{b}"));
  }

  private void startPeer() throws IOException {
    Path file = PeerProcess.script(script, dir);
    String[] resolved = args.stream().map(a -> a.equals("{b}") ? pty.b().toString() : a).toArray(String[]::new);
    peer = PeerProcess.start(file.getFileName().toString(), file, dir.resolve("peer.log"), resolved);
  }

  /** The path loaxa opens. */
  public String port() {
    return pty.a().toString();
  }

  public String ask(String command) throws IOException {
    return peer.ask(command);
  }

  public void tell(String command) throws IOException {
    peer.tell(command);
  }

  /** The far end's relay states, CH1 first ({@code coils} or {@code state} answer). */
  public String relays() throws IOException {
    String answer = peer.ask(script.endsWith("modbus_slave.py") ? "coils" : "state");
    return answer.substring(answer.indexOf(' ') + 1);
  }

  public boolean relayOn(int channel) throws IOException {
    return relays().charAt(channel - 1) == '1';
  }

  /** Waits up to two seconds for the far end to show a relay state (frames without replies land a moment later). */
  public boolean awaitRelay(int channel, boolean on) throws IOException {
    return await(() -> {
      try {
        return relayOn(channel) == on;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public static boolean await(BooleanSupplier condition) {
    for (int i = 0; i < 200; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(10_000_000L);
    }
    return condition.getAsBoolean();
  }

  /** The cable pulled: both pty ends and the peer go away. */
  public void unplug() {
    peer.close();
    pty.stop();
  }

  /** The cable back in: new ptys under the same paths, a fresh peer (relays off, as after power-up). */
  public void plugBackIn() throws IOException {
    pty.start();
    startPeer();
  }

  /** The board loses power: the peer ends, the pty stays. */
  public void killPeer() {
    peer.close();
  }

  public void restartPeer() throws IOException {
    startPeer();
  }

  @Override
  public void close() {
    peer.close();
    pty.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot clean " + dir, e);
    }
  }
}
