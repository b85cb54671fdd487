package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files the officer asked for: the format named by {@code --format} or by the file's extension, and
 * written to a temporary file moved into place at the end, so a failed export never leaves half a
 * file where the last good one was.
 */
final class ReportFiles {
  private ReportFiles() {}

  /** What a file is written by: returns a count to report (rows), or 0. */
  interface Body {
    long write(OutputStream out) throws IOException;
  }

  /**
   * The format from {@code --format}, else from {@code out}'s extension when it is one of
   * {@code formats}, else {@code fallback}; a user error when empty or not one of {@code formats}.
   */
  static String format(Optional<String> option, Path out, List<String> formats, Optional<String> fallback) {
    if (option.isPresent()) {
      String f = option.get().trim().toLowerCase(Locale.ROOT);
      if (!formats.contains(f)) {
        throw new UserError("--format " + option.get() + ": expected " + String.join(", ", formats));
      }
      return f;
    }
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String f : formats) {
      if (name.endsWith("." + f)) {
        return f;
      }
    }
    return fallback.orElseThrow(() -> new UserError("--format is missing and " + out + " does not end in "
        + String.join(", ", formats.stream().map(f -> "." + f).toList()) + ": say which format"));
  }

  /**
   * Writes the file through {@code body}; the folder is made when missing.
   *
   * @throws UserError naming the path and why when it cannot be written
   */
  static long writeAtomically(Path out, Body body) throws IOException {
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new UserError("--out " + out + " là một thư mục: hãy cho tên tệp — " + out + " is a folder: give a file name");
    }
    Path tmp;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".loaxa-", ".tmp");
    } catch (IOException e) {
      throw WriteRefusal.of(out, e);
    }
    long count;
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        count = body.write(os);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw WriteRefusal.of(out, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return count;
  }
}
