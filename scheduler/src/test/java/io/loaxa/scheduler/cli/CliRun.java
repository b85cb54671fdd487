package io.loaxa.scheduler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One {@code loaxa} command line run in this JVM, as an operator types it, with what it printed. */
record CliRun(int code, String out, String err) {

  /** Runs the command line with stdout and stderr captured; one at a time, as they are process-wide. */
  static synchronized CliRun loaxa(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Loaxa.execute(args);
      return new CliRun(code, o.toString(StandardCharsets.UTF_8), withoutFuzzerNotes(e.toString(StandardCharsets.UTF_8)));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /**
   * What the command wrote to stderr, less the fuzzing agent's notes on the classes it instruments
   * as they load (a fuzz test run earlier in this JVM installs it): the test's words, not loaxa's.
   */
  private static String withoutFuzzerNotes(String err) {
    return err.lines().filter(l -> !l.startsWith("INFO: Instrumented ")).map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining());
  }
}
