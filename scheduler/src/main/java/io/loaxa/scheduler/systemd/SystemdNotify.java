package io.loaxa.scheduler.systemd;

import io.loaxa.scheduler.ServiceSupervisor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd about the daemon through {@code systemd-notify} (the unit sets
 * {@code NotifyAccess=all}; systemd-notify waits until systemd has read each message, so none is
 * lost to the helper process exiting first). Failures are logged once, never thrown: a station
 * keeps airing whatever its service manager thinks.
 */
public final class SystemdNotify implements ServiceSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdNotify.class);
  private static final long TIMEOUT_SECONDS = 10;
  private final String command;
  private final long pid = ProcessHandle.current().pid();
  private volatile boolean failing;

  SystemdNotify(String command) {
    this.command = command;
  }

  /** The notifier when systemd started this process ({@code NOTIFY_SOCKET} set), else empty. */
  public static Optional<ServiceSupervisor> fromEnvironment(Map<String, String> env) {
    String socket = env.get("NOTIFY_SOCKET");
    if (socket == null || socket.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new SystemdNotify("systemd-notify"));
  }

  /**
   * How often to ping the watchdog: half of {@code WATCHDOG_USEC} when systemd set it for this
   * process, else empty.
   */
  public static Optional<Duration> watchdogInterval(Map<String, String> env) {
    String usec = env.get("WATCHDOG_USEC");
    String forPid = env.get("WATCHDOG_PID");
    if (usec == null || (forPid != null && !forPid.equals(Long.toString(ProcessHandle.current().pid())))) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(usec.trim());
      return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000 / 2)) : Optional.empty();
    } catch (NumberFormatException e) {
      LOG.warn("WATCHDOG_USEC is not a number: {}", usec);
      return Optional.empty();
    }
  }

  @Override
  public void ready(String status) {
    send("--ready", "--status=" + status);
  }

  @Override
  public void status(String status) {
    send("--status=" + status);
  }

  @Override
  public void alive() {
    send("WATCHDOG=1");
  }

  @Override
  public void stopping() {
    send("STOPPING=1");
  }

  private void send(String... args) {
    List<String> cmd = new ArrayList<>(List.of(command, "--pid=" + pid));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("systemd-notify did not finish within " + TIMEOUT_SECONDS + " s");
      } else if (p.exitValue() != 0) {
        fail("systemd-notify " + String.join(" ", args) + " exited " + p.exitValue());
      } else if (failing) {
        failing = false;
        LOG.info("systemd notifications work again");
      }
    } catch (IOException e) {
      fail("cannot run systemd-notify: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail(String why) {
    if (!failing) {
      failing = true;
      LOG.warn("{}; systemd may not see this daemon's state", why);
    }
  }
}
