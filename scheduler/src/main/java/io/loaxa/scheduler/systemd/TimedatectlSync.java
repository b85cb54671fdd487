package io.loaxa.scheduler.systemd;

import io.loaxa.scheduler.TimeSync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Asks systemd-timedated whether the clock is synchronised ({@code timedatectl show -p NTPSynchronized}). */
public final class TimedatectlSync implements TimeSync {
  @Override
  public Optional<Boolean> synchronised() {
    try {
      Process p = new ProcessBuilder("timedatectl", "show", "-p", "NTPSynchronized", "--value")
          .redirectError(java.lang.ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (p.exitValue() != 0) {
        return Optional.empty();
      }
      return out.equals("yes") ? Optional.of(true) : out.equals("no") ? Optional.of(false) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
