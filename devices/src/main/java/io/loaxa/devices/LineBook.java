package io.loaxa.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The book of the lines loaxa holds on: since when, until when at most, when each was last told so,
 * and the state loaxa last commanded to every line it has switched.
 */
final class LineBook {
  /** Lines loaxa has switched on (or failed to switch off). */
  private final Map<RelayLine, Held> on = new HashMap<>();
  /** The state loaxa last commanded for each line. */
  private final Map<RelayLine, Boolean> commanded = new HashMap<>();

  /** One line held on. */
  static final class Held {
    final Instant since;
    Instant deadline;
    Instant lastAsserted;
    /** Switching it off failed: the watchdog tries again. */
    boolean offPending;

    Held(Instant since, Instant deadline) {
      this.since = since;
      this.deadline = deadline;
      this.lastAsserted = since;
    }
  }

  /**
   * Writes down a switching: lines switched on are held until {@code maxOn} from now, lines switched
   * off leave the book, and lines that failed to go off stay in it, due at once, for the watchdog.
   */
  void record(Collection<RelayLine> lines, boolean wanted, Duration maxOn, Switched outcome, Instant now) {
    for (RelayLine line : lines) {
      commanded.put(line, wanted);
      if (wanted) {
        Held held = on.computeIfAbsent(line, k -> new Held(now, deadline(now, maxOn)));
        held.deadline = deadline(now, maxOn);
        held.lastAsserted = now;
        held.offPending = false;
      } else if (outcome.failed(line)) {
        Held held = on.computeIfAbsent(line, k -> new Held(now, now));
        held.deadline = now;
        held.offPending = true;
      } else {
        on.remove(line);
      }
    }
  }

  private static Instant deadline(Instant now, Duration maxOn) {
    return maxOn.compareTo(Duration.ofDays(365 * 100L)) >= 0 ? Instant.MAX : now.plus(maxOn);
  }

  /** The line was told its state again just now. */
  void asserted(RelayLine line, Instant now) {
    Held held = on.get(line);
    if (held != null) {
      held.lastAsserted = now;
    }
  }

  Set<RelayLine> linesOn() {
    return Set.copyOf(on.keySet());
  }

  boolean isHeld(RelayLine line) {
    return on.containsKey(line);
  }

  /** The lines held, in label order. */
  SortedMap<RelayLine, Held> held() {
    SortedMap<RelayLine, Held> held = new TreeMap<>(RelayLine.BY_LABEL);
    held.putAll(on);
    return held;
  }

  Optional<Boolean> commanded(RelayLine line) {
    return Optional.ofNullable(commanded.get(line));
  }

  /** Every line loaxa has switched, with the state it last commanded, in label order. */
  SortedMap<RelayLine, Boolean> commanded() {
    SortedMap<RelayLine, Boolean> all = new TreeMap<>(RelayLine.BY_LABEL);
    all.putAll(commanded);
    return all;
  }
}
