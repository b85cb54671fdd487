package io.loaxa.scheduler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Where a true fault's stack trace goes: {@code loaxa-faults.log} in the data folder (the system's
 * temporary folder when that cannot be written), so the terminal shows one line and the trace waits
 * for whoever maintains the station.
 */
final class FaultLog {
  static final String FILE = "loaxa-faults.log";

  private FaultLog() {}

  /** Appends {@code fault} with the command line; returns the file it went to, or empty when none could be written. */
  static Optional<Path> record(Throwable fault, Optional<CommandLine.ParseResult> parsed) {
    StringWriter trace = new StringWriter();
    try (PrintWriter w = new PrintWriter(trace)) {
      w.println(Instant.now() + " loaxa " + parsed.map(p -> String.join(" ", p.originalArgs())).orElse(""));
      fault.printStackTrace(w);
      w.println();
    }
    for (Path folder : List.of(dataFolder(parsed), Path.of(System.getProperty("java.io.tmpdir")))) {
      Path file = folder.resolve(FILE).toAbsolutePath();
      try {
        Files.createDirectories(folder);
        Files.writeString(file, trace.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Optional.of(file);
      } catch (IOException | RuntimeException e) {
        // try the next folder; the one-line message still reaches the terminal
      }
    }
    return Optional.empty();
  }

  /** The one line the operator sees. */
  static String line(Optional<Path> log) {
    return "loaxa: lỗi nội bộ, không phải do dữ liệu nhập — an internal fault, not a mistake in what you typed; "
        + log.map(f -> "chi tiết — details: " + f).orElse("chi tiết không ghi được — the details could not be written");
  }

  private static Path dataFolder(Optional<CommandLine.ParseResult> parsed) {
    for (CommandLine.ParseResult r = parsed.orElse(null); r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--data")) {
        List<String> values = r.matchedOption("--data").stringValues();
        if (!values.isEmpty()) {
          return Path.of(values.get(values.size() - 1));
        }
      }
    }
    String env = System.getenv("LOAXA_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "data");
  }
}
