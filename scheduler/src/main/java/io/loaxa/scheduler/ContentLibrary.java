package io.loaxa.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the station knows of each file in its content folder (recordings and speech texts): who put
 * it there, how long and how loud it is, and whether it may air (duyệt tin). The files themselves
 * stay in the folder; this is the record beside them.
 */
public interface ContentLibrary {
  /** Whether a file may air: approved, waiting for an approver, or turned down. */
  enum Approval {
    APPROVED, PENDING, REJECTED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One file of the content folder.
   *
   * @param path the file's path inside the content folder ({@code ban-tin.mp3}, {@code texts/tin.txt})
   * @param length how long it plays; zero for a speech text
   * @param loudnessLufs integrated loudness; empty for a speech text or silence
   * @param reason why an approver turned it down
   */
  record Item(String path, long bytes, Duration length, Optional<Double> loudnessLufs, String uploadedBy, Instant uploadedAt,
      Approval approval, Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<String> reason) {}

  /** Records the file, replacing what was known of an earlier file at the same path. */
  void put(Item item);

  Optional<Item> find(String path);

  /** Every file recorded, by path. */
  List<Item> all();

  /** Forgets the file; true when it was recorded. */
  boolean remove(String path);

  /** An approver's decision; true when the file was recorded. */
  boolean decide(String path, Approval approval, String by, Instant at, Optional<String> reason);
}
