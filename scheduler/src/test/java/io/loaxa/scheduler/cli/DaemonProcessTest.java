package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.testkit.Integration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real daemon in its own process: the demo station starts, takes commands, and stops safe. */
@Integration
class DaemonProcessTest {
  @TempDir
  Path dir;

  @Test
  void theDemoStationStartsTakesAnAirCommandAndStopsOnSigtermWithEveryRelayOff() throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = dir.resolve("data");
    Path log = dir.resolve("daemon.log");
    Process daemon = LoaxaProcess.daemon(log, "--data", data.toString()).start();
    DaemonOutput output = new DaemonOutput(log);
    try {
      waitFor(output, "ready in", 30);
      assertTrue(output.lines().stream().anyMatch(l -> l.contains("demo-loi-chao")), "it says what airs next: " + output.lines());
      assertTrue(ControlFile.running(data).isPresent(), "the control file names the running daemon");

      Path wav = dir.resolve("thong-bao.wav");
      Files.copy(getClass().getResourceAsStream("/io/loaxa/scheduler/demo/loi-chao.wav"), wav);
      int code = Loaxa.execute("air", "--file", wav.toString(), "--zones", "ap-1", "--data", data.toString());
      assertEquals(0, code);
      waitFor(output, "Phát ngay: thong-bao.wav", 5);
      assertTrue(output.lines().stream().anyMatch(l -> l.contains("Phát ngay: thong-bao.wav") && l.contains("outcome COMPLETED")),
          "the daemon aired it: " + output.lines());

      long t0 = System.nanoTime();
      daemon.destroy(); // SIGTERM, as systemd and Ctrl-C stop it
      assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "stopped within 10 s");
      long stopMillis = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(output.lines().stream().anyMatch(l -> l.contains("stopped; all relays off")), "all relays off: " + output.lines());
      assertTrue(stopMillis < 5_000, "stopped in " + stopMillis + " ms");
      assertTrue(ControlFile.running(data).isEmpty(), "the control file is gone");
    } finally {
      daemon.destroyForcibly();
    }
  }

  /** The daemon's stdout, as written to its log file. */
  private record DaemonOutput(Path file) {
    List<String> lines() throws IOException {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
  }

  private static void waitFor(DaemonOutput output, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (output.lines().stream().anyMatch(l -> l.contains(text))) {
        return;
      }
      Thread.sleep(50); // polling another process's output
    }
    throw new AssertionError("'" + text + "' not seen within " + seconds + " s in:\n" + String.join("\n", output.lines()));
  }
}
