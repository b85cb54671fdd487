package io.loaxa.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a program started by a test writes to a file, waited for (a process, never a schedule). */
public final class Written {
  private Written() {}

  /**
   * The first {@code count} whole lines of {@code file}, once a program has written them.
   *
   * @throws AssertionError when they are not there within 10 s
   */
  public static List<String> lines(Path file, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        List<String> lines = end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
        if (lines.size() >= count) {
          return lines.subList(0, count);
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(file + " did not get " + count + " lines within 10 s");
  }
}
