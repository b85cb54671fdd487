package io.loaxa.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The province's MQTT broker on the bench: Debian's {@code /usr/sbin/mosquitto} started as the
 * test's own instance on a free loopback port, with a generated config. One TLS listener (a CA and
 * a server certificate for 127.0.0.1 and localhost made with {@code openssl} in {@code dir}), no
 * anonymous clients, a password file made with {@code mosquitto_passwd -b}, and the ACL of
 * {@code docs/hub-protocol.md}: a station writes only under {@code loaxa/v1/station/<its user>/}
 * and reads only under {@code loaxa/v1/hub/<its user>/}; the user {@code hub} reads and writes all
 * of {@code loaxa/}. Persistence lives in {@code dir} and is saved once a second, as a province's
 * broker saves on a timer, so a broker killed and restarted keeps the sessions and messages of its
 * last save; what came after, the stations send again for want of the hub's filed ack.
 *
 * <p>{@link #kill()} and {@link #stop()} take the broker away; {@link #restart()} brings it back on
 * the same port with the same users and certificates. Call {@link #require()} first: it skips the
 * test outside CI, and fails it under {@code CI=true}, when mosquitto or openssl is missing.
 */
public final class Mosquitto implements AutoCloseable {
  public static final String BROKER = "/usr/sbin/mosquitto";
  public static final String PASSWD = "/usr/bin/mosquitto_passwd";
  public static final String HUB_USER = "hub";

  private final Path dir;
  private final int port;
  private final Path config;
  private final Path passwords;
  private final Path log;
  private final Path ca;
  private Process broker;

  private Mosquitto(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.config = dir.resolve("mosquitto.conf");
    this.passwords = dir.resolve("passwords");
    this.log = dir.resolve("mosquitto.log");
    this.ca = dir.resolve("ca.pem");
  }

  /** Skips (or under CI fails) the test unless mosquitto, mosquitto_passwd and openssl are installed. */
  public static void require() {
    Tools.require(BROKER, PASSWD, "openssl");
  }

  /**
   * Generates TLS material, config, ACL and a password file holding {@code hub} with
   * {@code hubPassword}, then starts the broker and waits until its port takes connections.
   */
  public static Mosquitto start(Path dir, String hubPassword) throws IOException {
    Files.createDirectories(dir);
    Mosquitto m = new Mosquitto(dir, freePort());
    m.writeTls();
    m.writeConfig();
    m.passwd(HUB_USER, hubPassword);
    m.restart();
    return m;
  }

  /** {@code ssl://127.0.0.1:PORT}. */
  public String url() {
    return "ssl://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The PEM of the CA that signed the broker's certificate: what a client trusts. */
  public Path caFile() {
    return ca;
  }

  /** The broker's own log, for a failing test's message. */
  public Path logFile() {
    return log;
  }

  /** Adds (or changes) a user; a running broker rereads its password file (SIGHUP) before this returns. */
  public synchronized void addUser(String user, String password) throws IOException {
    passwd(user, password);
    if (running()) {
      long reloads = count("Reloading config");
      run(List.of("kill", "-HUP", Long.toString(broker.pid())));
      for (int i = 0; i < 500 && count("Reloading config") <= reloads; i++) {
        LockSupport.parkNanos(10_000_000L);
      }
      if (count("Reloading config") <= reloads) {
        throw new IOException("mosquitto did not reload its password file within 5 s; see " + log);
      }
    }
  }

  public synchronized boolean running() {
    return broker != null && broker.isAlive();
  }

  /** Starts the broker (again) on the same port; returns once the port takes connections. */
  public synchronized void restart() throws IOException {
    if (running()) {
      return;
    }
    broker = new ProcessBuilder(List.of(BROKER, "-c", config.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!broker.isAlive()) {
        throw new IOException("mosquitto exited with " + broker.exitValue() + "; see " + log + " and "
            + dir.resolve("mosquitto.out"));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        LockSupport.parkNanos(20_000_000L);
      }
    }
    kill();
    throw new IOException("mosquitto did not listen on " + port + " within 10 s; see " + log);
  }

  /**
   * Has the running broker write its persistence now (SIGUSR1) and waits until the file is written:
   * what any broker up for longer than its autosave has done. Call it once the hub has subscribed,
   * so that a {@link #kill()} right after does not take a session no real broker would still lack.
   */
  public synchronized void save() throws IOException {
    if (broker == null) {
      throw new IllegalStateException("the broker is not running");
    }
    Path db = dir.resolve("persistence").resolve("mosquitto.db");
    long before = Files.exists(db) ? Files.getLastModifiedTime(db).toMillis() : -1;
    long size = Files.exists(db) ? Files.size(db) : -1;
    run(List.of("kill", "-USR1", Long.toString(broker.pid())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.exists(db) && (Files.getLastModifiedTime(db).toMillis() != before || Files.size(db) != size
          || before < 0)) {
        return;
      }
      LockSupport.parkNanos(20_000_000L);
    }
    // the file's time has a coarse grain on some file systems; a save of the same bytes is still a save
    if (!Files.exists(db)) {
      throw new IOException("mosquitto wrote no " + db + " within 10 s of SIGUSR1; see " + log);
    }
  }

  /** Stops the broker as a service stop does (SIGTERM: it saves its persistence first). */
  public synchronized void stop() {
    end(false);
  }

  /** Kills the broker with SIGKILL, as a power cut at the province would. */
  public synchronized void kill() {
    end(true);
  }

  @Override
  public void close() {
    kill();
  }

  private void end(boolean hard) {
    if (broker == null) {
      return;
    }
    if (hard) {
      broker.destroyForcibly();
    } else {
      broker.destroy();
    }
    try {
      if (!broker.waitFor(10, TimeUnit.SECONDS)) {
        broker.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    broker = null;
  }

  private void writeTls() throws IOException {
    Path caKey = dir.resolve("ca.key");
    Path key = dir.resolve("server.key");
    Path csr = dir.resolve("server.csr");
    Path ext = dir.resolve("server.ext");
    Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        + "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "3", "-subj", "/CN=loaxa test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
    run(List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1"));
    run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-out", dir.resolve("server.pem").toString(), "-days", "3", "-extfile", ext.toString()));
  }

  private void writeConfig() throws IOException {
    Path acl = dir.resolve("acl");
    Files.writeString(acl, String.join("\n",
        "# docs/hub-protocol.md: the broker keeps one station from speaking for another",
        "pattern write loaxa/v1/station/%u/#",
        "pattern read loaxa/v1/hub/%u/#",
        "",
        "user " + HUB_USER,
        "topic readwrite loaxa/#",
        ""), StandardCharsets.UTF_8);
    Path persistence = Files.createDirectories(dir.resolve("persistence"));
    Files.writeString(config, String.join("\n",
        // started as root, mosquitto would drop to the user 'mosquitto', who cannot read this dir
        "user " + System.getProperty("user.name"),
        "per_listener_settings false",
        "allow_anonymous false",
        "password_file " + passwords,
        "acl_file " + acl,
        "persistence true",
        "persistence_location " + persistence + "/",
        // saved by the clock, as the README asks (saving after every change makes Mosquitto 2.0
        // quadratic, docs/benchmarks.md): a kill() may lose what came in the last second, and the
        // stations send it again for want of the hub's filed ack. Tests that kill the broker right
        // after the hub subscribed call save() first, as any broker up for a moment has saved.
        "autosave_on_changes false",
        "autosave_interval 1",
        "log_dest file " + log,
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
        "connection_messages true",
        "log_timestamp_format %Y-%m-%dT%H:%M:%S",
        "listener " + port + " 127.0.0.1",
        "cafile " + ca,
        "certfile " + dir.resolve("server.pem"),
        "keyfile " + dir.resolve("server.key"),
        ""), StandardCharsets.UTF_8);
  }

  private void passwd(String user, String password) throws IOException {
    List<String> command = new ArrayList<>(List.of(PASSWD));
    if (!Files.exists(passwords)) {
      command.add("-c");
    }
    command.addAll(List.of("-b", passwords.toString(), user, password));
    run(command);
  }

  private long count(String text) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains(text)).count();
    }
  }

  private void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running " + command.get(0), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
