package io.loaxa.scheduler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code loaxa run} as the operator's service starts it: a JVM of its own, on this test run's class path. */
final class LoaxaProcess {
  private LoaxaProcess() {}

  /** The daemon with {@code options} after {@code run}, both its output streams into {@code log}; not started yet. */
  static ProcessBuilder daemon(Path log, String... options) {
    return daemon(log, List.of(), options);
  }

  /** The daemon with {@code jvmOptions} for its JVM and {@code options} after {@code run}; not started yet. */
  static ProcessBuilder daemon(Path log, List<String> jvmOptions, String... options) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Loaxa.class.getName(), "run"));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
  }
}
