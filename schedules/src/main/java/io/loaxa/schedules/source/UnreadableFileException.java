package io.loaxa.schedules.source;

import java.io.IOException;

/**
 * A file a person named cannot be opened at all (missing, a folder, no permission); the message names
 * the path and says why in the operator's words, Vietnamese first, so callers show it as it is.
 */
public final class UnreadableFileException extends IOException {
  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
