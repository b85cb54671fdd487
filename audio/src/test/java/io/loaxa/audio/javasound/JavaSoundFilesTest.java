package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Tones;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Integration;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Integration
class JavaSoundFilesTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} Hz {1} ch {2}-bit")
  @CsvSource({"8000,1,8", "22050,1,16", "44100,2,16", "48000,2,24", "16000,2,8", "96000,1,24"})
  void wavRecordingsOfEveryCommonShapeDecodeToTheirToneAndLength(int rate, int channels, int bits) throws Exception {
    Path wav = Sox.toneWav(dir, "tone.wav", rate, channels, bits, 440, 1.5, 0.5);
    PcmClip clip = JavaSoundFiles.decode(wav);
    assertEquals(new PcmFormat(rate, channels), clip.format());
    assertEquals(1.5, clip.duration().toMillis() / 1000.0, 0.001);
    assertEquals(0.5, Tones.amplitudeAt(clip, 440, rate / 10, rate), 0.02);
    PcmClip aired = clip.convertTo(PcmFormat.STATION);
    assertEquals(0.5, Tones.amplitudeAt(aired, 440, 4410, 44_100), 0.02);
  }

  @Test
  void anMp3RecordingDecodesToItsToneAndLength() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "t.wav", 44_100, 2, 16, 440, 3, 0.5), "t.mp3", 128);
    PcmClip clip = JavaSoundFiles.decode(mp3);
    assertEquals(PcmFormat.STATION, clip.format());
    // MP3 adds the encoder's and decoder's delay and pads to whole frames
    assertEquals(3.0, clip.duration().toMillis() / 1000.0, 0.08);
    assertEquals(0.5, Tones.amplitudeAt(clip, 440, 44_100, 88_200), 0.03);
  }

  @Test
  void aMonoLowRateMp3DecodesToo() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "m.wav", 22_050, 1, 16, 1000, 2, 0.5), "m.mp3", 32, "-m", "m");
    PcmClip clip = JavaSoundFiles.decode(mp3);
    assertEquals(new PcmFormat(22_050, 1), clip.format());
    assertEquals(0.5, Tones.amplitudeAt(clip, 1000, 11_025, 33_075), 0.04);
  }

  @Test
  void aTruncatedWavIsRefusedSayingSo() throws Exception {
    Path wav = Sox.toneWav(dir, "cut.wav", 44_100, 2, 16, 440, 2, 0.5);
    byte[] bytes = Files.readAllBytes(wav);
    Files.write(wav, Arrays.copyOf(bytes, bytes.length / 2));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(wav));
    assertTrue(e.getMessage().contains("cut.wav") && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void anMp3CutMidFrameIsRefusedWithTheByteWhereItEnds() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "c.wav", 44_100, 2, 16, 440, 3, 0.5), "c.mp3", 128);
    byte[] bytes = Files.readAllBytes(mp3);
    Files.write(mp3, Arrays.copyOf(bytes, bytes.length * 6 / 10));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(mp3));
    assertTrue(e.getMessage().contains("c.mp3: truncated, the MP3 frame at byte"), e.getMessage());
  }

  @Test
  void anMp3CutBetweenFramesIsRefusedAgainstTheFrameCountItAnnounces() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "b.wav", 44_100, 2, 16, 440, 3, 0.5), "b.mp3", 128);
    byte[] bytes = Files.readAllBytes(mp3);
    int boundary = frameBoundaryAfter(bytes, bytes.length / 2);
    Files.write(mp3, Arrays.copyOf(bytes, boundary));
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(mp3));
    assertTrue(e.getMessage().matches(".*b\\.mp3: truncated, \\d+ of the \\d+ MP3 frames its header announces.*"),
        e.getMessage());
  }

  @Test
  void garbageInsideAnMp3IsRefusedWithItsOffset() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "g.wav", 44_100, 2, 16, 440, 3, 0.5), "g.mp3", 128);
    byte[] bytes = Files.readAllBytes(mp3);
    Random random = new Random(7);
    int at = frameBoundaryAfter(bytes, bytes.length / 3);
    for (int i = 0; i < 3000; i++) {
      bytes[at + i] = (byte) random.nextInt(0x7F);
    }
    Files.write(mp3, bytes);
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(mp3));
    assertTrue(e.getMessage().contains("g.mp3: corrupt MP3 data at byte " + at), e.getMessage());
  }

  @Test
  void filesThatAreNotAudioAreRefusedByName() throws Exception {
    Path noise = dir.resolve("bantin.mp3");
    byte[] random = new byte[5000];
    new Random(3).nextBytes(random);
    random[0] = 0x12;
    Files.write(noise, random);
    Path text = Files.writeString(dir.resolve("notes.wav"), "Thông báo họp dân lúc 8 giờ");
    Path empty = Files.write(dir.resolve("empty.mp3"), new byte[0]);
    for (Path file : new Path[] {noise, text, empty}) {
      AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(file));
      assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains("not a supported"),
          e.getMessage());
    }
    AudioException missing = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(dir.resolve("gone.mp3")));
    assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
  }

  @Test
  void anMp3StreamDecodesAsItArrives() throws Exception {
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "s.wav", 44_100, 2, 16, 440, 2, 0.5), "s.mp3", 128);
    try (var source = JavaSoundFiles.stream(new ByteArrayInputStream(Files.readAllBytes(mp3)), "test stream")) {
      assertEquals(PcmFormat.STATION, source.format());
      float[] buffer = new float[4096 * 2];
      float[] all = new float[0];
      int got;
      while ((got = source.read(buffer, 4096)) >= 0) {
        int at = all.length;
        all = Arrays.copyOf(all, at + got * 2);
        System.arraycopy(buffer, 0, all, at, got * 2);
      }
      PcmClip clip = new PcmClip(PcmFormat.STATION, all);
      assertEquals(2.0, clip.duration().toMillis() / 1000.0, 0.08);
      assertEquals(0.5, Tones.amplitudeAt(clip, 440, 22_050, 66_150), 0.03);
    }
  }

  @Test
  void aTaggedMp3StreamPassesEveryOtherInstalledReaderUntouched() throws Exception {
    // jFLAC's jar installs a Java Sound reader of its own, and Java Sound offers every stream to
    // every reader; one that read past its mark would spoil the MP3 for the reader after it
    Path mp3 = Sox.mp3(Sox.toneWav(dir, "tag.wav", 44_100, 2, 16, 440, 2, 0.5), "tag.mp3", 128,
        "--tt", "Ban tin sang", "--id3v2-only", "--pad-id3v2-size", "4000");
    byte[] bytes = Files.readAllBytes(mp3);
    assertTrue(bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3', "the fixture starts with an ID3v2 tag");
    List<AudioFileReader> others = ServiceLoader.load(AudioFileReader.class).stream().map(ServiceLoader.Provider::get)
        .filter(r -> !r.getClass().getName().contains("Mpeg")).toList();
    assertTrue(others.stream().anyMatch(r -> r.getClass().getName().contains("Flac")), "the FLAC reader is installed");
    // as the live stream is read: from a socket that cannot mark, through the decoder's buffer
    InputStream socket = new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public boolean markSupported() {
        return false;
      }
    };
    BufferedInputStream buffered = new BufferedInputStream(socket, 256 * 1024);
    for (AudioFileReader reader : others) {
      assertThrows(UnsupportedAudioFileException.class, () -> reader.getAudioInputStream(buffered),
          reader.getClass().getName());
    }
    try (var source = JavaSoundFiles.stream(buffered, "tagged stream")) {
      PcmClip clip = readAll(source);
      assertEquals(2.0, clip.duration().toMillis() / 1000.0, 0.08);
      assertEquals(0.5, Tones.amplitudeAt(clip, 440, 22_050, 66_150), 0.03);
    }
    PcmClip file = JavaSoundFiles.decode(mp3);
    assertEquals(0.5, Tones.amplitudeAt(file, 440, 22_050, 66_150), 0.03);
  }

  private static PcmClip readAll(io.loaxa.audio.PcmSource source) throws AudioException {
    int channels = source.format().channels();
    float[] buffer = new float[4096 * channels];
    float[] all = new float[0];
    int got;
    while ((got = source.read(buffer, 4096)) >= 0) {
      int at = all.length;
      all = Arrays.copyOf(all, at + got * channels);
      System.arraycopy(buffer, 0, all, at, got * channels);
    }
    return new PcmClip(source.format(), all);
  }

  /** The first offset at or after {@code from} where two MPEG-1 layer III frames follow each other. */
  private static int frameBoundaryAfter(byte[] bytes, int from) {
    for (int p = from; p + 4 < bytes.length; p++) {
      Mp3Frames.Header h = Mp3Frames.header(bytes, p);
      if (h != null && p + h.length() + 4 < bytes.length && Mp3Frames.header(bytes, p + h.length()) != null) {
        return p;
      }
    }
    throw new IllegalStateException("no frame boundary");
  }
}
