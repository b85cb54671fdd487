package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file the operator asked for cannot be written where they said: the path and the reason in their
 * words (missing folder, a file in the way, no permission, disk full), never Java's exception.
 */
final class WriteRefusal {
  private WriteRefusal() {}

  /** The refusal for writing {@code out} that failed with {@code e}. */
  static UserError of(Path out, IOException e) {
    Path target = out.toAbsolutePath();
    Path blocking = firstFileOnTheWay(target.getParent());
    String why;
    if (blocking != null) {
      why = "không tạo được thư mục vì " + blocking + " là một tệp — " + blocking + " is a file, so no folder can be made there";
    } else if (e instanceof AccessDeniedException) {
      why = "không có quyền ghi vào " + target.getParent() + " — not allowed to write in " + target.getParent();
    } else if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      why = "không có thư mục " + target.getParent() + " — the folder " + target.getParent() + " does not exist";
    } else if (e instanceof FileAlreadyExistsException) {
      why = "đã có một thứ không phải tệp ở đó — something that is not a file is in the way";
    } else if (String.valueOf(e.getMessage()).contains("No space left")) {
      why = "đĩa đã đầy — the disk is full";
    } else {
      why = "hệ thống từ chối — the system refused";
    }
    return new UserError("không ghi được " + out + ": " + why + " — cannot write " + out, e);
  }

  /** The nearest ancestor of {@code folder} (or itself) that exists and is not a folder, or null. */
  private static Path firstFileOnTheWay(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }
}
