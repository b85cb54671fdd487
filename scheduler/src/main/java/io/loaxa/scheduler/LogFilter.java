package io.loaxa.scheduler;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an officer narrows the airing log to: one category, one hamlet among the zones a run asked
 * for, and the outcomes wanted.
 *
 * @param category empty: every category
 * @param zone empty: every zone; otherwise the runs that requested this zone
 * @param outcomes empty: any run, on air or ended; otherwise only ended runs with one of these outcomes
 */
public record LogFilter(Optional<String> category, Optional<String> zone, Set<Outcome> outcomes) {
  /** Every run. */
  public static final LogFilter ALL = new LogFilter(Optional.empty(), Optional.empty(), Set.of());

  public LogFilter {
    outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
  }

  /** True when the run answers every part of the filter. */
  public boolean matches(AiringRunRecord r) {
    if (category.isPresent() && !category.get().equals(r.category())) {
      return false;
    }
    if (zone.isPresent() && !r.zonesRequested().contains(zone.get())) {
      return false;
    }
    return outcomes.isEmpty() || r.outcome().filter(outcomes::contains).isPresent();
  }
}
