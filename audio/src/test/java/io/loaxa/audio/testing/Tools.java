package io.loaxa.audio.testing;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Real neighbours a test needs (parecord, socat, espeak-ng, …). Outside CI a missing tool skips the
 * test; under {@code CI=true} it fails it, so CI can never pass by skipping.
 */
public final class Tools {
  private Tools() {}

  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public static void require(String... commands) {
    for (String command : commands) {
      if (!onPath(command)) {
        String message = command + " is not installed (the README's test command installs it)";
        if (underCi()) {
          throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
      }
    }
  }

  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
