package io.loaxa.audio.jflac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FLAC recordings from the commune's content library, made by a real encoder (sox, libFLAC). */
@Integration
class FlacFilesTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} Hz {1} ch {2}-bit")
  @CsvSource({"22050,1,16", "48000,2,24", "44100,2,16", "8000,1,8", "96000,2,24"})
  void flacRecordingsDecodeSampleForSampleAsTheEncoderHeardThem(int rate, int channels, int bits) throws Exception {
    Path flac = Sox.tone(dir, "tone.flac", rate, channels, bits, 440, 1.5, 0.5);
    PcmClip clip = JavaSoundFiles.decode(flac);
    assertEquals(new PcmFormat(rate, channels), clip.format());
    assertEquals(rate * 3 / 2, clip.frames());
    assertEquals(0.5, Tones.amplitudeAt(clip, 440, rate / 10, rate), 0.01);
    // lossless: the same samples sox gives when it decodes the file to WAV itself
    Path wav = dir.resolve("same.wav");
    Sox.run(List.of("sox", flac.toString(), wav.toString()));
    assertArrayEquals(JavaSoundFiles.decode(wav).samples(), clip.samples());
  }

  @Test
  void aFlacFileIsToldByItsBytesWhateverItsName() throws Exception {
    Path flac = Sox.tone(dir, "real.flac", 44_100, 2, 16, 440, 1, 0.5);
    Path misnamed = Files.move(flac, dir.resolve("ban-tin.wav"));
    assertEquals(44_100, JavaSoundFiles.decode(misnamed).frames());
  }

  @Test
  void aFlacFileBehindAnId3TagDecodesToo() throws Exception {
    byte[] flac = Files.readAllBytes(Sox.tone(dir, "tagged.flac", 44_100, 1, 16, 440, 1, 0.5));
    byte[] tag = new byte[10 + 100]; // an ID3v2.3 header announcing 100 bytes of padding
    tag[0] = 'I';
    tag[1] = 'D';
    tag[2] = '3';
    tag[3] = 3;
    tag[9] = 100;
    byte[] both = Arrays.copyOf(tag, tag.length + flac.length);
    System.arraycopy(flac, 0, both, tag.length, flac.length);
    Path file = Files.write(dir.resolve("tagged-too.flac"), both);
    assertEquals(44_100, JavaSoundFiles.decode(file).frames());
  }

  @Test
  @Timeout(30)
  void aTagAppendedAfterTheLastFrameIsNoHarm() throws Exception {
    byte[] flac = Files.readAllBytes(Sox.tone(dir, "tail.flac", 44_100, 2, 16, 440, 1, 0.5));
    byte[] tagged = Arrays.copyOf(flac, flac.length + 128); // an ID3v1 tag, as some taggers append one
    tagged[flac.length] = 'T';
    tagged[flac.length + 1] = 'A';
    tagged[flac.length + 2] = 'G';
    Arrays.fill(tagged, flac.length + 3, tagged.length, (byte) 'x');
    Path file = Files.write(dir.resolve("tail.flac"), tagged);
    PcmClip clip = JavaSoundFiles.decode(file);
    assertEquals(44_100, clip.frames());
    assertEquals(0.5, Tones.amplitudeAt(clip, 440, 4_410, 44_100), 0.01);
  }

  @Test
  void aFlacFileCutInHalfIsRefusedAgainstTheLengthItAnnounces() throws Exception {
    Path flac = Sox.tone(dir, "cut.flac", 48_000, 2, 24, 440, 3, 0.5);
    byte[] bytes = Files.readAllBytes(flac);
    Files.write(flac, Arrays.copyOf(bytes, bytes.length / 2));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(flac));
    Matcher m = Pattern.compile("cut\\.flac: truncated, (\\d+) of the 144000 samples per channel its STREAMINFO"
        + " announces are present").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    int present = Integer.parseInt(m.group(1));
    assertTrue(present > 50_000 && present < 72_000, "about half present: " + present);
  }

  @Test
  void aFlacFileWithOnlyItsHeaderIsRefusedAsTruncated() throws Exception {
    Path flac = Sox.tone(dir, "head.flac", 44_100, 2, 16, 440, 2, 0.5);
    byte[] bytes = Files.readAllBytes(flac);
    Files.write(flac, Arrays.copyOf(bytes, firstFrame(bytes)));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(flac));
    assertTrue(e.getMessage().contains("head.flac: truncated, 0 of the 88200 samples"), e.getMessage());

    Files.write(flac, Arrays.copyOf(bytes, 20)); // inside STREAMINFO itself
    e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(flac));
    assertTrue(e.getMessage().contains("head.flac: FLAC metadata block 1 at byte 4 claims 34 bytes but only 12 bytes are"
        + " left, the file is truncated"), e.getMessage());
  }

  @Test
  void bytesFlippedInTheMiddleAreRefusedAtTheFrameThatHoldsThem() throws Exception {
    Path flac = Sox.tone(dir, "flip.flac", 48_000, 2, 24, 440, 3, 0.5);
    byte[] bytes = Files.readAllBytes(flac);
    int maxFrame = ((bytes[8 + 7] & 0xFF) << 16) | ((bytes[8 + 8] & 0xFF) << 8) | (bytes[8 + 9] & 0xFF);
    int middle = bytes.length / 2;
    for (int i = 0; i < 16; i++) {
      bytes[middle + i] ^= (byte) 0x5A;
    }
    Files.write(flac, bytes);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(flac));
    Matcher m = Pattern.compile("flip\\.flac: corrupt FLAC frame at byte (\\d+) of " + bytes.length
        + " \\((its checksum fails|it cannot be read)\\)").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    int at = Integer.parseInt(m.group(1));
    assertTrue(at <= middle && at > middle - maxFrame, "the frame holding byte " + middle + ": " + at);
  }

  @Test
  void audioThatDoesNotMatchItsMd5SignatureIsRefused() throws Exception {
    Path flac = Sox.tone(dir, "md5.flac", 44_100, 2, 16, 440, 1, 0.5);
    byte[] bytes = Files.readAllBytes(flac);
    bytes[8 + 18 + 5] ^= 1; // one bit of the signature: the frames still pass their own checksums
    Files.write(flac, bytes);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(flac));
    assertTrue(e.getMessage().contains("md5.flac: corrupt, the decoded audio does not match the MD5 signature"),
        e.getMessage());
  }

  /** Where the audio frames start: after the last metadata block (FLAC format, METADATA_BLOCK_HEADER). */
  private static int firstFrame(byte[] bytes) {
    int at = 4;
    boolean last = false;
    while (!last) {
      last = (bytes[at] & 0x80) != 0;
      at += 4 + (((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF));
    }
    return at;
  }
}
