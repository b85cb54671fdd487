package io.loaxa.schedules;

import java.util.Objects;

/**
 * A planned airing that breaks the station's airtime policy.
 *
 * @param kind which limit it breaks
 * @param reason what is wrong, in words for the operator
 */
public record PolicyViolation(PlannedAiring airing, Kind kind, String reason) {
  /** The three limits of an {@link AirtimePolicy}. */
  public enum Kind { QUIET_HOURS, WEEKEND, SESSION_LENGTH }

  public PolicyViolation {
    Objects.requireNonNull(airing, "airing");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
