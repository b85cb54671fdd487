package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon speaks systemd's notify protocol to a notify socket as systemd would provide it: a
 * Unix datagram socket served here by a small python3 peer that, like systemd, closes the barrier
 * descriptors systemd-notify sends so the tool returns.
 */
@Integration
class SystemdNotifyProtocolTest {
  private static final String PEER = String.join("\n",
      "import os, socket, sys, time",
      "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
      "s.bind(sys.argv[1])",
      "s.settimeout(0.5)",
      "end = time.time() + float(sys.argv[2])",
      "while time.time() < end:",
      "    try:",
      "        msg, fds, flags, addr = socket.recv_fds(s, 4096, 8)",
      "    except socket.timeout:",
      "        continue",
      "    for fd in fds:",
      "        os.close(fd)",
      "    print(msg.decode().replace('\\n', '|'), flush=True)",
      "");

  @TempDir
  Path dir;

  @Test
  void tellsSystemdItIsReadyAndFeedsTheWatchdogWhileTheSchedulerIsHealthy() throws Exception {
    Tools.require("python3", "systemd-notify");
    Path socket = dir.resolve("notify.sock");
    Path peerOut = dir.resolve("peer.out");
    Path script = dir.resolve("peer.py");
    Files.writeString(script, PEER);
    Process peer = new ProcessBuilder("python3", script.toString(), socket.toString(), "60")
        .redirectErrorStream(true).redirectOutput(peerOut.toFile()).start();
    Process daemon = null;
    try {
      for (int i = 0; i < 100 && !Files.exists(socket); i++) {
        Thread.sleep(50); // waiting for the peer's socket file
      }
      ProcessBuilder pb = LoaxaProcess.daemon(dir.resolve("daemon.log"), "--data", dir.resolve("data").toString());
      pb.environment().put("NOTIFY_SOCKET", socket.toString());
      pb.environment().put("WATCHDOG_USEC", "2000000");
      daemon = pb.start();
      long pid = daemon.pid();

      List<String> got = awaitLines(peerOut, 3, 30);
      assertTrue(got.stream().anyMatch(l -> l.contains("READY=1") && l.contains("STATUS=on air")), "ready: " + got);
      assertTrue(got.stream().anyMatch(l -> l.contains("MAINPID=" + pid)), "main pid: " + got);
      assertTrue(got.stream().filter(l -> l.contains("WATCHDOG=1")).count() >= 2, "watchdog pings: " + got);

      daemon.destroy();
      assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
      List<String> after = awaitLines(peerOut, 1, 5);
      assertTrue(after.stream().anyMatch(l -> l.contains("STOPPING=1")), "stopping: " + after);
    } finally {
      if (daemon != null) {
        daemon.destroyForcibly();
      }
      peer.destroyForcibly();
    }
  }

  private static List<String> awaitLines(Path file, int watchdogs, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      long pings = lines.stream().filter(l -> l.contains("WATCHDOG=1") || l.contains("STOPPING=1")).count();
      if (lines.stream().anyMatch(l -> l.contains("READY=1")) && pings >= watchdogs) {
        return lines;
      }
      Thread.sleep(100); // polling the peer's output
    }
    return lines;
  }
}
