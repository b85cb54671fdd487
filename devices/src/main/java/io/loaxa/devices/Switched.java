package io.loaxa.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What one switching achieved, line by line: confirmed by read-back, commanded only, or failed. */
final class Switched {
  private final List<RelayLine> confirmed = new ArrayList<>();
  private final List<RelayLine> commanded = new ArrayList<>();
  private final SortedMap<RelayLine, String> failed = new TreeMap<>(RelayLine.BY_LABEL);

  void confirmed(RelayLine line) {
    confirmed.add(line);
  }

  void commanded(RelayLine line) {
    commanded.add(line);
  }

  void failed(RelayLine line, String reason) {
    failed.put(line, reason);
  }

  boolean failed(RelayLine line) {
    return failed.containsKey(line);
  }

  /** Why the line failed, if it did. */
  String reason(RelayLine line) {
    return failed.get(line);
  }

  SortedMap<RelayLine, String> failures() {
    return failed;
  }

  /** Lines that are (as far as can be known) switched, in label order. */
  List<RelayLine> switched() {
    return Stream.concat(confirmed.stream(), commanded.stream()).sorted(RelayLine.BY_LABEL).toList();
  }

  /** The result as the airing runner reads it, by zone key; zones no config names fail with their reason. */
  SwitchResult zoneResult(Map<String, String> unknownZones) {
    Map<String, String> failures = new TreeMap<>();
    failed.forEach((line, why) -> failures.put(line.label(), why));
    failures.putAll(unknownZones);
    return new SwitchResult(zoneKeys(confirmed), zoneKeys(commanded), failures);
  }

  private static List<String> zoneKeys(List<RelayLine> lines) {
    return lines.stream().map(RelayLine::label).toList();
  }
}
