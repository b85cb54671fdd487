package io.loaxa.audio.jorbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Tones;
import io.loaxa.audio.javasound.JavaSoundFiles;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ogg Vorbis recordings from the commune's content library, made by a real encoder (sox, libvorbis). */
@Integration
class OggVorbisFilesTest {
  @TempDir
  Path dir;

  @Test
  void aStereoVorbisRecordingDecodesToItsToneLengthAndLevel() throws Exception {
    Path ogg = Sox.tone(dir, "thoi-tiet.ogg", 44_100, 2, 16, 440, 3, 0.5);
    PcmClip clip = JavaSoundFiles.decode(ogg);
    assertEquals(PcmFormat.STATION, clip.format());
    assertEquals(3 * 44_100, clip.frames(), "exactly the samples the last page counts");
    assertEquals(0.5, Tones.amplitudeAt(clip, 440, 22_050, 110_250), 0.03, "level (lossy, so within 0.25 dB)");
    assertTrue(Tones.amplitudeAt(clip, 880, 22_050, 110_250) < 0.01, "a pure tone, no octave");
    assertEquals(0.5, rightChannelAmplitude(clip, 440, 22_050, 110_250), 0.03, "the right channel too");
  }

  @Test
  void aMonoLowRateVorbisRecordingDecodesToo() throws Exception {
    Path ogg = Sox.tone(dir, "loa.ogg", 22_050, 1, 16, 1000, 2, 0.5);
    PcmClip clip = JavaSoundFiles.decode(ogg);
    assertEquals(new PcmFormat(22_050, 1), clip.format());
    assertEquals(2 * 22_050, clip.frames());
    assertEquals(0.5, Tones.amplitudeAt(clip, 1000, 5_000, 40_000), 0.03);
  }

  @Test
  void aVorbisFileIsToldByItsBytesWhateverItsName() throws Exception {
    Path ogg = Sox.tone(dir, "real.ogg", 44_100, 2, 16, 440, 1, 0.5);
    Path misnamed = Files.move(ogg, dir.resolve("ban-tin.mp3"));
    assertEquals(44_100, JavaSoundFiles.decode(misnamed).frames());
  }

  @Test
  void aVorbisFileCutInHalfIsRefusedAsTruncated() throws Exception {
    Path ogg = damageable("cut.ogg");
    byte[] bytes = Files.readAllBytes(ogg);
    Files.write(ogg, Arrays.copyOf(bytes, bytes.length / 2));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    // the page the cut goes through claims more bytes than are left: that is what the operator reads
    Matcher m = Pattern.compile("cut\\.ogg: the Ogg page at byte ([\\d,]+) claims ([\\d,]+) bytes but only ([\\d,]+) bytes"
        + " are left, the file is truncated").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    long page = Long.parseLong(m.group(1).replace(",", ""));
    assertEquals(bytes.length / 2 - page, Long.parseLong(m.group(3).replace(",", "")));
  }

  @Test
  void aVorbisFileCutBetweenTwoPagesIsRefusedAsTruncated() throws Exception {
    Path ogg = damageable("page.ogg");
    byte[] bytes = Files.readAllBytes(ogg);
    List<Integer> pages = pageStarts(bytes);
    int boundary = pages.get(pages.size() - 2); // every whole page kept but the one marked last
    Files.write(ogg, Arrays.copyOf(bytes, boundary));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    assertTrue(e.getMessage().contains("page.ogg: truncated")
        && e.getMessage().contains("whole pages up to byte " + boundary + " of " + boundary), e.getMessage());
  }

  @Test
  void aVorbisFileWithOnlyItsHeadersIsRefusedAsTruncated() throws Exception {
    Path ogg = damageable("head.ogg");
    byte[] bytes = Files.readAllBytes(ogg);
    int firstAudio = pageStarts(bytes).stream().filter(p -> granule(bytes, p) > 0).findFirst().orElseThrow();
    Files.write(ogg, Arrays.copyOf(bytes, firstAudio));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    assertTrue(e.getMessage().contains("head.ogg: truncated") && e.getMessage().contains("0.0 s of audio"),
        e.getMessage());
  }

  @Test
  void bytesFlippedInTheMiddleAreRefusedAtThePageThatHoldsThem() throws Exception {
    Path ogg = damageable("flip.ogg");
    byte[] bytes = Files.readAllBytes(ogg);
    int middle = bytes.length / 2;
    int page = pageStarts(bytes).stream().filter(p -> p <= middle).reduce((a, b) -> b).orElseThrow();
    for (int i = 0; i < 16; i++) {
      bytes[middle + i] ^= (byte) 0x5A;
    }
    Files.write(ogg, bytes);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    assertTrue(e.getMessage().contains("flip.ogg: corrupt Ogg data at byte " + page + " of " + bytes.length),
        e.getMessage());
  }

