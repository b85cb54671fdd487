package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Signal;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The wizard's test tone played to the chosen output, heard on the PulseAudio null sink's monitor. */
@Integration
class TestToneOnTheSpeakersTest {
  @Test
  void theChosenOutputSoundsTheOneKilohertzToneForItsWholeLength() throws Exception {
    PulseAudioSink sink = PulseAudioSink.ensureRunning();
    PulseAudioSink.Recording recording = sink.record();
    TestTone.play(new JavaSoundOutput(JavaSoundOutput.DEFAULT, Clock.systemUTC()));
    Signal heard = recording.stop();

    int first = heard.firstAbove(0.05);
    int last = heard.lastAbove(0.05);
    assertTrue(first >= 0, "the tone was heard on the speakers' monitor");
    double seconds = (last - first) / (double) PulseAudioSink.RATE;
    assertEquals(TestTone.LENGTH.toMillis() / 1000.0, seconds, 0.1, "the tone aired whole");
    int quarter = PulseAudioSink.RATE / 4;
    assertEquals(TestTone.HZ, heard.dominantHz(first + quarter, last - quarter, 200, 4000), 3.0, "at its pitch");
    assertEquals(TestTone.AMPLITUDE, heard.amplitudeAt(TestTone.HZ, first + quarter, last - quarter), 0.03, "at -10 dBFS");
    System.out.printf("test tone heard: %.3f s at %.0f Hz, amplitude %.3f%n", seconds,
        heard.dominantHz(first + quarter, last - quarter, 200, 4000), heard.amplitudeAt(TestTone.HZ, first + quarter, last - quarter));
  }
}
