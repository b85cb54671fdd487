package io.loaxa.scheduler.supervision;

/**
 * An alert that did not go out, with the channel's own words (a modem's {@code +CMS ERROR: 38}, an
 * SMTP reply). A permanent one cannot go out by trying again (a locked SIM card, a certificate
 * refused): the dispatcher gives it up at once instead of retrying.
 */
public final class AlertException extends Exception {
  private final boolean permanent;

  public AlertException(String message) {
    this(message, null, false);
  }

  public AlertException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public AlertException(String message, Throwable cause, boolean permanent) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** Trying again cannot help until someone acts (and restarts the station). */
  public boolean permanent() {
    return permanent;
  }
}
