package io.loaxa.scheduler.cli;

import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.Voice;
import io.loaxa.scheduler.config.SpeechConfig;
import io.loaxa.scheduler.station.StationSpeech;
import io.loaxa.scheduler.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The speech part of {@code loaxa doctor}: which engines and voices work here, and what the station will use. */
final class SpeechDoctor {
  private SpeechDoctor() {}

  /** Prints the speech lines; false when the station cannot read Vietnamese here. */
  static boolean report(SpeechConfig config, Path dataDir, PrintWriter out) {
    StationSpeech speech;
    try {
      speech = StationSpeech.assemble(config, dataDir);
    } catch (UserError e) {
      out.println("[speech] FAIL " + e.getMessage());
      return false;
    }
    boolean first = true;
    boolean vietnamese = false;
    for (SpeechEngineStatus status : speech.engines()) {
      String voices = status.voices().stream().map(v -> v.key() + " (" + v.description() + ")").collect(Collectors.joining(", "));
      if (status.usable()) {
        out.println("[speech] OK   " + status.engine() + ": " + status.detail() + (voices.isEmpty() ? "" : " — voices: " + voices));
      } else {
        out.println("[speech] " + (first ? "FAIL " : "--   ") + status.engine() + ": " + status.detail());
      }
      for (String warning : status.warnings()) {
        out.println("[speech] WARN " + warning);
      }
      if (first) {
        vietnamese = status.usable() && status.voices().stream().anyMatch(Voice::speaksVietnamese);
      }
      first = false;
    }
    Voice voice = speech.voice();
    out.println("[speech] " + (vietnamese ? "OK   " : "FAIL ") + "the station reads with " + config.engine() + " voice "
        + voice.key() + " (" + voice.description() + "), " + config.settings().describe() + ", region "
        + config.region().name().toLowerCase(java.util.Locale.ROOT)
        + (vietnamese ? "" : ": no Vietnamese voice works on this machine (apt-get install espeak-ng)"));
    return vietnamese;
  }
}
