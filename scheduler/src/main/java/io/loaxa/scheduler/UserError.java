package io.loaxa.scheduler;

/** The operator asked for something that cannot be done as asked; the message says what and where. Exit code 1. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
