package io.loaxa.testkit;

import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * Real neighbours a test needs (parecord, socat, espeak-ng, python3 with pymodbus, …). Outside CI a
 * missing tool skips the test; under {@code CI=true} it fails it, so CI can never pass by skipping.
 */
public final class Tools {
  public static final String PYTHON = "/usr/bin/python3";

  private Tools() {}

  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips (or under CI fails) unless every command is on the path, or is an executable file when absolute. */
  public static void require(String... commands) {
    for (String command : commands) {
      boolean there = command.startsWith("/") ? new File(command).canExecute() : onPath(command);
      if (!there) {
        missing(command + " is not installed (./run-tests installs it)");
      }
    }
  }

  /** Skips (or under CI fails) unless system python can import these modules. */
  public static void requirePython(String... modules) {
    require(PYTHON);
    for (String module : modules) {
      try {
        Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          missing("python module " + module + " is not installed (./run-tests installs it)");
        }
      } catch (IOException e) {
        missing("cannot run " + PYTHON + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void missing(String message) {
    if (underCi()) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort(message);
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
