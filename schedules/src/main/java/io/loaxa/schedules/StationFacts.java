package io.loaxa.schedules;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a schedule needs to know of the station it runs at, taken from the station config and the
 * content library: its zones and zone groups, its time zone, its peak listening windows (where the
 * monthly CCHC programme airs), its airtime policy and the CCHC topics to rotate through.
 */
public record StationFacts(
    List<ZoneKey> zones,
    Map<String, List<ZoneKey>> zoneGroups,
    ZoneId timeZone,
    List<TimeWindow> peakWindows,
    AirtimePolicy policy,
    List<String> cchcTopics) {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  public StationFacts {
    zones = List.copyOf(zones);
    LinkedHashMap<String, List<ZoneKey>> groups = new LinkedHashMap<>();
    zoneGroups.forEach((k, v) -> groups.put(k, List.copyOf(v)));
    zoneGroups = java.util.Collections.unmodifiableMap(groups);
    Objects.requireNonNull(timeZone, "timeZone");
    peakWindows = List.copyOf(peakWindows);
    Objects.requireNonNull(policy, "policy");
    cchcTopics = List.copyOf(cchcTopics);
  }

  /** A station with these zones, no groups, no peak windows, no policy and no topics. */
  public static StationFacts of(ZoneId timeZone, List<ZoneKey> zones) {
    return new StationFacts(zones, Map.of(), timeZone, List.of(), AirtimePolicy.none(), List.of());
  }

  public StationFacts withZoneGroups(Map<String, List<ZoneKey>> groups) {
    return new StationFacts(zones, groups, timeZone, peakWindows, policy, cchcTopics);
  }

  public StationFacts withPeakWindows(List<TimeWindow> windows) {
    return new StationFacts(zones, zoneGroups, timeZone, windows, policy, cchcTopics);
  }

  public StationFacts withPolicy(AirtimePolicy p) {
    return new StationFacts(zones, zoneGroups, timeZone, peakWindows, p, cchcTopics);
  }

  public StationFacts withCchcTopics(List<String> topics) {
    return new StationFacts(zones, zoneGroups, timeZone, peakWindows, policy, topics);
  }

  /**
   * The built-in demo commune: four hamlets {@code ap-1..ap-4} (its schedule defines the zone
   * groups), Vietnam time, peak windows 05:30-06:30 and
   * 17:30-19:00, a policy of sessions up to 90 minutes and quiet hours 21:30-05:00, and six CCHC
   * topics.
   */
  public static StationFacts demo() {
    List<ZoneKey> zones = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"), new ZoneKey("ap-3"), new ZoneKey("ap-4"));
    return of(VIETNAM, zones)
        .withPeakWindows(List.of(TimeWindow.parse("05:30-06:30").orElseThrow(), TimeWindow.parse("17:30-19:00").orElseThrow()))
        .withPolicy(new AirtimePolicy(java.util.Optional.of(java.time.Duration.ofMinutes(90)), AirtimePolicy.DEFAULT_SESSION_BREAK,
            List.of(TimeWindow.parse("21:30-05:00").orElseThrow()), false))
        .withCchcTopics(List.of("tai-sao-cchc", "mot-cua-lien-thong", "dich-vu-cong-truc-tuyen", "de-an-06",
            "chuyen-doi-so", "chi-so-par-index"));
  }
}
