package io.loaxa.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test class: Debian's {@code initdb} and {@code pg_ctl} (15)
 * on a free loopback port, its unix socket in its own temporary directory, one database created,
 * trust authentication for the user {@value #USER}. Never the machine's cluster. {@link #stop()}
 * and {@link #start()} stand in for a database restart; {@link #close()} stops it and deletes it.
 *
 * <p>initdb refuses to run as root: as root the cluster's programs run as {@code nobody} through
 * {@code runuser}, which every Debian has, and the directory is given to that user.
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String BIN = "/usr/lib/postgresql/15/bin";
  public static final String USER = "loaxa";
  private static final String RUN_AS = "nobody";

  private final Path dir;
  private final Path data;
  private final Path log;
  private final int port;
  private final String database;
  private boolean running;

  private PostgresCluster(Path dir, int port, String database) {
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    this.port = port;
    this.database = database;
  }

  /** Skips (or under CI fails) unless Debian's postgresql 15 is installed. */
  public static void require() {
    Tools.require(BIN + "/initdb", BIN + "/pg_ctl", BIN + "/createdb");
    if (asRoot()) {
      Tools.require("runuser");
    }
  }

  /** Makes, starts and fills a new cluster with one empty database. */
  public static PostgresCluster start(String database) throws IOException {
    require();
    Path dir = Files.createTempDirectory("loaxa-pg-");
    PostgresCluster cluster = new PostgresCluster(dir, freePort(), database);
    try {
      if (asRoot()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS);
        Files.setOwner(dir, nobody);
      }
      cluster.run(60, BIN + "/initdb", "-D", cluster.data.toString(), "-U", USER, "--auth=trust",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
      // a test cluster: nothing survives the machine losing power anyway, and fsync doubles the time
      Files.writeString(cluster.data.resolve("postgresql.auto.conf"),
          "fsync = off\nsynchronous_commit = on\nfull_page_writes = off\nmax_connections = 60\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      cluster.start();
      cluster.run(30, BIN + "/createdb", "-h", dir.toString(), "-p", Integer.toString(cluster.port), "-U", USER, database);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Starts the cluster again after {@link #stop()} on the same port; returns when it takes connections. */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    run(60, BIN + "/pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "50",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    running = true;
  }

  /** Stops the cluster at once ({@code -m fast}: open connections are cut, as in a real restart). */
  public synchronized void stop() throws IOException {
    if (!running) {
      return;
    }
    run(60, BIN + "/pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    running = false;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return USER;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/DB} (no password: the cluster trusts loopback). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The directory of the unix socket, for {@code psql -h}. */
  public Path socketDir() {
    return dir;
  }

  public Path log() {
    return log;
  }

  /** Runs {@code psql} on the database and returns its unaligned, tuple-only output. */
  public String psql(String sql) throws IOException {
    return run(60, BIN + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", dir.toString(),
        "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql);
  }

  /** Stops the cluster and deletes its files; safe to call twice, never throws. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } catch (IOException e) {
      System.err.println("postgres test cluster did not stop: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("postgres test cluster left files in " + dir + ": " + e.getMessage());
    }
  }

  private String run(int seconds, String... command) throws IOException {
    List<String> line = new ArrayList<>();
    if (asRoot()) {
      line.addAll(List.of("runuser", "-u", RUN_AS, "--"));
    }
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).directory(dir.toFile());
    // pg_ctl's postgres keeps its stdout open: its output goes to -l, ours to a file we read back
    Path out = Files.createTempFile("loaxa-pg-out-", ".txt");
    try {
      builder.redirectOutput(out.toFile());
      Process process = builder.start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in " + seconds + " s");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text.strip()
            + (Files.isReadable(log) ? "\n" + tail(log) : ""));
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
