package io.loaxa.scheduler.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schedule file as an editable tree: one programme, airing rule or override changed in place,
 * then written back as schedule file text for the same reader and checks as {@code schedule import}.
 * Every value is kept as the text the operator wrote (the reader gives it its meaning), so a round
 * trip changes nothing but the edited item. Each programme and airing is written on a line of its
 * own, so a problem's line names the item.
 */
final class ScheduleTree {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ScheduleTree() {}

  /** A schedule with nothing in it yet. */
  static ObjectNode empty() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("version", "1");
    doc.putArray("programmes");
    doc.putArray("airings");
    return doc;
  }

  /** The tree of a schedule file's text. */
  static ObjectNode read(String text, String file) throws SourceException {
    JsonNode tree = json(YamlDocuments.parse(text, file));
    if (!tree.isObject()) {
      throw new SourceException(List.of(new Problem(new Position(file, 1, 1), "a schedule is a mapping")));
    }
    return (ObjectNode) tree;
  }

  private static JsonNode json(Node node) {
    if (node instanceof Node.Mapping m) {
      ObjectNode out = JSON.createObjectNode();
      m.entries().forEach((k, e) -> out.set(k, json(e.value())));
      return out;
    }
    if (node instanceof Node.Sequence s) {
      ArrayNode out = JSON.createArrayNode();
      s.items().forEach(i -> out.add(json(i)));
      return out;
    }
    Node.Scalar scalar = (Node.Scalar) node;
    return scalar.isNull() ? JSON.nullNode() : JSON.getNodeFactory().textNode(scalar.text());
  }

  /** The schedule file text of {@code doc}: top-level keys on their own lines, each list item on one line. */
  static String yaml(ObjectNode doc) {
    StringBuilder out = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray() && !v.isEmpty()) {
        out.append(key(e.getKey())).append(":\n");
        for (JsonNode item : v) {
          out.append("  - ").append(flow(item)).append('\n');
        }
      } else {
        out.append(key(e.getKey())).append(": ").append(flow(v)).append('\n');
      }
    }
    return out.toString();
  }

  /** A value in YAML flow style; text always double-quoted (JSON's escapes are YAML's), so 05:30 stays text. */
  static String flow(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isObject()) {
      StringBuilder b = new StringBuilder("{ ");
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.append(first ? "" : ", ").append(key(e.getKey())).append(": ").append(flow(e.getValue()));
        first = false;
      }
      return b.append(first ? "}" : " }").toString();
    }
    if (v.isArray()) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < v.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(flow(v.get(i)));
      }
      return b.append(']').toString();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.asText();
    }
    return quoted(v.asText());
  }

  private static String key(String k) {
    return PLAIN_KEY.matcher(k).matches() ? k : quoted(k);
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The items of a list at the top ({@code programmes}, {@code airings}), made when missing. */
  static ArrayNode section(ObjectNode doc, String name) {
    JsonNode list = doc.get(name);
    if (list == null || !list.isArray()) {
      return doc.putArray(name);
    }
    return (ArrayNode) list;
  }

  /** The index of the item whose {@code key} is {@code key}; empty when there is none. */
  static Optional<Integer> find(ArrayNode section, String key) {
    for (int i = 0; i < section.size(); i++) {
      if (section.get(i).isObject() && key.equals(section.get(i).path("key").asText(null))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Which field each place in the file belongs to, as a path ({@code airings.sang.at},
   * {@code programmes.2.title}): a key's place and its value's place both name it.
   */
  static Map<String, String> fields(String text, String file) {
    Map<String, String> out = new HashMap<>();
    try {
      walk(YamlDocuments.parse(text, file), "", out);
    } catch (SourceException e) {
      // a file that does not parse has only the place of its syntax error, no fields
    }
    return out;
  }

  private static void walk(Node node, String path, Map<String, String> out) {
    if (node instanceof Node.Mapping m) {
      if (!path.isEmpty()) {
        out.putIfAbsent(place(m.at()), path);
      }
      for (Node.Entry e : m.entries().values()) {
        String p = path.isEmpty() ? e.key() : path + "." + e.key();
        out.put(place(e.keyAt()), p);
        walk(e.value(), p, out);
      }
    } else if (node instanceof Node.Sequence s) {
      out.putIfAbsent(place(s.at()), path);
      for (int i = 0; i < s.items().size(); i++) {
        Node item = s.items().get(i);
        String name = Integer.toString(i);
        if (item instanceof Node.Mapping m && m.get("key").orElse(null) instanceof Node.Scalar k && !k.text().isBlank()) {
          name = k.text();
        }
        walk(item, path + "." + name, out);
      }
    } else {
      out.putIfAbsent(place(node.at()), path);
    }
  }

  private static String place(Position p) {
    return p.line() + ":" + p.column();
  }

  /** The problems in the one error shape's list, each with the field at its place when there is one. */
  static List<Map<String, Object>> problems(List<Problem> problems, String text, String file) {
    return problems(problems, text, file, null);
  }

  /** The same, each message in the language the client asks for ({@code Accept-Language}); both halves without it. */
  static List<Map<String, Object>> problems(List<Problem> problems, String text, String file, String acceptLanguage) {
    Map<String, String> fields = fields(text, file);
    return problems.stream().map(p -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("error", JavalinApi.inLanguage(p.message(), acceptLanguage));
      one.put("field", fields.get(place(p.at())));
      one.put("line", p.at().line());
      one.put("column", p.at().column());
      one.put("warning", p.warning());
      if (!p.overlaps().isEmpty()) {
        one.put("overlaps", p.overlaps());
      }
      return one;
    }).toList();
  }
}
