package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Which relay boards in the cabinet have stopped answering, and since when. Each outage goes to the
 * station log once when it starts and once when it ends, however many switchings fail in between.
 */
final class BoardHealth {
  private final Clock clock;
  private final Logger log;
  private final Map<String, Outage> silent = new LinkedHashMap<>();

  private static final class Outage {
    final Instant since;
    String reason;

    Outage(Instant since, String reason) {
      this.since = since;
      this.reason = reason;
    }
  }

  BoardHealth(Clock clock, Logger log) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The board did not answer; the first time since it last answered starts an outage. */
  void silent(String boardKey, String reason) {
    Outage outage = silent.get(boardKey);
    if (outage != null) {
      outage.reason = reason;
      return;
    }
    silent.put(boardKey, new Outage(clock.instant(), reason));
    log.warn("board {} silent: {}; its lines are switched again when it answers", boardKey, reason);
  }

  /** The board answered; ends its outage if it had one. */
  void answered(String boardKey) {
    Outage outage = silent.remove(boardKey);
    if (outage != null) {
      log.info("board {} answers again after {} s silent", boardKey,
          Duration.between(outage.since, clock.instant()).toSeconds());
    }
  }

  /** Boards silent now, in the order they went silent. */
  List<String> silentBoards() {
    return List.copyOf(silent.keySet());
  }
}
