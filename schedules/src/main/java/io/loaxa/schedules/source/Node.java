package io.loaxa.schedules.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node of a document tree: a mapping, a sequence or a scalar, each with its position. */
public sealed interface Node {
  Position at();

  /** What the node is, for messages: "a mapping", "a list", "a value". */
  String kind();

  /** A mapping of keys to nodes, in file order. */
  record Mapping(Position at, Map<String, Entry> entries) implements Node {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<Node> get(String key) {
      Entry e = entries.get(key);
      return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping: where the key itself stands and its value. */
  record Entry(Position keyAt, String key, Node value) {}

  /** A list of nodes. */
  record Sequence(Position at, List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar exactly as written. {@code plain} is true when it was not quoted: a plain {@code 05:30}
   * is text here, never the sexagesimal number YAML 1.1 would make of it.
   */
  record Scalar(Position at, String text, boolean plain) implements Node {
    public boolean isNull() {
      return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL"));
    }

    @Override
    public String kind() {
      return "a value";
    }
  }
}
