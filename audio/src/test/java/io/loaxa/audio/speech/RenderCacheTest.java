package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speech cache keeping itself to what the station still uses. */
class RenderCacheTest {
  private static final Instant MONDAY = Instant.parse("2025-03-03T08:00:00Z");
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(MONDAY);
  private final PcmClip speech = new PcmClip(new PcmFormat(22_050, 1), new float[] {0.1f, -0.2f, 0.3f});

  private static RenderKey key(char c) {
    return new RenderKey(String.valueOf(c).repeat(64));
  }

  @Test
  void aRenderingUnusedForLongerThanTheStationKeepsThemIsDeleted() throws Exception {
    RenderCache cache = new RenderCache(dir, clock, Duration.ofDays(30));
    cache.store(key('a'), speech);
    clock.set(MONDAY.plus(Duration.ofDays(29)));
    assertEquals(0, cache.prune());
    clock.set(MONDAY.plus(Duration.ofDays(31)));
    assertEquals(1, cache.prune());
    assertFalse(cache.find(key('a')).isPresent());
  }

  @Test
  void aRenderingAskedForAgainIsKept() throws Exception {
    RenderCache cache = new RenderCache(dir, clock, Duration.ofDays(30));
    cache.store(key('a'), speech);
    cache.store(key('b'), speech);
    clock.set(MONDAY.plus(Duration.ofDays(20)));
    assertTrue(cache.find(key('a')).isPresent(), "render-ahead asks for a planned text again");
    clock.set(MONDAY.plus(Duration.ofDays(40)));

    assertEquals(1, cache.prune());
    assertTrue(cache.find(key('a')).isPresent());
    assertFalse(cache.find(key('b')).isPresent());
  }

  @Test
  void storingPrunesAtMostOnceADay() throws Exception {
    RenderCache cache = new RenderCache(dir, clock, Duration.ofDays(30));
    cache.store(key('a'), speech);
    clock.set(MONDAY.plus(Duration.ofDays(31)));
    cache.store(key('b'), speech);
    assertFalse(Files.exists(cache.fileFor(key('a'))), "a new rendering stored a month later prunes the old one");

    Files.setLastModifiedTime(cache.fileFor(key('b')), FileTime.from(MONDAY));
    clock.set(MONDAY.plus(Duration.ofDays(31)).plus(Duration.ofHours(2)));
    cache.store(key('c'), speech);
    assertTrue(Files.exists(cache.fileFor(key('b'))), "pruned already today");
  }

  @Test
  void halfWrittenFilesFromACrashGoButOtherFilesAreLeftAlone() throws Exception {
    Files.createDirectories(dir);
    Path part = dir.resolve("a".repeat(64) + ".123.part");
    Path notes = dir.resolve("README.txt");
    Files.writeString(part, "half");
    Files.writeString(notes, "operator's notes");
    Files.setLastModifiedTime(part, FileTime.from(MONDAY.minus(Duration.ofHours(2))));
    Files.setLastModifiedTime(notes, FileTime.from(MONDAY.minus(Duration.ofDays(400))));

    assertEquals(1, new RenderCache(dir, clock, Duration.ofDays(30)).prune());
    assertFalse(Files.exists(part));
    assertTrue(Files.exists(notes));
  }

  @Test
  void aCacheWithoutAClockKeepsEverything() throws Exception {
    RenderCache cache = new RenderCache(dir);
    cache.store(key('a'), speech);
    Files.setLastModifiedTime(cache.fileFor(key('a')), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    assertEquals(0, cache.prune());
    assertTrue(cache.find(key('a')).isPresent());
  }
}
