package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The planned airings the station will fire: the runtime truth Quartz triggers are rebuilt from. */
public interface PlannedAirings {
  /** Adds the airing; one with the same key is left as it is (planning twice never duplicates). */
  boolean add(PlannedAiring airing);

  Optional<PlannedAiring> find(PlannedAiringKey key);

  /** Planned airings starting in {@code [from, to)}, in start order. */
  List<PlannedAiring> between(Instant from, Instant to);

  /** Planned airings that started before {@code before} and have no run yet, oldest first. */
  List<PlannedAiring> withoutRunBefore(Instant before);

  /** Planned airings of the rule {@code ruleKey} (the key part before {@code @}) without a run yet, in start order. */
  List<PlannedAiring> withoutRunOfRule(String ruleKey);
}
