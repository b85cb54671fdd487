package io.loaxa.bench;

import io.loaxa.audio.espeak.EspeakNg;
import io.loaxa.bench.audio.SpeechBench;
import io.loaxa.audio.speech.SpeechProcess;
import io.loaxa.audio.speech.VietnameseNormalizer;
import io.loaxa.scheduler.station.StationSpeech;
import io.loaxa.scheduler.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loaxa bench speech}. */
@Command(name = "speech", mixinStandardHelpOptions = true,
    description = {"A 500-word CCHC bulletin: normalise + espeak-ng + levelling against raw espeak-ng -v vi on the",
        "same text in the same run: seconds, ratio, real-time factor."})
final class SpeechBenchCommand extends BenchCommand.Bench {
  @Option(names = "--rounds", defaultValue = "9", description = "Timed rounds of each (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  void run(PrintWriter out) throws Exception {
    if (rounds < 1) {
      throw new UserError("--rounds must be at least 1");
    }
    Path espeak = SpeechProcess.locate(EspeakNg.ENGINE, SpeechProcess.systemPath())
        .orElseThrow(() -> new UserError("espeak-ng is not installed; the speech benchmark measures against it (apt-get install espeak-ng)"));
    new SpeechBench(espeak, EspeakNg.onPath(), VietnameseNormalizer.northern(), StationSpeech.FINISH)
        .run(rounds, out);
  }
}
