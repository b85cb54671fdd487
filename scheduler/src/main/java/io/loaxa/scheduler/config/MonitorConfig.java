package io.loaxa.scheduler.config;

import io.loaxa.schedules.ZoneKey;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-air monitor (giám sát loa) as the {@code monitor:} block describes it.
 *
 * @param input the capture device wired to the amplifier's output tap: {@code default} or part of a
 *     Java Sound mixer name
 * @param zones the hamlet lines the tap hears; empty: all of them
 * @param silenceDbfs below this the monitor counts as silent
 * @param deadAir silence while the programme plays this long is dead air
 * @param outside audio while nothing airs this long is audio outside the schedule
 * @param reaction what the station does about audio outside the schedule
 * @param selfTestAt when the morning self-test runs each day (station time); empty: not at all
 */
public record MonitorConfig(String input, List<ZoneKey> zones, double silenceDbfs, Duration deadAir, Duration outside,
    Reaction reaction, Optional<LocalTime> selfTestAt) {
  /** What the station does about audio outside the schedule. */
  public enum Reaction {
    /** Tell the operator, switch nothing. */
    ALERT,
    /** Switch every line and the amplifier off and keep them off while it lasts (off is always safe). */
    OFF
  }

  public MonitorConfig {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(reaction, "reaction");
    Objects.requireNonNull(selfTestAt, "selfTestAt");
    zones = List.copyOf(zones);
  }
}
