package io.loaxa.schedules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits a station may set on its own airtime: the longest continuous session on a zone, quiet hours
 * (giờ nghỉ) when nothing airs, and no airing on Saturday and Sunday. {@link Priority#EMERGENCY}
 * airings are exempt from all three.
 *
 * @param maxSession the longest run of back-to-back airings on one zone; empty for no limit
 * @param sessionBreak the pause between two airings that ends a session
 */
public record AirtimePolicy(Optional<Duration> maxSession, Duration sessionBreak, List<TimeWindow> quietHours, boolean noWeekends) {
  /** Airings less than this apart count as one session. */
  public static final Duration DEFAULT_SESSION_BREAK = Duration.ofMinutes(15);

  public AirtimePolicy {
    Objects.requireNonNull(maxSession, "maxSession");
    Objects.requireNonNull(sessionBreak, "sessionBreak");
    quietHours = List.copyOf(quietHours);
  }

  public static AirtimePolicy none() {
    return new AirtimePolicy(Optional.empty(), DEFAULT_SESSION_BREAK, List.of(), false);
  }

  public boolean restrictsAnything() {
    return maxSession.isPresent() || !quietHours.isEmpty() || noWeekends;
  }
}
