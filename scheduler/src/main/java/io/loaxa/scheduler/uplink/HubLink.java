package io.loaxa.scheduler.uplink;

import java.util.function.Consumer;

/**
 * The station's connection to the province's MQTT broker: publishes QoS 1 and says when the
 * broker has a message, hands on the hub's commands, keeps reconnecting by itself. One per station;
 * thread-safe.
 */
public interface HubLink extends AutoCloseable {
  /**
   * Sends {@code body} to {@code topic} at QoS 1 and returns once the broker acknowledged it.
   *
   * @throws HubLinkException when the link is down or the broker did not acknowledge in time; the
   *     message may or may not have reached the broker
   */
  void publish(String topic, byte[] body, boolean retained) throws HubLinkException;

  /**
   * Starts connecting (in the background: this never waits for the broker) and keeps the link up.
   * Each message on the station's command topic goes to {@code commands} on the link's own thread;
   * the broker has it acknowledged once that returns. {@code connected} runs on every (re)connect.
   */
  default void start(Consumer<byte[]> commands, Runnable connected) {
    start(commands, filed -> { }, connected);
  }

  /**
   * As {@link #start(Consumer, Runnable)}, and each filed ack from the hub (the station's filed
   * topic) goes to {@code filed} on the link's own thread; one it throws on is lost (the rows go
   * again after the resend delay).
   */
  void start(Consumer<byte[]> commands, Consumer<byte[]> filed, Runnable connected);

  /** Whether the broker is reachable now, as far as the link knows. */
  boolean connected();

  /** Disconnects (the broker then publishes the station's will); idempotent, never throws. */
  @Override
  void close();

  /** The broker did not take a message: the link is down, the broker refused, or no ack in time. */
  final class HubLinkException extends Exception {
    public HubLinkException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
