package io.loaxa.scheduler;

/** The station database failed: disk full, file locked, corrupt. Unchecked: nothing sensible retries a broken disk inline. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
