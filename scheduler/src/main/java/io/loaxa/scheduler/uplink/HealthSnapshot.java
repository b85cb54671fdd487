package io.loaxa.scheduler.uplink;

import java.util.List;
import java.util.Objects;

/**
 * How the station's devices are now, as the hub is told (docs/hub-protocol.md, {@code health}).
 *
 * @param boards each relay board by its key, and why not when it is not answering
 * @param diskFreeMb free space in the data folder
 */
public record HealthSnapshot(List<Device> boards, Device soundCard, boolean clockTrusted, long diskFreeMb,
    int openIncidents) {
  /** One device: working, or what is wrong with it. */
  public record Device(String name, boolean ok, String detail) {
    public Device {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public HealthSnapshot {
    boards = List.copyOf(boards);
    Objects.requireNonNull(soundCard, "soundCard");
  }

  /** What a change of makes the station tell the hub at once: boards, sound card, clock trust. */
  boolean sameDevices(HealthSnapshot other) {
    return boards.equals(other.boards) && soundCard.ok() == other.soundCard.ok() && clockTrusted == other.clockTrusted;
  }
}
