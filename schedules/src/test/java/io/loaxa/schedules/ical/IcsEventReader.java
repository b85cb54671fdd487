package io.loaxa.schedules.ical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 5545 reader for tests: unfolds content lines, splits name, parameters and value, and
 * reads TEXT values back (escapes undone). Enough to read back what {@link IcsWriter} wrote.
 */
final class IcsEventReader {
  /** One VEVENT: each property's name to its parameters and value, the last one written. */
  record Event(Map<String, String> values, Map<String, String> parameters) {
    String text(String name) {
      return unescape(values.getOrDefault(name, ""));
    }
  }

  private IcsEventReader() {}

  /** The VEVENTs of {@code ics}. */
  static List<Event> events(String ics) {
    List<Event> events = new ArrayList<>();
    Map<String, String> values = null;
    Map<String, String> parameters = null;
    for (String line : ics.replace("\r\n ", "").split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = valueStart(line);
      String head = line.substring(0, colon);
      String value = line.substring(colon + 1);
      int semicolon = head.indexOf(';');
      String name = semicolon < 0 ? head : head.substring(0, semicolon);
      if (line.equals("BEGIN:VEVENT")) {
        values = new LinkedHashMap<>();
        parameters = new LinkedHashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(new Event(values, parameters));
        values = null;
      } else if (values != null) {
        values.put(name, value);
        parameters.put(name, semicolon < 0 ? "" : head.substring(semicolon + 1));
      }
    }
    return events;
  }

  /** The colon that ends the name and parameters: the first one outside a quoted parameter value. */
  private static int valueStart(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return i;
      }
    }
    throw new IllegalArgumentException("a content line without a value: " + line);
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
