package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.TimeSync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the station clock can be believed enough to fire airings. A Raspberry Pi has no real-time
 * clock: it may boot at 1970 or at the time it last shut down. The clock is trusted when the system
 * reports it synchronised, or, where it cannot tell, when it is not before the last run the airing
 * log recorded (so a clock that went back in time does not re-air or mis-log the past). Stations
 * that must never air on an unsynchronised clock set {@code requireSync}.
 */
public final class ClockTrust {
  /** A clock before this is wrong whatever else is known: this version of loaxa did not exist. */
  public static final Instant NOT_BEFORE = Instant.parse("2024-01-01T00:00:00Z");
  /** Small steps back (an NTP correction of a few seconds) are not a reason to stop airing. */
  static final Duration SLACK = Duration.ofMinutes(2);

  private final Supplier<Optional<Instant>> lastLogged;
  private final TimeSync sync;
  private final boolean requireSync;

  public ClockTrust(Supplier<Optional<Instant>> lastLogged, TimeSync sync, boolean requireSync) {
    this.lastLogged = lastLogged;
    this.sync = sync;
    this.requireSync = requireSync;
  }

  /** The verdict on {@code now}: empty when trusted, else why not, for the operator. */
  public Optional<String> distrust(Instant now) {
    Optional<Boolean> synced = sync.synchronised();
    if (synced.orElse(false)) {
      return Optional.empty();
    }
    if (requireSync) {
      return Optional.of("the system does not report its clock synchronised (requireSync is set)");
    }
    if (now.isBefore(NOT_BEFORE)) {
      return Optional.of("the clock reads " + now + ", before " + NOT_BEFORE + ": it has not been set since boot");
    }
    Optional<Instant> last = lastLogged.get();
    if (last.isPresent() && now.isBefore(last.get().minus(SLACK))) {
      return Optional.of("the clock reads " + now + ", before the last logged run at " + last.get()
          + ": waiting for time sync or a corrected clock");
    }
    return Optional.empty();
  }
}
