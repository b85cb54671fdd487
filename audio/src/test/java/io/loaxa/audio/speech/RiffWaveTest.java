package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The WAV container speech engines return and the render cache keeps. */
class RiffWaveTest {
  @Test
  void sixteenBitRoundTripKeepsEverySampleWithinOneStep() throws Exception {
    float[] samples = {0f, 0.5f, -0.5f, 0.999f, -1f, 0.25f};
    PcmClip clip = new PcmClip(new PcmFormat(22_050, 2), samples);
    PcmClip back = RiffWave.decode(RiffWave.encode16(clip), "test");
    assertEquals(clip.format(), back.format());
    float[] got = back.samples();
    for (int i = 0; i < samples.length; i++) {
      assertEquals(samples[i], got[i], 1.0 / 32767, "sample " + i);
    }
  }

  @Test
  void readsAStreamedHeaderWhoseSizesArePlaceholdersAsEspeakWritesIt() throws Exception {
    byte[] wav = RiffWave.encode16(new PcmClip(new PcmFormat(22_050, 1), new float[] {0.1f, 0.2f, 0.3f}));
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, 0x7ffff024);
    b.putInt(40, 0x7ffff000);
    assertEquals(3, RiffWave.decode(wav, "espeak-ng output").frames());
  }

  @Test
  void skipsUnknownChunksAndReadsFloatSamples() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 3 + 1 + 8 + 16 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3}).put((byte) 0);
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(16_000).putInt(64_000)
        .putShort((short) 4).putShort((short) 32);
    b.put("data".getBytes()).putInt(8).putFloat(0.75f).putFloat(-0.25f);
    PcmClip clip = RiffWave.decode(b.array(), "float");
    assertArrayEquals(new float[] {0.75f, -0.25f}, clip.samples());
    assertEquals(16_000, clip.format().sampleRate());
  }

  @Test
  void somethingThatIsNotAWavIsRefusedNamingItsSource() {
    AudioException e = assertThrows(AudioException.class, () -> RiffWave.decode("espeak: error".getBytes(), "espeak-ng output"));
    assertTrue(e.getMessage().startsWith("espeak-ng output: not a WAV file"), e.getMessage());
  }

  @Test
  void aWavWithAHeaderButNoSamplesIsRefused() {
    byte[] wav = RiffWave.encode16(new PcmClip(new PcmFormat(22_050, 1), new float[0]));
    AudioException e = assertThrows(AudioException.class, () -> RiffWave.decode(wav, "engine output"));
    assertEquals("engine output: WAV holds no audio", e.getMessage());
  }
}
