package io.loaxa.hub;

import java.util.List;

/**
 * The way to tell stations which of their rows the hub's database has: after each commit, one
 * filed ack per station on its {@code loaxa/v1/hub/<id>/filed} topic (docs/hub-protocol.md,
 * "Filed"). A station forgets a row only once it is filed; one whose ack is lost sends it again.
 */
public interface FiledAcks {
  /** Sends nothing: for a hub without a broker, or a test of the database alone. */
  FiledAcks NONE = acks -> { };

  /** One station's ack of one commit: {@code body} is {@code {"v":1,"seqs":[…],"at":"…"}}. */
  record Ack(StationKey station, byte[] body) {}

  /**
   * Hands on one commit's acks; returns at once (they go on another thread) and never throws: one
   * that does not reach the broker is logged, and the station sends its rows again.
   */
  void send(List<Ack> acks);
}
