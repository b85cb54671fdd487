package io.loaxa.bench.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.espeak.EspeakNg;
import io.loaxa.audio.speech.SpeechFinish;
import io.loaxa.audio.speech.SpeechProcess;
import io.loaxa.audio.speech.VietnameseNormalizer;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end and reports its figures; it asserts no timing. */
@Integration
class SpeechBenchTest {
  @Test
  void benchReadsTheFiveHundredWordBulletinAndPrintsEveryFigure() throws Exception {
    Tools.require("espeak-ng");
    Path espeak = SpeechProcess.locate("espeak-ng", SpeechProcess.systemPath()).orElseThrow();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SpeechBench.Report report = new SpeechBench(espeak, EspeakNg.onPath(), VietnameseNormalizer.northern(),
        SpeechFinish.peakAt(-1)).run(1, new PrintWriter(new OutputStreamWriter(printed, StandardCharsets.UTF_8), true));

    assertEquals(500, report.words());
    assertTrue(report.spokenWords() > report.words(), "numbers and abbreviations are spoken in full");
    assertTrue(report.audioSeconds() > 100, report.audioSeconds() + " s of speech");
    String text = printed.toString(StandardCharsets.UTF_8);
    for (String figure : new String[] {"raw espeak-ng -v vi", "loaxa: normalise", "ratio loaxa / raw", "real-time factor"}) {
      assertTrue(text.contains(figure), text);
    }
  }
}
