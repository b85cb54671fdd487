package io.loaxa.schedules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which hamlets an airing targets: every zone of the station, or a list of zone keys. */
public record ZoneSelection(boolean all, Set<ZoneKey> keys) {
  private static final String ALL = "all";

  public ZoneSelection {
    keys = Set.copyOf(new TreeSet<>(keys));
    if (all && !keys.isEmpty()) {
      throw new IllegalArgumentException("'all' takes no zone keys");
    }
    if (!all && keys.isEmpty()) {
      throw new IllegalArgumentException("an airing needs at least one zone, or 'all'");
    }
  }

  public static ZoneSelection everyZone() {
    return new ZoneSelection(true, Set.of());
  }

  public static ZoneSelection of(Collection<ZoneKey> keys) {
    return new ZoneSelection(false, Set.copyOf(keys));
  }

  /** Reads {@code all} or {@code ap-1,ap-2}; throws {@link IllegalArgumentException} naming the bad key. */
  public static ZoneSelection parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase(ALL)) {
      return everyZone();
    }
    List<ZoneKey> keys = new ArrayList<>();
    for (String part : trimmed.split(",")) {
      if (!part.isBlank()) {
        keys.add(new ZoneKey(part.trim()));
      }
    }
    return of(keys);
  }

  /** The zones this selection means at a station with the given zones, in key order. */
  public List<ZoneKey> resolve(Collection<ZoneKey> stationZones) {
    if (all) {
      return new ArrayList<>(new TreeSet<>(stationZones));
    }
    return new ArrayList<>(new TreeSet<>(keys));
  }

  /** The form {@link #parse} reads back. */
  @Override
  public String toString() {
    if (all) {
      return ALL;
    }
    return String.join(",", new TreeSet<>(keys).stream().map(ZoneKey::value).toList());
  }
}
