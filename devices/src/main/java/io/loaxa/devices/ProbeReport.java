package io.loaxa.devices;

import java.util.Objects;
import java.util.Optional;

/**
 * What probing a relay board found out.
 *
 * @param answered the board replied to a read (false also for boards that never reply)
 * @param channelsFound how many channels the board admits to, where the protocol can tell
 * @param readBack whether switching can be confirmed by reading the relays back
 * @param detail one line for the installer: what was read, or why nothing was
 */
public record ProbeReport(String boardKey, boolean answered, Optional<Integer> channelsFound, boolean readBack, String detail) {
  public ProbeReport {
    Objects.requireNonNull(boardKey, "boardKey");
    Objects.requireNonNull(channelsFound, "channelsFound");
    Objects.requireNonNull(detail, "detail");
  }
}
