package io.loaxa.schedules;

import java.util.Objects;

/**
 * What makes a planned airing a follow-up: the rest (resume) or a new start (restart) of an airing
 * that a higher priority cut off, planned to air once the air is free. A follow-up keeps the rule
 * of the airing it follows, so its key is that rule and its own local start, and cancelling the
 * series cancels it too.
 *
 * @param of the planned airing that was cut off
 * @param programme the programme as scheduled, before any follow-up changed its segments
 * @param number how many follow-ups the scheduled airing has had, this one included (1 for the first)
 */
public record FollowUp(PlannedAiringKey of, Kind kind, ProgrammeKey programme, int number) {
  /** How a cut-off airing goes on. */
  public enum Kind {
    /** From the segment that was cut (a live segment for what is left of its length). */
    RESUME,
    /** All of it again, from the start. */
    RESTART;

    /** The word used in the follow-up programme's key and in the log. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public FollowUp {
    Objects.requireNonNull(of, "of");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(programme, "programme");
    if (number < 1) {
      throw new IllegalArgumentException("a follow-up is numbered from 1");
    }
  }

  /** The programme the follow-up airs: the scheduled one's key with the kind after a dot, e.g. {@code ban-tin.resume}. */
  public ProgrammeKey followUpProgramme() {
    String base = programme.value();
    String suffix = "." + kind.word();
    return new ProgrammeKey(base.length() > 72 ? base.substring(0, 72) + suffix : base + suffix);
  }
}
