package io.loaxa.audio.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident's start or end as the monitor saw it.
 *
 * @param at when it began (for a start: the first block of the stretch, not the moment it was
 *     recognised) or when it ended
 * @param detail plain words for the log, e.g. {@code monitor -72.0 dBFS while the programme plays at -18.3 dBFS}
 * @param evidence the last seconds heard, as a WAV file (starts only; empty if it could not be written)
 */
public record MonitorEvent(MonitorIncidentKind kind, boolean started, Instant at, String detail,
    Optional<Path> evidence) {
  public MonitorEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(evidence, "evidence");
  }
}
