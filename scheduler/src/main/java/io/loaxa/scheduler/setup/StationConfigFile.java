package io.loaxa.scheduler.setup;

import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.UnreadableFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a new station config in place: checked by the station's own reader before anything is
 * touched, written to a temporary file beside the target and synced, the old file copied to a
 * timestamped backup, then moved over the target in one step. A power cut leaves the old file or the
 * new one, never half of either.
 */
public final class StationConfigFile {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private StationConfigFile() {}

  /** What was written: the config as the station reads it back, and the backup of the old file if there was one. */
  public record Written(Path file, StationConfig config, Optional<Path> backup) {}

  /**
   * @throws SourceException when the station would refuse the text (nothing is written then)
   * @throws IOException when the folder cannot be written
   */
  public static Written write(Path target, String text, Clock clock) throws SourceException, IOException {
    Path file = target.toAbsolutePath();
    StationConfigReader.parse(text, file.toString());
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      permissions(file, temp);
      Optional<Path> backup = Optional.empty();
      if (Files.exists(file)) {
        Path b = backupName(file, clock);
        // a copy, not a move: the target is never missing, even for a moment
        Files.copy(file, b, StandardCopyOption.COPY_ATTRIBUTES);
        backup = Optional.of(b);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncFolder(dir);
      try {
        return new Written(file, StationConfigReader.read(file), backup);
      } catch (UnreadableFileException e) {
        throw new IOException(e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path backupName(Path file, Clock clock) {
    String base = file.getFileName() + "." + STAMP.format(clock.instant());
    Path candidate = file.resolveSibling(base + ".bak");
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = file.resolveSibling(base + "-" + n + ".bak");
    }
    return candidate;
  }

  /** The new file gets the old one's permissions, or rw-r--r-- for the service user to read it. */
  private static void permissions(Path file, Path temp) throws IOException {
    try {
      Set<PosixFilePermission> wanted = Files.exists(file) ? Files.getPosixFilePermissions(file) : READABLE;
      Files.setPosixFilePermissions(temp, wanted);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions are what there is
      return;
    }
  }

  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems refuse to sync a folder; the rename itself is already atomic there
      return;
    }
  }
}
