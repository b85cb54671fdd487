package io.loaxa.scheduler.approval;

import io.loaxa.scheduler.ContentApproval;
import io.loaxa.scheduler.ContentLibrary;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The station's approval rule over its content library: a file the library records as pending or
 * rejected may not air; a file the library does not record (put in the folder by hand, a chime)
 * may, as it did before approval existed.
 */
public final class ContentApprovals implements ContentApproval {
  private final Path folder;
  private final ContentLibrary library;

  public ContentApprovals(Path folder, ContentLibrary library) {
    this.folder = folder.toAbsolutePath().normalize();
    this.library = library;
  }

  /** The rule for a station: {@link ContentApproval#NONE} unless its config says {@code approval: on}. */
  public static ContentApproval of(boolean on, Path folder, ContentLibrary library) {
    return on ? new ContentApprovals(folder, library) : ContentApproval.NONE;
  }

  @Override
  public Optional<String> refusal(String path) {
    Path file = folder.resolve(path).normalize();
    if (!file.startsWith(folder)) {
      return Optional.empty();
    }
    String inside = folder.relativize(file).toString().replace('\\', '/');
    return library.find(inside).flatMap(item -> switch (item.approval()) {
      case APPROVED -> Optional.empty();
      case PENDING -> Optional.of("tệp '" + inside + "' đang chờ duyệt nên chưa được phát; nhờ người duyệt tin duyệt trước "
          + "(the file '" + inside + "' is waiting for approval and cannot air yet)");
      case REJECTED -> Optional.of("tệp '" + inside + "' đã bị từ chối" + item.reason().map(r -> ": " + r).orElse("")
          + " (the file '" + inside + "' was rejected and cannot air)");
    });
  }
}
