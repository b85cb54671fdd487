package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import org.junit.jupiter.api.Test;

/** The stand-in finishing step: peak-safe gain until the loudness meter is wired. */
class SpeechFinishTest {
  private static final PcmFormat MONO = new PcmFormat(22_050, 1);

  @Test
  void raisesAQuietVoiceToTheCeiling() {
    PcmClip out = SpeechFinish.peakAt(-1).apply(new PcmClip(MONO, new float[] {0.1f, -0.2f, 0.05f}));
    assertEquals(Math.pow(10, -1 / 20.0), Heard.peak(out), 1e-6);
  }

  @Test
  void lowersAClippingVoiceSoNothingClips() {
    PcmClip out = SpeechFinish.peakAt(-1).apply(new PcmClip(MONO, new float[] {1.0f, -1.0f, 0.5f}));
    assertEquals(Math.pow(10, -1 / 20.0), Heard.peak(out), 1e-6);
  }

  @Test
  void leavesSilenceSilent() {
    PcmClip silence = new PcmClip(MONO, new float[100]);
    assertArrayEquals(new float[100], SpeechFinish.peakAt(-1).apply(silence).samples());
  }

  @Test
  void noneLeavesTheClipAsItIs() {
    PcmClip clip = new PcmClip(MONO, new float[] {0.3f});
    assertSame(clip, SpeechFinish.NONE.apply(clip));
  }
}
