package io.loaxa.scheduler.web;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/** Where a running daemon can be reached: {@code daemon.properties} in the data folder (pid, port, token). */
public record ControlFile(long pid, int port, String token) {
  public static final String NAME = "daemon.properties";

  static Path in(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  void write(Path dataDir) throws IOException {
    Path tmp = dataDir.resolve(NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("port", Integer.toString(port));
    p.setProperty("token", token);
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, "loaxa daemon control endpoint");
    }
    Files.move(tmp, in(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The daemon running on this data folder, if its process is alive. */
  public static Optional<ControlFile> running(Path dataDir) {
    Path file = in(dataDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      ControlFile control = new ControlFile(Long.parseLong(p.getProperty("pid")),
          Integer.parseInt(p.getProperty("port")), p.getProperty("token"));
      boolean alive = ProcessHandle.of(control.pid()).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(control) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static void remove(Path dataDir, long pid) {
    Optional<ControlFile> current = running(dataDir);
    try {
      if (current.isEmpty() || current.get().pid() == pid) {
        Files.deleteIfExists(in(dataDir));
      }
    } catch (IOException e) {
      // a stale file is harmless: readers check that its process is alive
    }
  }
}
