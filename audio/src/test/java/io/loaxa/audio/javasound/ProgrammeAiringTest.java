package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.Chimes;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.ProgrammeAudio;
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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Integration
class ProgrammeAiringTest {
  @TempDir
  Path dir;

  @Test
  void aQuietRecordingAndSpeechAirAtTheStationLoudnessBetweenChimes() throws Exception {
    Tools.require("espeak-ng");
    PcmFormat f = PcmFormat.STATION;
    // a field recording made far from the microphone: -32 dBFS, 22.05 kHz mono
    PcmClip quiet = JavaSoundFiles.decode(Sox.toneWav(dir, "ghi-am.wav", 22_050, 1, 16, 330, 3, 0.025));
    Path speechWav = dir.resolve("thong-bao.wav");
    Sox.run(List.of("espeak-ng", "-v", "vi", "-w", speechWav.toString(),
        "Thông báo của Ủy ban nhân dân xã về lịch tiêm phòng cho gia súc, gia cầm trong tháng này."));
    PcmClip speech = JavaSoundFiles.decode(speechWav);
    PcmClip chime = Chimes.named("default", f).orElseThrow();
    Duration gap = Duration.ofMillis(400);
    PcmClip programme = ProgrammeAudio.in(f)
        .add(chime).gap(gap)
        .add(ProgrammeAudio.Part.of(quiet).fadeIn(Duration.ofMillis(200)).fadeOut(Duration.ofMillis(200)))
        .gap(gap)
        .add(speech).gap(gap)
        .add(chime).clip();

    try (Speakers speakers = Speakers.listen();
        SoundOutput.OpenLine line = new JavaSoundOutput(JavaSoundOutput.DEFAULT, Speakers.CLOCK).open(f)) {
      Instant planned = Speakers.CLOCK.instant().plusMillis(800);
      Speakers.requireUnbroken(line.play(programme, new StopToken(), Cue.at(planned)).underruns());
      Signal heard = speakers.heard(planned, planned.plus(programme.duration()).plusMillis(200));

      double chimeEnd = seconds(chime);
      double quietFrom = chimeEnd + 0.4;
      double quietTo = quietFrom + seconds(quiet.convertTo(f));
      double speechFrom = quietTo + 0.4;
      double speechTo = speechFrom + seconds(speech.convertTo(f));
      // the monitor is recorded in mono, (L+R)/2; both sides carry the same, so stereo reads 3.01 LU more
      double aired = Loudness.STATION_TARGET_LUFS;
      assertEquals(aired, lufs(heard, quietFrom, quietTo) + 3.01, 1.0, "the quiet recording");
      assertEquals(aired, lufs(heard, speechFrom, speechTo) + 3.01, 1.0, "the speech");
      assertEquals(aired, lufs(heard, 0, chimeEnd) + 3.01, 1.0, "the chime");
      assertTrue(heard.peak(index(heard, chimeEnd + 0.05), index(heard, quietFrom - 0.05)) < 0.001, "the gap is silent");
      // the fade-in: a quarter of the way in the level is low, by the end of it full
      double full = heard.peak(index(heard, quietFrom + 1.0), index(heard, quietFrom + 1.2));
      double early = heard.peak(index(heard, quietFrom + 0.04), index(heard, quietFrom + 0.06));
      assertTrue(early < full * 0.3 && full > 0.1, "fade-in " + early + " of " + full);
      assertEquals(programme.duration().toMillis() / 1000.0,
          heard.seconds(heard.lastAbove(0.005) - heard.firstAbove(0.005)), 0.05);
    }
  }

  private static double seconds(PcmClip clip) {
    return clip.frames() / (double) clip.format().sampleRate();
  }

  private static int index(Signal s, double seconds) {
    return (int) Math.round(seconds * s.rate());
  }

  private static double lufs(Signal s, double from, double to) {
    float[] part = Arrays.copyOfRange(s.samples(), index(s, from), index(s, to));
    return Loudness.integratedLufs(new PcmClip(new PcmFormat(s.rate(), 1), part));
  }
}
