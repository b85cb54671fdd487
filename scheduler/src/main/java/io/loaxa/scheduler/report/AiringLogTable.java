package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns airing log rows into {@link LogLine}s for one station and language: times in the station's
 * zone, categories and outcomes named, hamlets by name ("Tất cả 4 ấp" when a run went to every one).
 */
public final class AiringLogTable {
  private final ReportStation station;
  private final Language lang;
  private final Map<String, String> names;
  private final Set<String> allKeys;
  /** "Tất cả 20 ấp" / "all 20 zones": worked out once, a report names it on many rows. */
  private final String everyHamlet;

  public AiringLogTable(ReportStation station, Language lang) {
    this.station = station;
    this.lang = lang;
    this.names = station.namesByKey();
    this.allKeys = Set.copyOf(names.keySet());
    this.everyHamlet = lang.pick("Tất cả " + allKeys.size() + " " + station.hamletWord(),
        "all " + allKeys.size() + " zones");
  }

  public ReportStation station() {
    return station;
  }

  public Language language() {
    return lang;
  }

  public LogLine line(AiringRunRecord r) {
    return new LogLine(
        r.id(),
        local(r.plannedAt()),
        r.startedAt().map(this::local),
        r.endedAt().map(this::local),
        text(r.programme()),
        text(r.title()),
        Terms.category(r.category(), lang),
        Terms.priority(r.priority(), lang),
        Terms.trigger(r.trigger(), lang),
        zones(r.zonesRequested()),
        zones(r.zonesConfirmed()),
        zones(r.zonesUnconfirmed()),
        zones(r.zonesFailed()),
        r.startedAt().isEmpty() || r.outcome().equals(Optional.of(Outcome.INTERRUPTED))
            ? Optional.empty() : Optional.of(r.airtime()),
        Terms.outcome(r.outcome(), lang),
        text(r.reason()),
        r);
  }

  /** Local wall-clock time at the station, to the second. */
  public LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, station.timeZone()).withNano(0);
  }

  /** Hamlet names for zone keys; "Tất cả 4 ấp" / "all 4 zones" when the keys are every hamlet of the station. */
  public String zones(List<String> keys) {
    if (keys.isEmpty()) {
      return "";
    }
    if (allKeys.size() > 1 && keys.size() == allKeys.size() && allKeys.equals(new HashSet<>(keys))) {
      return everyHamlet;
    }
    return keys.stream().map(k -> names.getOrDefault(k, k)).collect(Collectors.joining(", "));
  }

  /** Text as Vietnamese fonts expect it: composed (NFC), whatever keyboard typed it. */
  public static String text(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
