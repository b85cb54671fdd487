package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Speakers;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Integration
class JavaSoundLineInTest {
  @TempDir
  Path dir;

  @Test
  void theFmTunerOnTheLineInputIsPassedThroughForExactlyTheLengthAsked() throws Exception {
    Tools.require("paplay");
    // the tuner: a 660 Hz tone played into the 'linein' sink, whose monitor is the default source
    Path tuner = Sox.toneWav(dir, "fm.wav", 44_100, 2, 16, 660, 8, 0.3);
    try (Speakers speakers = Speakers.listen();
        SoundOutput.OpenLine line = new JavaSoundOutput(JavaSoundOutput.DEFAULT, Speakers.CLOCK).open(PcmFormat.STATION)) {
      Process radio = new ProcessBuilder(List.of("paplay", "--device=linein", tuner.toString()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try (PcmSource lineIn = new JavaSoundLineIn(JavaSoundLineIn.DEFAULT).open(PcmFormat.STATION, Duration.ofSeconds(3))) {
        Instant planned = Speakers.CLOCK.instant().plusMillis(1500);
        Playback playback = line.play(lineIn, new StopToken(), Cue.at(planned));
        Speakers.requireUnbroken(playback.underruns());
        Signal heard = speakers.heard(planned.minusMillis(200), planned.plusMillis(3400));

        assertEquals(3 * 44_100, playback.framesPlayed());
        assertEquals(List.of(), playback.dropouts(), "the capture kept up with the airing");
        int start = heard.firstAbove(0.05);
        assertTrue(start >= 0, "nothing of the tuner was heard");
        long late = Duration.between(planned, speakers.instantOf(planned.minusMillis(200), start)).toMillis();
        assertTrue(Math.abs(late) <= 10, "the tuner came on " + late + " ms off the planned instant");
        assertEquals(3.0, heard.seconds(heard.lastAbove(0.05) - start), 0.03);
        assertEquals(660, heard.dominantHz(start + 4410, start + 2 * 44_100, 500, 800), 2);
        assertEquals(0.3, heard.peak(start + 4410, start + 2 * 44_100), 0.03);
      } finally {
        radio.destroy();
        radio.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void anInputThatIsNotThereIsNamedInTheError() {
    AudioException e = assertThrows(AudioException.class,
        () -> new JavaSoundLineIn("Tuner USB 7.1").open(PcmFormat.STATION, Duration.ofMinutes(30)));
    assertTrue(e.getMessage().contains("no usable line input 'Tuner USB 7.1'") && e.getMessage().contains("inputs seen"),
        e.getMessage());
  }
}
