package io.loaxa.scheduler.cli;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code loaxa doctor}: what works on this machine, for the installer. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Kiểm tra máy — what works on this machine: sound output, data folder, speech engines and voices.")
final class DoctorCommand implements Callable<Integer> {
  @Mixin
  StationOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StationConfig config = options.stationConfig();
    boolean ok = true;
    out.println("loaxa doctor — " + config.name());
    out.println("Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch"));

    List<String> outputs = Station.soundOutputs();
    out.println("[sound] outputs Java Sound sees: " + (outputs.isEmpty() ? "none" : String.join(" | ", outputs)));
    try (SoundOutput.OpenLine line = Station.soundOutput(config).open(PcmFormat.STATION)) {
      out.println("[sound] OK  output '" + config.audioOutput() + "' opens at 44.1 kHz 16-bit stereo");
    } catch (AudioException e) {
      ok = false;
      out.println("[sound] FAIL " + e.getMessage());
    }

    Path data = options.dataDir();
    Path probe = data;
    while (probe != null && !Files.exists(probe)) {
      probe = probe.getParent();
    }
    if (probe != null && Files.isWritable(probe)) {
      out.println("[data] OK  " + data + " is writable");
    } else {
      ok = false;
      out.println("[data] FAIL " + data + " is not writable");
    }
    ok &= SpeechDoctor.report(config.speech(), data, out);
    out.println(ok ? "All checks passed." : "Some checks failed (see FAIL above).");
    return ok ? 0 : Loaxa.USER_ERROR;
  }
}
