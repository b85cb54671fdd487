package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Decoding WAV as it arrives from an engine, in whatever pieces the pipe delivers. */
class WavStreamTest {
  private static PcmClip feed(byte[] wav, int... pieceSizes) throws AudioException {
    WavStream stream = new WavStream();
    int at = 0;
    int i = 0;
    while (at < wav.length) {
      int n = Math.min(pieceSizes[i++ % pieceSizes.length], wav.length - at);
      byte[] piece = Arrays.copyOfRange(wav, at, at + n);
      stream.accept(piece, n);
      at += n;
    }
    return stream.clip("engine output");
  }

  @Test
  void givesTheSameSamplesWhateverTheSizeOfThePieces() throws Exception {
    float[] samples = new float[10_001];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) Math.sin(i / 7.0) * 0.8f;
    }
    byte[] wav = RiffWave.encode16(new PcmClip(new PcmFormat(22_050, 1), samples));
    PcmClip whole = RiffWave.decode(wav, "whole");
    for (int[] pieces : new int[][] {{1}, {3}, {7, 1, 44}, {45}, {65_536}}) {
      assertArrayEquals(whole.samples(), feed(wav, pieces).samples(), "pieces " + Arrays.toString(pieces));
    }
  }

  @Test
  void aStreamLongerThanTheFirstBufferKeepsEverySampleAndItsLoudness() throws Exception {
    float[] samples = new float[700_001];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) Math.sin(i / 5.0) * (i % 40_000 < 20_000 ? 0.5f : 0.05f);
    }
    PcmClip original = new PcmClip(new PcmFormat(22_050, 1), samples);
    byte[] wav = RiffWave.encode16(original);
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7ffff000);
    PcmClip decoded = feed(wav, 5_461, 65_536, 3);

    assertArrayEquals(RiffWave.decode(RiffWave.encode16(original), "whole").samples(), decoded.samples());
    assertEquals(Loudness.integratedLufs(new PcmClip(decoded.format(), decoded.samples())), Loudness.integratedLufs(decoded),
        1e-9, "measured while it arrived");
  }

  @Test
  void readsEspeaksStreamedHeaderWithPlaceholderSizes() throws Exception {
    byte[] wav = RiffWave.encode16(new PcmClip(new PcmFormat(22_050, 1), new float[] {0.5f, -0.5f}));
    ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7ffff000);
    assertEquals(2, feed(wav, 5).frames());
  }

  @Test
  void handsOtherLayoutsToTheWholeFileDecoder() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(44).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 3).putShort((short) 1).putInt(16_000).putInt(64_000).putShort((short) 4).putShort((short) 32)
        .put("data".getBytes()).putInt(8).putFloat(0.5f).putFloat(-0.75f);
    assertArrayEquals(new float[] {0.5f, -0.75f}, feed(b.array(), 3).samples());
  }

  @Test
  void anErrorMessageInsteadOfAudioIsReportedAsNotAWav() {
    AudioException e = assertThrows(AudioException.class, () -> feed("error: no voice".getBytes(), 4));
    assertTrue(e.getMessage().startsWith("engine output: not a WAV file"), e.getMessage());
  }
}
