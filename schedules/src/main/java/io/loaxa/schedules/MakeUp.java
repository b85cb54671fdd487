package io.loaxa.schedules;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner does about a month whose CCHC airing did not air: the make-up airing in one of
 * the month's remaining peak windows, or none when the month has no window left; the message says
 * which, for the operator and the airing log.
 */
public record MakeUp(String ruleKey, YearMonth month, Optional<PlannedAiring> airing, String message) {
  public MakeUp {
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(airing, "airing");
    Objects.requireNonNull(message, "message");
  }
}
