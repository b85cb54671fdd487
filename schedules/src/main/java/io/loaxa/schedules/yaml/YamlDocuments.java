package io.loaxa.schedules.yaml;

import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.SourceLimits;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML document into a {@link Node} tree whose nodes carry file, line and column. A
 * document past one of {@link SourceLimits} (size, nesting, aliases, values, value length) is refused
 * with one positioned problem before it can exhaust the stack or memory.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /**
   * Parses {@code text}; {@code file} names it in positions. An empty document is an empty mapping.
   *
   * @throws SourceException with the place of the first syntax error, a duplicate key, or a limit passed
   */
  public static Node parse(String text, String file) throws SourceException {
    if (text.length() > SourceLimits.MAX_DOCUMENT_CHARS) {
      throw refused(at(text, SourceLimits.MAX_DOCUMENT_CHARS, file), Bilingual.of(
          String.format("tệp quá dài: hơn %,d ký tự; hãy chia thành nhiều tệp", SourceLimits.MAX_DOCUMENT_CHARS),
          String.format("the file is longer than %,d characters; split it", SourceLimits.MAX_DOCUMENT_CHARS)));
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setAllowDuplicateKeys(true) // reported below with both places, clearer than the engine's message
        .setMaxAliasesForCollections(SourceLimits.MAX_ALIASES + 1) // ours refuses first, with the place
        .setCodePointLimit(SourceLimits.MAX_DOCUMENT_CHARS + 1)
        .build();
    try {
      Parser parser = new Bounded(new ParserImpl(settings, new StreamReader(settings, new StringReader(text))), file);
      Optional<org.snakeyaml.engine.v2.nodes.Node> root = new Composer(settings, parser).getSingleNode();
      if (root.isEmpty()) {
        return new Node.Mapping(new Position(file, 1, 1), Map.of());
      }
      List<Problem> problems = new ArrayList<>();
      Node tree = new Converter(file, problems).convert(root.get(), 1);
      if (!problems.isEmpty()) {
        throw new SourceException(problems);
      }
      return tree;
    } catch (LimitPassed e) {
      throw new SourceException(List.of(e.problem));
    } catch (MarkedYamlEngineException e) {
      Position at = e.getProblemMark().map(m -> position(file, m)).orElse(new Position(file, 1, 1));
      throw new SourceException(List.of(new Problem(at, Bilingual.of("lỗi cú pháp YAML: " + e.getProblem(), "YAML: " + e.getProblem()))));
    } catch (YamlEngineException e) {
      throw new SourceException(List.of(new Problem(new Position(file, 1, 1),
          Bilingual.of("lỗi cú pháp YAML: " + e.getMessage(), "YAML: " + e.getMessage()))));
    }
  }

  private static String tooDeep() {
    return Bilingual.of("lồng quá sâu: quá " + SourceLimits.MAX_NESTING + " tầng danh sách/bảng trong nhau; hãy viết phẳng hơn",
        "nested deeper than " + SourceLimits.MAX_NESTING + " levels of lists and mappings; write it flatter");
  }

  /** Tree building past the limits: thrown through the engine's composer, caught in {@link #parse}. */
  private static final class LimitPassed extends RuntimeException {
    final transient Problem problem;

    LimitPassed(Position at, String message) {
      super(message, null, false, false);
      this.problem = new Problem(at, message);
    }
  }

  /** The engine's events, refused past the nesting, alias and value-length limits before the composer recurses into them. */
  private static final class Bounded implements Parser {
    private final Parser events;
    private final String file;
    private int depth;
    private int aliases;

    Bounded(Parser events, String file) {
      this.events = events;
      this.file = file;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return events.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return events.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return events.hasNext();
    }

    @Override
    public Event next() {
      Event e = events.next();
      if (e instanceof CollectionStartEvent) {
        if (++depth > SourceLimits.MAX_NESTING) {
          throw new LimitPassed(at(e), tooDeep());
        }
      } else if (e instanceof CollectionEndEvent) {
        depth--;
      } else if (e instanceof AliasEvent) {
        if (++aliases > SourceLimits.MAX_ALIASES) {
          throw new LimitPassed(at(e), Bilingual.of("quá nhiều bí danh (*tên): hơn " + SourceLimits.MAX_ALIASES
              + " lần; hãy viết giá trị ra", "more than " + SourceLimits.MAX_ALIASES + " aliases (*name); write the values out"));
        }
      } else if (e instanceof ScalarEvent s && s.getValue().length() > SourceLimits.MAX_VALUE_CHARS) {
        throw new LimitPassed(at(e), Bilingual.of(
            String.format("giá trị quá dài: %,d ký tự, tối đa %,d", s.getValue().length(), SourceLimits.MAX_VALUE_CHARS),
            String.format("a value of %,d characters; at most %,d", s.getValue().length(), SourceLimits.MAX_VALUE_CHARS)));
      }
      return e;
    }

    private Position at(Event e) {
      return e.getStartMark().map(m -> position(file, m)).orElse(new Position(file, 1, 1));
    }
  }

  /** The engine's node graph as our tree; aliases are expanded here, so depth and size are counted again. */
  private static final class Converter {
    private final String file;
    private final List<Problem> problems;
    private int values;

    Converter(String file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    Node convert(org.snakeyaml.engine.v2.nodes.Node node, int depth) {
      Position at = node.getStartMark().map(m -> position(file, m)).orElse(new Position(file, 1, 1));
      if (++values > SourceLimits.MAX_VALUES) {
        throw new LimitPassed(at, Bilingual.of(
            String.format("quá nhiều giá trị: hơn %,d (kể cả những gì bí danh lặp lại)", SourceLimits.MAX_VALUES),
            String.format("more than %,d values once aliases are expanded", SourceLimits.MAX_VALUES)));
      }
      if (node instanceof ScalarNode scalar) {
        return new Node.Scalar(at, scalar.getValue(), scalar.getScalarStyle() == ScalarStyle.PLAIN);
      }
      if (depth > SourceLimits.MAX_NESTING) {
        // an alias inside its own anchor, or aliases stacked on aliases
        throw new LimitPassed(at, tooDeep());
      }
      if (node instanceof SequenceNode sequence) {
        List<Node> items = new ArrayList<>();
        for (org.snakeyaml.engine.v2.nodes.Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new Node.Sequence(at, items);
      }
      MappingNode mapping = (MappingNode) node;
      Map<String, Node.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node key = convert(tuple.getKeyNode(), depth + 1);
        Node value = convert(tuple.getValueNode(), depth + 1);
        if (!(key instanceof Node.Scalar keyScalar)) {
          problems.add(new Problem(key.at(), Bilingual.of("khóa phải là một từ đơn giản, không phải " + (key instanceof Node.Sequence ? "một danh sách" : "một bảng"),
              "a key must be a plain word, not " + key.kind())));
          continue;
        }
        Node.Entry previous = entries.get(keyScalar.text());
        if (previous != null) {
          problems.add(new Problem(key.at(), Bilingual.of("khóa '" + keyScalar.text() + "' bị lặp (lần đầu ở dòng " + previous.keyAt().line() + ")",
              "duplicate key '" + keyScalar.text() + "' (first at line " + previous.keyAt().line() + ")")));
          continue;
        }
        entries.put(keyScalar.text(), new Node.Entry(key.at(), keyScalar.text(), value));
      }
      return new Node.Mapping(at, entries);
    }
  }

  private static SourceException refused(Position at, String message) {
    return new SourceException(List.of(new Problem(at, message)));
  }

  /** The line and column of character {@code offset} of {@code text}. */
  private static Position at(String text, int offset, String file) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(file, line, offset - lineStart + 1);
  }

  private static Position position(String file, Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
