package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.Chimes;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.testing.PulseAudioSink;
import io.loaxa.audio.testing.Signal;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class JavaSoundOutputTest {

  @Test
  void theDefaultChimeReachesTheSpeakersAtItsPitchAndLevel() throws Exception {
    PulseAudioSink sink = PulseAudioSink.ensureRunning();
    JavaSoundOutput output = new JavaSoundOutput(JavaSoundOutput.DEFAULT, Clock.systemUTC());
    PcmClip chime = Chimes.named("default", PcmFormat.STATION).orElseThrow();

    PulseAudioSink.Recording recording = sink.record();
    Playback playback;
    try (SoundOutput.OpenLine line = output.open(PcmFormat.STATION)) {
      playback = line.play(chime, new StopToken());
    }
    Signal heard = recording.stop();

    assertFalse(playback.stopped());
    assertEquals(chime.frames(), playback.framesPlayed());
    int start = heard.firstAbove(0.02);
    assertTrue(start >= 0, "nothing was heard on the monitor");
    int note = (int) (Chimes.NOTE_LENGTH.toMillis() * PulseAudioSink.RATE / 1000);
    for (int n = 0; n < Chimes.DEFAULT_NOTES_HZ.length; n++) {
      // measure the steady middle of each note, away from its 20 ms edges
      int from = start + n * note + note / 4;
      int to = start + (n + 1) * note - note / 4;
      assertEquals(Chimes.DEFAULT_NOTES_HZ[n], heard.dominantHz(from, to, 400, 900), 3.0, "note " + n);
      assertEquals(Chimes.PEAK, heard.peak(from, to), Chimes.PEAK * 0.06, "level of note " + n);
    }
    double heardSeconds = heard.seconds(heard.lastAbove(0.02) - start);
    assertEquals(chime.duration().toMillis() / 1000.0, heardSeconds, 0.05);
  }
}
