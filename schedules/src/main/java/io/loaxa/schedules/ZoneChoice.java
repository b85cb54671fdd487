package io.loaxa.schedules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The zones an airing rule names, as the operator wrote them: {@code all}, a zone group's key, or a
 * list of zone keys. Kept as written so an exported schedule reads like the imported one.
 */
public sealed interface ZoneChoice {

  /** Every zone of the station. */
  record All() implements ZoneChoice {
    @Override
    public String toString() {
      return "all";
    }
  }

  /** The zones of one zone group (cụm loa), by the group's key. */
  record Group(String key) implements ZoneChoice {
    public Group {
      Objects.requireNonNull(key, "key");
      if (!ZoneKey.isValid(key)) {
        throw new IllegalArgumentException("zone group key '" + key + "': use lower-case letters, digits, '-' or '_'");
      }
    }

    @Override
    public String toString() {
      return key;
    }
  }

  /** The listed zones, in key order. */
  record Listed(List<ZoneKey> keys) implements ZoneChoice {
    public Listed {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("an airing needs at least one zone, or 'all'");
      }
      keys = List.copyOf(new TreeSet<>(keys));
    }

    @Override
    public String toString() {
      return String.join(",", keys.stream().map(ZoneKey::value).toList());
    }
  }

  /**
   * The concrete selection: {@code all} stays {@code all}; a group becomes its zones.
   *
   * @throws IllegalArgumentException when the group is not in {@code groups}
   */
  default ZoneSelection resolve(Map<String, List<ZoneKey>> groups) {
    if (this instanceof All) {
      return ZoneSelection.everyZone();
    }
    if (this instanceof Group g) {
      List<ZoneKey> members = Optional.ofNullable(groups.get(g.key()))
          .orElseThrow(() -> new IllegalArgumentException("unknown zone group '" + g.key() + "'"));
      return ZoneSelection.of(members);
    }
    return ZoneSelection.of(((Listed) this).keys());
  }
}
