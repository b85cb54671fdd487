package io.loaxa.scheduler.setup;

import io.loaxa.devices.BoardSpec;
import io.loaxa.scheduler.config.StationConfig;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the wizard asks, typed in at the terminal or read from an answers file.
 *
 * @param soundOutput {@code default} or the name of a sound output
 * @param testTone play the test tone to the output
 * @param lineTest switch each hamlet's line on for a moment, then off
 */
public record SetupAnswers(String stationName, ZoneId timeZone, String soundOutput, boolean testTone,
    List<BoardSpec> boards, Optional<StationConfig.Amplifier> amplifier, List<StationConfig.Zone> hamlets, boolean lineTest) {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  public SetupAnswers {
    Objects.requireNonNull(stationName, "stationName");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(soundOutput, "soundOutput");
    Objects.requireNonNull(amplifier, "amplifier");
    boards = List.copyOf(boards);
    hamlets = List.copyOf(hamlets);
  }
}
