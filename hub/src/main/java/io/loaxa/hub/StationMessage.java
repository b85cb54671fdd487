package io.loaxa.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message a station published, decoded and checked: its topic and body agree, its fields are
 * there. What the hub files in its database, one transaction for many.
 */
public sealed interface StationMessage {
  StationKey station();

  /** The station's outbox row number; 0 for the retained online notice, which has none. */
  long outboxSeq();

  /** An airing run as the station logged it (its {@code AiringRunRecord}). */
  record Run(StationKey station, long outboxSeq, Instant sentAt, long runId, String plannedKey, String programme,
      String title, String category, String priority, String trigger, Instant plannedAt, Optional<Instant> startedAt,
      Optional<Instant> endedAt, List<String> zonesRequested, List<String> zonesConfirmed, List<String> zonesUnconfirmed,
      List<String> zonesFailed, String content, Optional<String> outcome, String reason, Optional<String> hubCommand)
      implements StationMessage {}

  /** A hamlet line of a station, as its health snapshot names it. */
  record Zone(String key, String name) {}

  /** A health snapshot; {@code body} is the JSON as received, kept for the history. */
  record Health(StationKey station, long outboxSeq, Instant sentAt, String name, String commune, String version,
      List<Zone> zones, boolean boardsOk, boolean soundCardOk, boolean clockTrusted, long diskFreeMb,
      int openIncidents, Instant at, String body) implements StationMessage {}

  /** What became of a hub command at the station. */
  record Ack(StationKey station, long outboxSeq, Instant sentAt, String command, long seq, CommandState state,
      Optional<Long> runId, Optional<String> outcome, String reason, Instant at) implements StationMessage {}

  /** The retained online notice, or the broker's will when the station vanished. */
  record Online(StationKey station, boolean online, Instant at) implements StationMessage {
    @Override
    public long outboxSeq() {
      return 0;
    }
  }
}
