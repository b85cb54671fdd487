package io.loaxa.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A station as the hub last heard it: who it is, its hamlets, its latest health and when it spoke. */
public record StationStatus(StationKey station, String name, String commune, String version,
    List<StationMessage.Zone> zones, Instant firstSeen, Instant lastSeen, Optional<Boolean> online,
    Optional<Instant> onlineAt, Optional<Instant> healthAt, Optional<Boolean> boardsOk,
    Optional<Boolean> soundCardOk, Optional<Boolean> clockTrusted, Optional<Long> diskFreeMb,
    Optional<Integer> openIncidents) {}
