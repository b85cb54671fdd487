package io.loaxa.scheduler.supervision;

import java.time.Instant;
import java.util.List;

/**
 * Where incidents are kept: one row per incident, written when it starts, completed when it ends,
 * counting the alerts that went out for it. Store failures are unchecked ({@code StoreException}).
 */
public interface IncidentLog {
  void started(Incident incident);

  void ended(Incident incident);

  /** One alert about {@code incident} went out on {@code channel} to {@code recipient}. */
  void alerted(Incident incident, String channel, String recipient);

  /**
   * One try of an alert about {@code incident} on {@code channel} to {@code recipient} failed with
   * {@code reason} (the channel's words); {@code givenUp}: it is not tried again.
   */
  default void alertFailed(Incident incident, String channel, String recipient, String reason, boolean givenUp) {}

  /** The latest {@code limit} alert tries, sent or failed, newest first. */
  default List<AlertTry> lastAlerts(int limit) {
    return List.of();
  }

  /** What became of one try of an alert. */
  enum Delivery {
    SENT, FAILED, GIVEN_UP;

    /** As stored and as the API says it: {@code sent}, {@code failed}, {@code given-up}. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One try of an alert: when, about which incident, on which channel to whom, and what became of it.
   *
   * @param detail the channel's words when it failed; empty when sent
   */
  record AlertTry(Instant at, Incident incident, String channel, String recipient, Delivery delivery, String detail) {
    public AlertTry {
      java.util.Objects.requireNonNull(at, "at");
      java.util.Objects.requireNonNull(incident, "incident");
      java.util.Objects.requireNonNull(channel, "channel");
      java.util.Objects.requireNonNull(recipient, "recipient");
      java.util.Objects.requireNonNull(delivery, "delivery");
      java.util.Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Ends, at {@code at}, every incident the previous run of the station left open (it stopped or
   * crashed before their end was seen), with {@code note} added to their detail.
   *
   * @return how many were ended
   */
  int endLeftOpen(Instant at, String note);

  /** The incidents that started in {@code [from, to)}, oldest first. */
  List<LoggedIncident> between(Instant from, Instant to);

  /** An incident as kept, with the alerts sent about it ({@code sms:+8491…}, {@code email:a@b}). */
  record LoggedIncident(Incident incident, List<String> alertsSent) {
    public LoggedIncident {
      java.util.Objects.requireNonNull(incident, "incident");
      alertsSent = List.copyOf(alertsSent);
    }
  }

  IncidentLog NONE = new IncidentLog() {
    @Override
    public void started(Incident incident) {}

    @Override
    public void ended(Incident incident) {}

    @Override
    public void alerted(Incident incident, String channel, String recipient) {}

    @Override
    public int endLeftOpen(Instant at, String note) {
      return 0;
    }

    @Override
    public List<LoggedIncident> between(Instant from, Instant to) {
      return List.of();
    }
  };
}
