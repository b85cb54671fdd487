package io.loaxa.audio;

/** Asks a playing clip to stop early (pre-emption, cancel, shutdown). Thread-safe. */
public final class StopToken {
  private volatile boolean requested;
  private volatile String reason = "";

  public void request(String why) {
    reason = why;
    requested = true;
  }

  public boolean requested() {
    return requested;
  }

  public String reason() {
    return reason;
  }
}
