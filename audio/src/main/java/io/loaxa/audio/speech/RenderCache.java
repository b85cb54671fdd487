package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered speech kept on disk ahead of air time, one 16-bit WAV per {@link RenderKey} in the
 * directory given ({@code KEY.wav}), so an operator can also play a cached file. Written to a
 * temporary file and moved into place, so a power cut never leaves a half file under a key. A
 * file that no longer decodes is deleted and treated as missing. Safe for concurrent use.
 *
 * <p>A cache given a clock keeps itself small: a rendering found is marked as used (its file's
 * modification time), and at most once a day, when something new is stored, renderings unused for
 * longer than the time given are deleted, with half-written files a crash left behind. Render-ahead
 * asks for a planned text when it is scheduled and again shortly before each airing, so what is
 * planned stays; anything deleted is simply rendered again when next asked for.
 */
public final class RenderCache {
  private static final Logger log = LoggerFactory.getLogger(RenderCache.class);
  /** How long a station keeps renderings nobody asked for. */
  public static final Duration KEEP_UNUSED = Duration.ofDays(30);
  private static final Duration PRUNE_EVERY = Duration.ofDays(1);
  /** A temporary file this old is no longer being written. */
  private static final Duration STALE_PART = Duration.ofHours(1);

  private final Path directory;
  private final Optional<Clock> clock;
  private final Duration keepUnused;
  private Instant lastPrune;

  /** A cache that keeps everything (previews, tests). */
  public RenderCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Optional.empty();
    this.keepUnused = Duration.ZERO;
  }

  /** A cache that deletes renderings unused for {@code keepUnused}, by {@code clock}. */
  public RenderCache(Path directory, Clock clock, Duration keepUnused) {
    if (keepUnused.isNegative() || keepUnused.isZero()) {
      throw new IllegalArgumentException("renderings must be kept for some time: " + keepUnused);
    }
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Optional.of(clock);
    this.keepUnused = keepUnused;
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
      PcmClip clip = RiffWave.decode(bytes, file.toString());
      markUsed(file);
      return Optional.of(clip);
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
    markUsed(target);
    if (clock.isPresent() && pruneDue(clock.get().instant())) {
      prune();
    }
  }

  private void markUsed(Path file) {
    if (clock.isPresent()) {
      try {
        Files.setLastModifiedTime(file, FileTime.from(clock.get().instant()));
      } catch (IOException e) {
        // a read-only cache still serves what it has; it is only pruned by age of writing
        log.debug("cannot mark speech cache file {} as used: {}", file, e.getMessage());
      }
    }
  }

  private synchronized boolean pruneDue(Instant now) {
    if (lastPrune != null && now.isBefore(lastPrune.plus(PRUNE_EVERY))) {
      return false;
    }
    lastPrune = now;
    return true;
  }

  /**
   * Deletes renderings unused for longer than this cache keeps them, and temporary files a crash
   * left behind; other files in the directory are left alone. Nothing happens for a cache that
   * keeps everything.
   *
   * @return how many files were deleted
   */
  public int prune() {
    if (clock.isEmpty()) {
      return 0;
    }
    Instant now = clock.get().instant();
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean rendering = name.matches("[0-9a-f]{64}\\.wav");
        boolean part = name.matches("[0-9a-f]{64}\\..*\\.part");
        if (!rendering && !part) {
          continue;
        }
        try {
          Instant used = Files.getLastModifiedTime(file).toInstant();
          if (used.isBefore(now.minus(rendering ? keepUnused : STALE_PART)) && Files.deleteIfExists(file)) {
            deleted++;
          }
        } catch (IOException e) {
          log.warn("cannot prune speech cache file {}: {}", file, e.getMessage());
        }
      }
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      log.warn("cannot prune the speech cache in {}: {}", directory, e.getMessage());
    }
    if (deleted > 0) {
      log.info("speech cache: deleted {} files unused for over {} days", deleted, keepUnused.toDays());
    }
    return deleted;
  }
}
