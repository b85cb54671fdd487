package io.loaxa.scheduler.supervision;

import java.util.List;

/** One way of reaching the operator: SMS through the GSM modem, e-mail over SMTP. */
public interface AlertChannel {
  /** The channel's name in the config and in reports: {@code sms}, {@code email}. */
  String name();

  /**
   * Sends one alert to the given recipients (phone numbers, addresses).
   *
   * @return what the far end answered, for {@code loaxa alert test} and the log
   * @throws AlertException when the message did not go out
   */
  String send(List<String> recipients, String subject, String body) throws AlertException;
}
