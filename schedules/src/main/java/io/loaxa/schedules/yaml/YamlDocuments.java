package io.loaxa.schedules.yaml;

import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Reads one YAML document into a {@link Node} tree whose nodes carry file, line and column. */
public final class YamlDocuments {
  private static final int MAX_ALIASES = 50;

  private YamlDocuments() {}

  /**
   * Parses {@code text}; {@code file} names it in positions. An empty document is an empty mapping.
   *
   * @throws SourceException with the place of the first syntax error, a duplicate key, or an alias
   */
  public static Node parse(String text, String file) throws SourceException {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setAllowDuplicateKeys(true) // reported below with both places, clearer than the engine's message
        .setMaxAliasesForCollections(MAX_ALIASES)
        .build();
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, new StringReader(text))));
      Optional<org.snakeyaml.engine.v2.nodes.Node> root = composer.getSingleNode();
      if (root.isEmpty()) {
        return new Node.Mapping(new Position(file, 1, 1), Map.of());
      }
      List<Problem> problems = new ArrayList<>();
      Node tree = convert(root.get(), file, problems);
      if (!problems.isEmpty()) {
        throw new SourceException(problems);
      }
      return tree;
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(m -> position(file, m)).orElse(new Position(file, 1, 1));
      throw new SourceException(List.of(new Problem(at, "YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      throw new SourceException(List.of(new Problem(new Position(file, 1, 1), "YAML: " + e.getMessage())));
    }
  }

  private static Node convert(org.snakeyaml.engine.v2.nodes.Node node, String file, List<Problem> problems) {
    Position at = node.getStartMark().map(m -> position(file, m)).orElse(new Position(file, 1, 1));
    if (node instanceof ScalarNode scalar) {
      return new Node.Scalar(at, scalar.getValue(), scalar.getScalarStyle() == ScalarStyle.PLAIN);
    }
    if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      for (org.snakeyaml.engine.v2.nodes.Node item : sequence.getValue()) {
        items.add(convert(item, file, problems));
      }
      return new Node.Sequence(at, items);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = convert(tuple.getKeyNode(), file, problems);
      Node value = convert(tuple.getValueNode(), file, problems);
      if (!(key instanceof Node.Scalar keyScalar)) {
        problems.add(new Problem(key.at(), "a key must be a plain word, not " + key.kind()));
        continue;
      }
      Node.Entry previous = entries.get(keyScalar.text());
      if (previous != null) {
        problems.add(new Problem(key.at(), "duplicate key '" + keyScalar.text() + "' (first at line " + previous.keyAt().line() + ")"));
        continue;
      }
      entries.put(keyScalar.text(), new Node.Entry(key.at(), keyScalar.text(), value));
    }
    return new Node.Mapping(at, entries);
  }

  private static Position position(String file, Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
