package io.loaxa.scheduler.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Station wall-clock time as a count of seconds, for adding up a period's runs by day and hour:
 * the moment in epoch seconds plus the station's UTC offset at that moment. The offsets of the span
 * a report covers are worked out once from the zone's rules (its transitions, so a zone with summer
 * time is right on either side of the change); moments outside the span ask the rules each time.
 * Immutable.
 */
final class LocalSeconds {
  static final int DAY = 86_400;

  private final ZoneRules rules;
  private final long spanStart;
  private final long spanEnd;
  /** Epoch second from which {@link #offsets}{@code [i]} holds; ascending, the first is {@link #spanStart}. */
  private final long[] from;
  private final int[] offsets;

  /** The offsets of {@code zone} over {@code [start, end)}. */
  LocalSeconds(ZoneId zone, Instant start, Instant end) {
    this.rules = zone.getRules();
    this.spanStart = start.getEpochSecond();
    this.spanEnd = end.getEpochSecond();
    List<Long> starts = new ArrayList<>();
    List<Integer> offs = new ArrayList<>();
    starts.add(spanStart);
    offs.add(rules.getOffset(start).getTotalSeconds());
    ZoneOffsetTransition t = rules.nextTransition(start);
    while (t != null && t.getInstant().getEpochSecond() < spanEnd) {
      starts.add(t.getInstant().getEpochSecond());
      offs.add(t.getOffsetAfter().getTotalSeconds());
      t = rules.nextTransition(t.getInstant());
    }
    this.from = starts.stream().mapToLong(Long::longValue).toArray();
    this.offsets = offs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Seconds since 1970-01-01T00:00 on the station's wall clock at {@code epochSecond}. */
  long local(long epochSecond) {
    if (epochSecond < spanStart || epochSecond >= spanEnd) {
      return epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }
    int i = offsets.length - 1;
    while (epochSecond < from[i]) {
      i--;
    }
    return epochSecond + offsets[i];
  }

  /** The local day as {@link java.time.LocalDate#toEpochDay()} counts it. */
  static long epochDay(long localSeconds) {
    return Math.floorDiv(localSeconds, DAY);
  }

  /** Seconds since local midnight, 0..86399. */
  static int secondOfDay(long localSeconds) {
    return (int) Math.floorMod(localSeconds, DAY);
  }
}
