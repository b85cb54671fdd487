package io.loaxa.devices;

import java.util.List;
import java.util.Map;

/**
 * What switching a set of zones achieved.
 *
 * @param confirmed zones the board reported in the wanted state
 * @param commanded zones commanded on a board that cannot report (no read-back): not confirmed
 * @param failed zones that could not be switched, with the reason
 */
public record SwitchResult(List<String> confirmed, List<String> commanded, Map<String, String> failed) {
  public SwitchResult {
    confirmed = List.copyOf(confirmed);
    commanded = List.copyOf(commanded);
    failed = Map.copyOf(failed);
  }

  /** Zones that are (as far as we can know) switched: confirmed plus commanded. */
  public List<String> switched() {
    return java.util.stream.Stream.concat(confirmed.stream(), commanded.stream()).sorted().toList();
  }
}
