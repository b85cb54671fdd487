package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered speech kept on disk ahead of air time, one 16-bit WAV per {@link RenderKey} in the
 * directory given ({@code KEY.wav}), so an operator can also play a cached file. Written to a
 * temporary file and moved into place, so a power cut never leaves a half file under a key. A
 * file that no longer decodes is deleted and treated as missing. Safe for concurrent use.
 */
public final class RenderCache {
  private static final Logger log = LoggerFactory.getLogger(RenderCache.class);

  private final Path directory;

  public RenderCache(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public Path fileFor(RenderKey key) {
    return directory.resolve(key.hex() + ".wav");
  }

  /** The clip rendered under {@code key}, if it is there and readable. */
  public Optional<PcmClip> find(RenderKey key) {
    Path file = fileFor(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("speech cache file {} unreadable, rendering again: {}", file, e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(RiffWave.decode(bytes, file.toString()));
    } catch (AudioException e) {
      log.warn("speech cache file {} is damaged, rendering again: {}", file, e.getMessage());
      try {
        Files.deleteIfExists(file);
      } catch (IOException deleteFailed) {
        log.warn("cannot delete damaged speech cache file {}: {}", file, deleteFailed.getMessage());
      }
      return Optional.empty();
    }
  }

  /**
   * Stores {@code clip} under {@code key}.
   *
   * @throws AudioException when the directory cannot be created or written (disk full, read-only)
   */
  public void store(RenderKey key, PcmClip clip) throws AudioException {
    Path target = fileFor(key);
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, key.hex() + ".", ".part");
      Files.write(temp, RiffWave.encode16(clip));
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException cleanupFailed) {
          e.addSuppressed(cleanupFailed);
        }
      }
      throw new AudioException("cannot write rendered speech to " + target + ": " + e.getMessage(), e);
    }
  }
}
