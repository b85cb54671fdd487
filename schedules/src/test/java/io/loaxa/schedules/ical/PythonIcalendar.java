package io.loaxa.schedules.ical;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's python3-icalendar and python3-dateutil as an independent reader of our iCalendar files.
 * Missing, the test is skipped on a developer machine and fails under CI=true, where ./run-tests
 * installs them.
 */
final class PythonIcalendar {
  private static final String PYTHON = "/usr/bin/python3";

  private PythonIcalendar() {}

  static void require() throws IOException, InterruptedException {
    boolean present = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import icalendar, dateutil")).exitCode == 0;
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("python3-icalendar and python3-dateutil are needed (./run-tests installs them)");
      }
      assumeTrue(false, "python3-icalendar / python3-dateutil not installed");
    }
  }

  /** The instances the Python libraries expand from {@code ics}, one "LOCAL-START\tSUMMARY" line each, sorted. */
  static List<String> expand(Path ics, String firstDay, String endDay) throws IOException, InterruptedException {
    Path script = Files.createTempFile("expand_ics", ".py");
    try {
      try (var in = PythonIcalendar.class.getResourceAsStream("expand_ics.py")) {
        Files.write(script, in.readAllBytes());
      }
      Result r = run(List.of(PYTHON, script.toString(), ics.toString(), firstDay, endDay));
      if (r.exitCode != 0) {
        fail("python3 could not read the calendar:\n" + r.output);
      }
      return r.output.isBlank() ? List.of() : List.of(r.output.strip().split("\n"));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("python3 did not finish: " + command);
    }
    return new Result(p.exitValue(), out);
  }
}
