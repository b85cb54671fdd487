package io.loaxa.hub;

import java.util.ArrayList;
import java.util.List;

/** The way to a station: a signed command envelope published on its command topic at QoS 1. */
public interface Outbound {
  /** Sends one envelope; true once the broker has it, false when the broker is away (tried again later). */
  boolean send(StationKey station, byte[] envelope);

  /** One envelope for one station. */
  record Envelope(StationKey station, byte[] body) {}

  /**
   * Sends envelopes to different stations at once (a station at most once in the list, so each
   * station still gets its commands in seq order) and waits for the broker's acknowledgements.
   * Returns, in the list's order, whether the broker has each. This default sends one after another.
   */
  default List<Boolean> sendAll(List<Envelope> envelopes) {
    List<Boolean> out = new ArrayList<>(envelopes.size());
    for (Envelope e : envelopes) {
      out.add(send(e.station(), e.body()));
    }
    return out;
  }
}
