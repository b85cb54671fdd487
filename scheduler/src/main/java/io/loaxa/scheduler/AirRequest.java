package io.loaxa.scheduler;

import java.util.Optional;

/**
 * What an operator asked to air, as the command line or the control API received it: one of a
 * file, a programme, a rebroadcast or a text, to which zones, at what priority, when, and how often.
 *
 * @param text words to speak (thông báo), read by the station's speech
 * @param every repeat every this long ({@code 30m}); with {@code count} (airings in all) or
 *     {@code until} (a time of day today, or an ISO date-time); neither: until cancelled, at most
 *     {@code ManualAiring.REPEAT_AT_MOST} ahead
 */
public record AirRequest(Optional<String> file, Optional<String> programme, String zones, String priority,
    Optional<String> at, Optional<String> rebroadcast, Optional<String> length, Optional<String> text,
    Optional<String> every, Optional<String> count, Optional<String> until) {
  public AirRequest(Optional<String> file, Optional<String> programme, String zones, String priority,
      Optional<String> at, Optional<String> rebroadcast, Optional<String> length) {
    this(file, programme, zones, priority, at, rebroadcast, length, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public AirRequest(Optional<String> file, Optional<String> programme, String zones, String priority) {
    this(file, programme, zones, priority, Optional.empty());
  }

  public AirRequest(Optional<String> file, Optional<String> programme, String zones, String priority,
      Optional<String> at) {
    this(file, programme, zones, priority, at, Optional.empty(), Optional.empty());
  }
}
