package io.loaxa.scheduler.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a test's file to {@code -Dloaxa.report.keep=DIR} when set, to look at it by eye. */
public final class ReportFilesKept {
  private ReportFilesKept() {}

  public static void keep(Path file) throws IOException {
    String dir = System.getProperty("loaxa.report.keep");
    if (dir != null && !dir.isBlank()) {
      Path target = Path.of(dir);
      Files.createDirectories(target);
      Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
