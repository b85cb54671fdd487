package io.loaxa.scheduler.supervision;

import java.util.ArrayList;
import java.util.List;

/** An alert channel that remembers every message; {@link #failNext} makes the next sends fail as a modem would. */
final class RecordingAlertChannel implements AlertChannel {
  record Sent(List<String> to, String subject, String body) {}

  private final String name;
  private final List<Sent> sent = new ArrayList<>();
  private int failures;
  private boolean broken;

  RecordingAlertChannel(String name) {
    this.name = name;
  }

  synchronized void failNext(int count) {
    failures = count;
  }

  /** Throws an unchecked exception on every send, as a defect in a channel would. */
  synchronized void broken(boolean on) {
    broken = on;
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized String send(List<String> recipients, String subject, String body) throws AlertException {
    if (broken) {
      throw new IllegalStateException("channel defect");
    }
    if (failures > 0) {
      failures--;
      throw new AlertException("+CMS ERROR: 38");
    }
    sent.add(new Sent(recipients, subject, body));
    return "+CMGS: " + sent.size();
  }
}
