package io.loaxa.scheduler.supervision;

/** An alert that did not go out, with the channel's own words (a modem's {@code +CMS ERROR: 38}, an SMTP reply). */
public final class AlertException extends Exception {
  public AlertException(String message) {
    super(message);
  }

  public AlertException(String message, Throwable cause) {
    super(message, cause);
  }
}
