package io.loaxa.schedules;

import java.util.List;
import java.util.Objects;

/**
 * Two planned airings that would hold the same zones at the same time at the same priority: neither
 * pre-empts the other, so one of them would wait or be lost.
 *
 * @param first the one that starts first (or has the lower key when both start together)
 * @param zones the zones both hold, in key order
 */
public record Conflict(PlannedAiring first, PlannedAiring second, List<ZoneKey> zones) {
  public Conflict {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    zones = List.copyOf(zones);
  }
}
