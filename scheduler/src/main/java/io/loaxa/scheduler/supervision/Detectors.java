package io.loaxa.scheduler.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's detectors run on the supervision loop: each {@link Check} is asked when due what
 * is wrong now, by subject; a subject newly named is {@link Incidents#observed}, a subject no longer
 * named is {@link Incidents#resolved}. A check that throws is logged and asked again next time.
 */
public final class Detectors {
  private static final Logger LOG = LoggerFactory.getLogger(Detectors.class);

  /** One condition watched: a silent relay board, a missing sound card, a nearly full disk, … */
  public interface Check {
    IncidentKind kind();

    /** How often it is asked. */
    Duration every();

    /** What is wrong now: subject (a board key, a month, a folder) to detail in the operator's words; empty: all well. */
    Map<String, String> problems(Instant now);
  }

  private final Incidents incidents;
  private final List<Check> checks;
  private final Map<Check, Instant> due = new HashMap<>();
  private final Map<Check, Set<String>> seen = new HashMap<>();

  public Detectors(Incidents incidents, List<Check> checks) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.checks = List.copyOf(checks);
  }

  /** Asks every check that is due at {@code now}. Never throws. */
  public synchronized void check(Instant now) {
    for (Check c : checks) {
      Instant next = due.get(c);
      if (next != null && next.isAfter(now)) {
        continue;
      }
      due.put(c, now.plus(c.every()));
      Map<String, String> problems;
      try {
        problems = c.problems(now);
      } catch (RuntimeException e) {
        LOG.error("the {} check failed; asking again in {} s", c.kind().configName(), c.every().toSeconds(), e);
        continue;
      }
      Set<String> before = seen.getOrDefault(c, Set.of());
      for (Map.Entry<String, String> p : problems.entrySet()) {
        incidents.observed(c.kind(), p.getKey(), now, p.getValue());
      }
      List<String> gone = new ArrayList<>(before);
      gone.removeAll(problems.keySet());
      for (String subject : gone) {
        incidents.resolved(c.kind(), subject, now);
      }
      seen.put(c, new HashSet<>(problems.keySet()));
    }
  }
}
