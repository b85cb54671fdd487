package io.loaxa.scheduler;

import java.util.Optional;

/** What the operating system says about its clock's synchronisation (NTP, GPS, …). */
public interface TimeSync {
  /** A machine that cannot tell. */
  TimeSync UNKNOWN = Optional::empty;

  /** True when the system reports the clock synchronised; empty when it cannot tell. */
  Optional<Boolean> synchronised();
}
