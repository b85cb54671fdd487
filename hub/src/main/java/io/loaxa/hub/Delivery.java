package io.loaxa.hub;

/**
 * A message as the broker delivered it, not yet acknowledged: {@link #ack()} once it is committed to
 * the database (or dropped for good); until then the broker keeps it and sends it again.
 */
public record Delivery(String topic, byte[] body, Runnable ack) {}