  @Test
  void aPageMissingFromTheMiddleIsRefused() throws Exception {
    Path ogg = damageable("hole.ogg");
    byte[] bytes = Files.readAllBytes(ogg);
    List<Integer> pages = pageStarts(bytes);
    int cut = pages.size() / 2;
    byte[] holed = new byte[bytes.length - (pages.get(cut + 1) - pages.get(cut))];
    System.arraycopy(bytes, 0, holed, 0, pages.get(cut));
    System.arraycopy(bytes, pages.get(cut + 1), holed, pages.get(cut), bytes.length - pages.get(cut + 1));
    Files.write(ogg, holed);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    assertTrue(e.getMessage().contains("hole.ogg: corrupt, an Ogg page is missing before the page at byte "
        + pages.get(cut)), e.getMessage());
  }

  @Test
  void aLastPageCountingMoreSamplesThanThePagesHoldIsRefused() throws Exception {
    Path ogg = Sox.tone(dir, "count.ogg", 44_100, 2, 16, 440, 3, 0.5);
    byte[] bytes = Files.readAllBytes(ogg);
    List<Integer> pages = pageStarts(bytes);
    int last = pages.get(pages.size() - 1);
    long promised = granule(bytes, last) + 44_100; // a second more than was encoded, under a valid checksum
    for (int i = 0; i < 8; i++) {
      bytes[last + 6 + i] = (byte) (promised >> (8 * i));
    }
    reseal(bytes, last);
    Files.write(ogg, bytes);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(ogg));
    // the decoder gives what the packets hold (a last block untrimmed), short of what the page counts
    assertTrue(e.getMessage().matches(".*count\\.ogg: corrupt, only 13\\d{4} of the 176400 samples per channel.*"),
        e.getMessage());
  }

  @Test
  void aTagAppendedAfterTheLastPageIsNoHarm() throws Exception {
    byte[] ogg = Files.readAllBytes(Sox.tone(dir, "tail.ogg", 44_100, 2, 16, 440, 1, 0.5));
    byte[] tagged = Arrays.copyOf(ogg, ogg.length + 128); // an ID3v1 tag, as some taggers append one
    tagged[ogg.length] = 'T';
    tagged[ogg.length + 1] = 'A';
    tagged[ogg.length + 2] = 'G';
    Path file = Files.write(dir.resolve("tail.ogg"), tagged);
    assertEquals(44_100, JavaSoundFiles.decode(file).frames());
  }

  @Test
  void twoRecordingsJoinedByteForByteAreRefusedRatherThanHalfAired() throws Exception {
    byte[] first = Files.readAllBytes(Sox.tone(dir, "a.ogg", 44_100, 2, 16, 440, 1, 0.5));
    byte[] second = Files.readAllBytes(Sox.tone(dir, "b.ogg", 44_100, 2, 16, 660, 1, 0.5));
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    Path chained = Files.write(dir.resolve("noi.ogg"), joined);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(chained));
    assertTrue(e.getMessage().contains("noi.ogg: holds a second Ogg stream at byte " + first.length), e.getMessage());
  }

  /** A recording long enough for many pages (a pure tone packs tightly: about 4 s a page). */
  private Path damageable(String name) throws Exception {
    Path ogg = Sox.tone(dir, name, 44_100, 2, 16, 440, 40, 0.5);
    assertTrue(pageStarts(Files.readAllBytes(ogg)).size() > 8, "pages enough to damage one in the middle");
    return ogg;
  }

  /** Where each page starts, walked by the lengths in the page headers (RFC 3533). */
  static List<Integer> pageStarts(byte[] bytes) {
    List<Integer> starts = new ArrayList<>();
    int at = 0;
    while (at + 27 <= bytes.length && bytes[at] == 'O' && bytes[at + 1] == 'g' && bytes[at + 2] == 'g'
        && bytes[at + 3] == 'S') {
      starts.add(at);
      int segments = bytes[at + 26] & 0xFF;
      int body = 0;
      for (int i = 0; i < segments; i++) {
        body += bytes[at + 27 + i] & 0xFF;
      }
      at += 27 + segments + body;
    }
    assertEquals(bytes.length, at, "the fixture is whole pages");
    return starts;
  }

  /** Writes the page's checksum anew (RFC 3533: CRC-32, polynomial 0x04C11DB7, over the page with the field zeroed). */
  private static void reseal(byte[] bytes, int page) {
    int segments = bytes[page + 26] & 0xFF;
    int length = 27 + segments;
    for (int i = 0; i < segments; i++) {
      length += bytes[page + 27 + i] & 0xFF;
    }
    for (int i = 22; i < 26; i++) {
      bytes[page + i] = 0;
    }
    int crc = 0;
    for (int i = page; i < page + length; i++) {
      crc ^= (bytes[i] & 0xFF) << 24;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
      }
    }
    for (int i = 0; i < 4; i++) {
      bytes[page + 22 + i] = (byte) (crc >> (8 * i));
    }
  }

  private static long granule(byte[] bytes, int page) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[page + 6 + i] & 0xFF);
    }
    return value;
  }

  private static double rightChannelAmplitude(PcmClip clip, double hz, int from, int to) {
    float[] right = new float[to - from];
    for (int i = from; i < to; i++) {
      right[i - from] = clip.sample(i, 1);
    }
    return Tones.amplitudeAt(new PcmClip(new PcmFormat(clip.format().sampleRate(), 1), right), hz, 0, right.length);
  }
}
