package io.loaxa.schedules.ical;

import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.lunar.LunarDay;
import io.loaxa.schedules.lunar.NamedDay;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back what {@link IcsWriter} wrote for the rules RRULE cannot express: each VEVENT that
 * carries {@code X-LOAXA-RULE} with {@code X-LOAXA-LUNAR} ({@code 15/8}) or {@code X-LOAXA-ON}
 * ({@code tet}) gives its rule key, the rule itself and the starts the file lists (DTSTART and its
 * RDATEs), so an exported calendar restores the lunar rules and not only their next five years.
 */
public final class IcsReader {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private IcsReader() {}

  /**
   * A rule restored from the calendar.
   *
   * @param ruleKey the schedule's rule key
   * @param recurrence the lunar rule or named day, as the schedule writes it
   * @param starts the local starts listed in the file, in order
   */
  public record ListedRule(String ruleKey, Recurrence recurrence, List<LocalDateTime> starts) {
    public ListedRule {
      starts = starts.stream().sorted().toList();
    }
  }

  /**
   * The listed rules of {@code ics}, one per rule key (the starts of a rule's several times
   * together), in file order.
   *
   * @throws IllegalArgumentException naming the line of a rule text or date that does not read
   */
  public static List<ListedRule> listedRules(String ics) {
    Map<String, ListedRule> out = new LinkedHashMap<>();
    List<String> lines = unfolded(ics);
    Map<String, String> event = null;
    int eventLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals("BEGIN:VEVENT")) {
        event = new LinkedHashMap<>();
        eventLine = i + 1;
      } else if (line.equals("END:VEVENT") && event != null) {
        listed(event, eventLine).ifPresent(r -> out.merge(r.ruleKey(), r, (a, b) -> {
          List<LocalDateTime> all = new ArrayList<>(a.starts());
          all.addAll(b.starts());
          return new ListedRule(a.ruleKey(), a.recurrence(), all);
        }));
        event = null;
      } else if (event != null) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon);
          int semi = name.indexOf(';');
          // RDATE may come on several lines; their values add up
          event.merge(semi < 0 ? name : name.substring(0, semi), line.substring(colon + 1), (a, b) -> a + "," + b);
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static Optional<ListedRule> listed(Map<String, String> event, int line) {
    String key = event.get("X-LOAXA-RULE");
    if (key == null) {
      return Optional.empty();
    }
    Recurrence recurrence;
    if (event.containsKey("X-LOAXA-LUNAR")) {
      String text = unescaped(event.get("X-LOAXA-LUNAR"));
      recurrence = new Recurrence.Lunar(LunarDay.parse(text).orElseThrow(() -> new IllegalArgumentException(
          "VEVENT at line " + line + ": " + LunarDay.refusal(text).orElseThrow())));
    } else if (event.containsKey("X-LOAXA-ON")) {
      String text = unescaped(event.get("X-LOAXA-ON"));
      recurrence = new Recurrence.Named(NamedDay.fromConfigName(text).orElseThrow(() -> new IllegalArgumentException(
          "VEVENT at line " + line + ": X-LOAXA-ON '" + text + "' is not a named day")));
    } else {
      return Optional.empty();
    }
    List<LocalDateTime> starts = new ArrayList<>();
    for (String prop : List.of("DTSTART", "RDATE")) {
      String value = event.get(prop);
      if (value == null) {
        continue;
      }
      for (String v : value.split(",")) {
        try {
          starts.add(LocalDateTime.parse(v.strip(), LOCAL));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("VEVENT at line " + line + ": " + prop + " '" + v + "' is not a local date-time YYYYMMDDTHHMMSS", e);
        }
      }
    }
    return Optional.of(new ListedRule(unescaped(key), recurrence, starts));
  }

  private static List<String> unfolded(String ics) {
    List<String> out = new ArrayList<>();
    for (String raw : ics.split("\r?\n", -1)) {
      if ((raw.startsWith(" ") || raw.startsWith("\t")) && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + raw.substring(1));
      } else if (!raw.isEmpty()) {
        out.add(raw);
      }
    }
    return out;
  }

  private static String unescaped(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(++i);
        b.append(n == 'n' || n == 'N' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
