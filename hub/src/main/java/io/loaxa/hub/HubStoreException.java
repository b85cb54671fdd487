package io.loaxa.hub;

/** The hub's database did not answer or refused; nothing of the operation was kept. */
public final class HubStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public HubStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
