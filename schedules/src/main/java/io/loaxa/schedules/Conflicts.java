package io.loaxa.schedules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds planned airings that overlap on a zone at the same priority. Airings of different priorities
 * may overlap: the higher one pre-empts. One sweep in start order keeps the airings still on air and
 * compares zone sets as bit masks, so a year of a large commune's grid checks in milliseconds.
 */
public final class Conflicts {
  private Conflicts() {}

  /**
   * Every overlapping pair, in the order the later one starts.
   *
   * @param airings planned airings in any order
   * @param lengths how long each programme holds the air (see {@link Programme#plannedLength()})
   * @param stationZones every zone of the station, what {@code all} means
   */
  public static List<Conflict> find(List<PlannedAiring> airings, Function<ProgrammeKey, Duration> lengths, List<ZoneKey> stationZones) {
    List<PlannedAiring> sorted = airings;
    for (int i = 1; i < airings.size(); i++) {
      if (Expansion.IN_ORDER.compare(airings.get(i - 1), airings.get(i)) > 0) {
        sorted = new ArrayList<>(airings);
        sorted.sort(Expansion.IN_ORDER);
        break;
      }
    }
    Map<ZoneKey, Integer> index = new HashMap<>();
    List<ZoneKey> byIndex = new ArrayList<>();
    for (ZoneKey z : stationZones) {
      if (index.putIfAbsent(z, byIndex.size()) == null) {
        byIndex.add(z);
      }
    }
    Map<ZoneSelection, Boolean> indexed = new IdentityHashMap<>();
    for (PlannedAiring a : sorted) {
      if (indexed.put(a.zones(), Boolean.TRUE) == null) {
        for (ZoneKey z : a.zones().keys()) {
          if (index.putIfAbsent(z, byIndex.size()) == null) {
            byIndex.add(z);
          }
        }
      }
    }
    int words = Math.max(1, (byIndex.size() + 63) / 64);
    long[] allMask = new long[words];
    for (ZoneKey z : stationZones) {
      int i = index.get(z);
      allMask[i >>> 6] |= 1L << (i & 63);
    }
    Map<ZoneSelection, long[]> masks = new IdentityHashMap<>();
    Map<ProgrammeKey, Long> lengthMillis = new HashMap<>();
    ProgrammeKey lastProgramme = null;
    long lastLength = 0;

    int n = sorted.size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    long[][] zoneMasks = new long[n][];
    for (int i = 0; i < n; i++) {
      PlannedAiring a = sorted.get(i);
      starts[i] = a.startsAt().toEpochMilli();
      if (a.programme() != lastProgramme) {
        lastProgramme = a.programme();
        lastLength = lengthMillis.computeIfAbsent(lastProgramme, k -> lengths.apply(k).toMillis());
      }
      ends[i] = starts[i] + Math.max(1, lastLength);
      zoneMasks[i] = masks.computeIfAbsent(a.zones(), z -> {
        if (z.all()) {
          return allMask;
        }
        long[] m = new long[words];
        for (ZoneKey k : z.keys()) {
          int bit = index.get(k);
          m[bit >>> 6] |= 1L << (bit & 63);
        }
        return m;
      });
    }

    List<Conflict> conflicts = new ArrayList<>();
    int[] active = new int[16];
    int activeCount = 0;
    for (int i = 0; i < n; i++) {
      int kept = 0;
      for (int k = 0; k < activeCount; k++) {
        int j = active[k];
        if (ends[j] > starts[i]) {
          active[kept++] = j;
        }
      }
      activeCount = kept;
      PlannedAiring a = sorted.get(i);
      for (int k = 0; k < activeCount; k++) {
        int j = active[k];
        PlannedAiring b = sorted.get(j);
        if (b.priority() != a.priority()) {
          continue;
        }
        long[] mi = zoneMasks[i];
        long[] mj = zoneMasks[j];
        boolean overlap = false;
        for (int w = 0; w < words && !overlap; w++) {
          overlap = (mi[w] & mj[w]) != 0;
        }
        if (overlap) {
          conflicts.add(new Conflict(b, a, shared(mi, mj, byIndex)));
        }
      }
      if (activeCount == active.length) {
        active = java.util.Arrays.copyOf(active, active.length * 2);
      }
      active[activeCount++] = i;
    }
    return conflicts;
  }

  private static List<ZoneKey> shared(long[] a, long[] b, List<ZoneKey> byIndex) {
    List<ZoneKey> out = new ArrayList<>();
    for (int w = 0; w < a.length; w++) {
      long both = a[w] & b[w];
      while (both != 0) {
        int bit = Long.numberOfTrailingZeros(both);
        out.add(byIndex.get(w * 64 + bit));
        both &= both - 1;
      }
    }
    out.sort(null);
    return out;
  }
}
