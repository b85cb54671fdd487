package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.Chromium.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Integration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The daemon's CPU with five "on air now" dashboards open and idle: a real {@code loaxa run} of the
 * built-in demo station in its own JVM (from this module's classes), five headless Chromium
 * sessions logged in on its on-air page, and the daemon's {@code utime + stime} from
 * {@code /proc/PID/stat} over {@code loaxa.bench.seconds} (default 60) once they are all live.
 * {@code -Dloaxa.bench.dashboards=0} measures the daemon with no page open, for the baseline.
 * Not part of the build's tests (its name is not {@code *Test}); run it with
 * {@code mvn -B -q -o -pl scheduler -am verify -Dtest=FiveDashboardsCpuBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Integration
class FiveDashboardsCpuBench {
  /** {@code loaxa.bench.dashboards}: how many (0 for the idle daemon alone, the baseline). */
  private static final int DASHBOARDS = Integer.getInteger("loaxa.bench.dashboards", 5);
  private static final long TICKS = 100; // USER_HZ on Linux

  @Test
  void fiveIdleDashboardsCostTheDaemonLittleCpu() throws Exception {
    long seconds = Long.getLong("loaxa.bench.seconds", 60);
    Path data = Files.createTempDirectory("loaxa-cpu-bench-");
    Path log = data.resolve("daemon.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    Process add = new ProcessBuilder(java, "-cp", classpath, "io.loaxa.scheduler.cli.Loaxa", "user", "add", "admin",
        "--role", "admin", "--password-stdin", "--data", data.toString()).redirectErrorStream(true).start();
    add.getOutputStream().write((Chromium.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    add.getOutputStream().close();
    assertTrue(add.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, add.exitValue(), new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    Process daemon = new ProcessBuilder(java, "-cp", classpath, "io.loaxa.scheduler.cli.Loaxa", "run", "--data",
        data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    List<Chromium> browsers = new ArrayList<>();
    try {
      await("the daemon ready", Duration.ofSeconds(90), () -> read(log).contains("ready in"));
      ControlFile control = ControlFile.running(data).orElseThrow();
      String base = "http://127.0.0.1:" + control.port();
      for (int i = 0; i < DASHBOARDS; i++) {
        Chromium c = Chromium.open();
        browsers.add(c);
        c.loggedOut(base);
        c.logIn(base, "admin");
        await("dashboard " + i + " live", Duration.ofSeconds(20), () -> !"—".equals(c.text("updated")));
      }
      Thread.sleep(5_000); // the logins' and first loads' work done
      long before = cpuTicks(daemon.pid());
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000);
      long ticks = cpuTicks(daemon.pid()) - before;
      double wall = (System.nanoTime() - start) / 1e9;
      double percent = 100.0 * ticks / TICKS / wall;
      for (Chromium c : browsers) {
        String updated = c.text("updated");
        assertTrue(!updated.equals("—"), "still live: " + updated);
      }
      System.out.printf("web UI: daemon CPU with %d on-air dashboards open for %.0f s: %.2f %% of a core (%d ticks)%n",
          DASHBOARDS, wall, percent, ticks);
    } finally {
      browsers.forEach(Chromium::close);
      daemon.destroy();
      daemon.waitFor(20, TimeUnit.SECONDS);
      Chromium.delete(data);
    }
  }

  /** utime + stime of the process, in clock ticks: fields 14 and 15 of /proc/PID/stat, after the command's parentheses. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
