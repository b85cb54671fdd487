package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A true fault shows the operator one line; the stack trace goes to the data folder's fault log. */
class FaultLogTest {
  @TempDir
  Path dir;

  @Test
  void theTraceGoesToTheDataFoldersFaultLogAndTheTerminalGetsOneLineNamingIt() throws Exception {
    CommandLine.ParseResult parsed = new CommandLine(new Loaxa()).parseArgs("doctor", "--data", dir.toString());
    Optional<Path> log = FaultLog.record(new IllegalStateException("board map out of step"), Optional.of(parsed));
    assertEquals(Optional.of(dir.resolve(FaultLog.FILE).toAbsolutePath()), log);
    String trace = Files.readString(log.get());
    assertTrue(trace.contains("loaxa doctor --data " + dir) && trace.contains("IllegalStateException: board map out of step")
        && trace.contains("\tat "), trace);
    String line = FaultLog.line(log);
    assertEquals(1, line.lines().count());
    assertTrue(line.contains(log.get().toString()) && line.startsWith("loaxa: lỗi nội bộ"), line);
    assertFalse(line.contains("Exception"), line);
  }
}
