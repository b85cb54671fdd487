package io.loaxa.scheduler.report;

import io.loaxa.scheduler.config.StationConfig;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report needs to know about the station: its name, its time zone and its hamlets (thôn, ấp,
 * khu phố…) in the order the config lists them, with the names officers use.
 */
public record ReportStation(String name, ZoneId timeZone, List<Hamlet> hamlets) {
  /** A hamlet's speaker line: its zone key and its name. */
  public record Hamlet(String key, String name) {}

  // the words communes use for their hamlets, longest first so "khu phố" wins over "khu"
  private static final List<String> HAMLET_WORDS =
      List.of("tổ dân phố", "khu phố", "thôn", "ấp", "bản", "xóm", "khóm", "buôn", "làng", "khu", "tổ", "sóc", "plei");

  public ReportStation {
    hamlets = List.copyOf(hamlets);
  }

  public static ReportStation of(StationConfig config) {
    return new ReportStation(config.name(), config.timeZone(),
        config.zones().stream().map(z -> new Hamlet(z.key().value(), z.name())).toList());
  }

  /** Hamlet names by key, in config order. */
  public Map<String, String> namesByKey() {
    Map<String, String> names = new LinkedHashMap<>();
    hamlets.forEach(h -> names.put(h.key(), h.name()));
    return names;
  }

  /** The name for a zone key; the key itself for a zone no longer in the config. */
  public String hamletName(String key) {
    return hamlets.stream().filter(h -> h.key().equals(key)).map(Hamlet::name).findFirst().orElse(key);
  }

  /**
   * The word for "hamlet" this station uses, lower case ("ấp", "thôn", "khu phố"), when every hamlet
   * name starts with the same one; otherwise "thôn, ấp".
   */
  public String hamletWord() {
    Optional<String> common = Optional.empty();
    for (Hamlet h : hamlets) {
      String name = Normalizer.normalize(h.name(), Normalizer.Form.NFC).toLowerCase(new Locale("vi"));
      Optional<String> word = HAMLET_WORDS.stream().filter(w -> name.startsWith(w + " ")).findFirst();
      if (word.isEmpty() || (common.isPresent() && !common.get().equals(word.get()))) {
        return "thôn, ấp";
      }
      common = word;
    }
    return common.orElse("thôn, ấp");
  }
}
