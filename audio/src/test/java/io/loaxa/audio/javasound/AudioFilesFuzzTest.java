package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.jflac.FlacFiles;
import io.loaxa.audio.jorbis.OggVorbisFiles;
import io.loaxa.audio.speech.RiffWave;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every decoder fed any bytes: it answers a clip holding no more audio than its header claims, or
 * refuses with an {@link AudioException} whose message names the file in the operator's words (no
 * Java class names or exception texts); nothing else escapes, and it answers within its time budget.
 * Seeds are small files real encoders wrote (sox, lame) and the hostile cases of
 * {@link HostileAudioFilesTest}; every finding stays in the seed folder as a case.
 */
class AudioFilesFuzzTest {
  private static final String NAME = "noi-dung/ban-tin";

  /** What a refusal must look like: the file named, no Java in it. */
  static void inOperatorWords(AudioException e, String name) {
    String m = e.getMessage();
    assertTrue(m != null && m.contains(name), "a refusal that does not name the file: " + m);
    assertFalse(m.matches("(?s).*(Exception|Error\\b|java\\.|javazoom|jcraft|org\\.jflac|Index \\d+ out of bounds).*"),
        "Java's words in front of the operator: " + m);
  }

  /** Decoding these bytes took no longer than the budget for the audio they held (and 5 s at most for a fuzz input). */
  static void inTime(long start, double audioSeconds) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Duration bound = AudioLimits.decodeBudget(audioSeconds).minus(AudioLimits.DECODE_TIME_BASE).plusSeconds(5);
    assertTrue(took.compareTo(bound) <= 0, "decoding took " + took.toMillis() + " ms for " + audioSeconds + " s of audio");
  }

  private static double seconds(PcmClip clip) {
    return clip.frames() / (double) clip.format().sampleRate();
  }

  private static void withinLimits(PcmClip clip) {
    assertTrue(clip.frames() > 0, "an empty clip was accepted");
    assertTrue(clip.format().sampleRate() >= AudioLimits.MIN_SAMPLE_RATE
        && clip.format().sampleRate() <= AudioLimits.MAX_SAMPLE_RATE, "rate " + clip.format());
    assertTrue(seconds(clip) <= AudioLimits.MAX_LENGTH.toSeconds(), "longer than 2 h");
  }

  /** One decoder's answer to some bytes: the clip, and what the decoder read of the file besides it. */
  private record Decoded<F>(F facts, PcmClip clip) {}

  /** What a decoder that reads nothing but the clip reports besides it. */
  private enum Nothing { READ }

  private static Optional<Decoded<Nothing>> clipOnly(PcmClip clip) {
    return Optional.of(new Decoded<>(Nothing.READ, clip));
  }

  /** A decoder under fuzzing; empty when the bytes are not for it at all. */
  @FunctionalInterface
  private interface Decoder<F> {
    Optional<Decoded<F>> decode(byte[] input) throws AudioException;
  }

  /**
   * The shape every decoder's target has: the bytes decoded, or refused in the operator's words;
   * either within its time budget; a clip within the station's limits; then the decoder's own promise
   * about the clip and what it read.
   */
  private static <F> void decodedOrRefused(byte[] input, Decoder<F> decoder, BiConsumer<F, PcmClip> promise) {
    long start = System.nanoTime();
    Optional<Decoded<F>> decoded;
    try {
      decoded = decoder.decode(input);
    } catch (AudioException e) {
      inOperatorWords(e, NAME);
      inTime(start, 0);
      return;
    }
    if (decoded.isEmpty()) {
      return;
    }
    PcmClip clip = decoded.get().clip();
    inTime(start, seconds(clip));
    withinLimits(clip);
    promise.accept(decoded.get().facts(), clip);
  }

  @FuzzTest(maxDuration = "2h")
  void anyWavIsDecodedToTheFramesItsDataChunkHoldsOrRefusedInOperatorWords(byte[] input) {
    decodedOrRefused(input, bytes -> {
      try {
        WavFiles.Layout layout = WavFiles.layout(bytes, NAME);
        return Optional.of(new Decoded<>(layout, WavFiles.decode(bytes, NAME)));
      } catch (IndexOutOfBoundsException e) {
        // bytes too short for "RIFF....WAVE" are never handed to the WAV reader
        assertFalse(WavFiles.looksLikeWav(bytes), "the WAV reader failed on its own input: " + e);
        return Optional.empty();
      }
    }, (layout, clip) -> {
      assertEquals(layout.frames(), clip.frames(), "the frames the data chunk holds, no more, no fewer");
      assertTrue(layout.dataStart() + layout.dataLength() <= input.length, "data claimed beyond the bytes present");
      if (layout.bits() == 16) {
        // 16-bit PCM written back and read again is the same audio, sample for sample
        PcmClip again;
        try {
          again = WavFiles.decode(RiffWave.encode16(clip), NAME);
        } catch (AudioException e) {
          throw new AssertionError("a decoded clip written as WAV is refused: " + e.getMessage(), e);
        }
        assertEquals(clip.format(), again.format());
        assertArrayEquals(clip.samples(), again.samples());
      }
    });
  }

  @FuzzTest(maxDuration = "2h")
  void anyMp3IsDecodedWithinTheFramesItsHeadersCountOrRefusedInOperatorWords(byte[] input) {
    decodedOrRefused(input, bytes -> {
      Mp3Frames.Scan scan = Mp3Frames.scan(bytes, NAME);
      return Optional.of(new Decoded<>(scan, JavaSoundFiles.decode(bytes, NAME)));
    }, (scan, clip) -> {
      assertEquals(scan.sampleRate(), clip.format().sampleRate());
      assertTrue(clip.frames() <= scan.samples() + 2L * 1152, clip.frames() + " frames from " + scan.samples() + " counted");
    });
  }

  @FuzzTest(maxDuration = "2h")
  void anyOggVorbisIsDecodedWithinTheSamplesItsPagesCountOrRefusedInOperatorWords(byte[] input) {
    decodedOrRefused(input, bytes -> clipOnly(OggVorbisFiles.decode(bytes, NAME)), (none, clip) -> {
      for (float s : clip.samples()) {
        assertTrue(s >= -1f && s <= 1f, "a sample beyond full scale: " + s);
      }
    });
  }

  @FuzzTest(maxDuration = "2h")
  void anyFlacIsDecodedToTheSamplesItsStreamInfoAnnouncesOrRefusedInOperatorWords(byte[] input) {
    decodedOrRefused(input, bytes -> clipOnly(FlacFiles.decode(bytes, NAME)), (none, clip) -> {
      int info = FlacFiles.streamStart(input) + 8;
      long total = (input[info + 13] & 0x0FL) << 32 | (input[info + 14] & 0xFFL) << 24 | (input[info + 15] & 0xFFL) << 16
          | (input[info + 16] & 0xFFL) << 8 | (input[info + 17] & 0xFFL);
      if (total > 0) {
        assertEquals(total, clip.frames(), "exactly the samples STREAMINFO announces");
      }
    });
  }

  @FuzzTest(maxDuration = "2h")
  void anyFileIsProbedToALengthAndLoudnessOrRefusedInOperatorWords(byte[] input) {
    // the loudness measurement counts in the time budget, as the content library's probe does
    decodedOrRefused(input, bytes -> {
      PcmClip clip = JavaSoundFiles.decode(bytes, NAME);
      return Optional.of(new Decoded<>(Loudness.measure(clip), clip));
    }, (m, clip) -> {
      assertEquals(clip.frames(), m.frames());
      assertFalse(Double.isNaN(m.integratedLufs()), "loudness is a number or -inf (silence)");
      assertTrue(m.integratedLufs() <= 10, "louder than full scale can be: " + m.integratedLufs());
      assertFalse(Float.isNaN(m.peak()) || m.peak() < 0, "peak " + m.peak());
    });
  }
}
