package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgrammeAudioTest {
  private static final PcmFormat F = PcmFormat.STATION;

  @Test
  void chimeContentAndOutroAreJoinedWithTheirGapsInOrder() {
    PcmClip chime = Tones.sine(F, 523, 0.25, Duration.ofMillis(500));
    PcmClip content = Tones.sine(new PcmFormat(22_050, 1), 440, 0.1, Duration.ofSeconds(2));
    PcmClip outro = Tones.sine(F, 784, 0.25, Duration.ofMillis(500));
    PcmClip programme = ProgrammeAudio.in(F).add(chime).gap(Duration.ofMillis(300)).add(content)
        .gap(Duration.ofMillis(300)).add(outro).clip();
    assertEquals(44_100 * 36 / 10, programme.frames());
    PcmClip gap = slice(programme, 0.5, 0.8);
    assertEquals(0, gap.peak());
    assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(slice(programme, 0.8, 2.8)), 0.2);
    assertEquals(Loudness.STATION_TARGET_LUFS, Loudness.integratedLufs(slice(programme, 0, 0.5)), 0.3);
  }

  @Test
  void aPartCanBeQuieterThanTheOthersByItsOwnGain() {
    PcmClip content = Tones.sine(F, 440, 0.1, Duration.ofSeconds(2));
    PcmClip programme = ProgrammeAudio.in(F).add(ProgrammeAudio.Part.of(content).gain(-6)).clip();
    assertEquals(Loudness.STATION_TARGET_LUFS - 6, Loudness.integratedLufs(programme), 0.2);
  }

  @Test
  void aRecordingKeptAsRecordedIsNotLevelled() {
    PcmClip content = Tones.sine(F, 1000, 0.1, Duration.ofSeconds(2));
    PcmClip programme = ProgrammeAudio.in(F).add(ProgrammeAudio.Part.of(content).asRecorded()).clip();
    assertEquals(Loudness.integratedLufs(content), Loudness.integratedLufs(programme), 0.01);
  }

  @Test
  void fadesFollowTheRaisedCosineCurve() {
    PcmClip flat = new PcmClip(F, filled(44_100 * 2, 0.5f));
    PcmClip shaped = ProgrammeAudio.in(F).add(ProgrammeAudio.Part.of(flat).asRecorded()
        .fadeIn(Duration.ofMillis(400)).fadeOut(Duration.ofMillis(400))).clip();
    int fade = 44_100 * 4 / 10;
    for (double p : new double[] {0, 0.25, 0.5, 0.75}) {
      int i = (int) (p * fade);
      assertEquals(0.5 * Fades.gain(p), shaped.sample(i, 0), 1e-3, "fade-in at " + p);
      assertEquals(0.5 * Fades.gain(p), shaped.sample(shaped.frames() - 1 - i, 0), 1e-3, "fade-out at " + p);
    }
    assertEquals(0.5, shaped.sample(44_100, 0), 1e-6);
    assertEquals(0.5, Fades.gain(0.5), 1e-9);
  }

  @Test
  void aProgrammeWithALivePartIsReadAsASource() throws Exception {
    PcmSource live = PcmSource.of(Tones.sine(F, 440, 0.2, Duration.ofSeconds(1)));
    ProgrammeAudio.Builder builder = ProgrammeAudio.in(F).add(Tones.sine(F, 523, 0.2, Duration.ofMillis(500)))
        .addLive(live, -6);
    assertThrows(IllegalStateException.class, builder::clip);
    PcmSource source = builder.source();
    float[] buffer = new float[4096 * 2];
    long frames = 0;
    int got;
    while ((got = source.read(buffer, 4096)) >= 0) {
      frames += got;
    }
    assertEquals(44_100 * 3 / 2, frames);
  }

  private static float[] filled(int frames, float v) {
    float[] s = new float[frames * 2];
    java.util.Arrays.fill(s, v);
    return s;
  }

  private static PcmClip slice(PcmClip clip, double fromSeconds, double toSeconds) {
    int from = (int) Math.round(fromSeconds * clip.format().sampleRate());
    int to = (int) Math.round(toSeconds * clip.format().sampleRate());
    float[] out = new float[(to - from) * clip.format().channels()];
    clip.copyFrames(from, to - from, out);
    return new PcmClip(clip.format(), out);
  }
}
