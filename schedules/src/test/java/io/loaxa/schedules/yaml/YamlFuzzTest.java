package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Hostile;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.TextFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The reader every file a person writes goes through, fed anything: bytes are decoded or refused at
 * the bad byte, YAML is read into a positioned tree or refused with positioned problems, and every
 * value of the tree goes through each field spelling without anything but a problem coming out.
 */
class YamlFuzzTest {
  private static final String FILE = "fuzz.yaml";

  @FuzzTest(maxDuration = "2h")
  void anyBytesDecodeToTheSameTextOrAreRefusedAtTheirFirstBadByte(byte[] input) {
    long start = System.nanoTime();
    try {
      String text = TextFiles.decode(input, FILE);
      byte[] again = text.getBytes(StandardCharsets.UTF_8);
      boolean bom = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF;
      assertArrayEquals(bom ? Arrays.copyOfRange(input, 3, input.length) : input, again, "strict UTF-8 round trip");
    } catch (SourceException e) {
      Hostile.wellPlaced(e, FILE, new String(input, StandardCharsets.UTF_8));
      String message = e.problems().get(0).message();
      assertTrue(message.startsWith("không phải UTF-8 ở dòng ") || message.contains("UTF-16"), message);
    }
    Hostile.inTime(start, "decoding");
  }

  @FuzzTest(maxDuration = "2h")
  void anyTextIsReadAsAPositionedTreeOrRefusedWithPlacesInsideTheFile(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Node root;
    try {
      root = YamlDocuments.parse(text, FILE);
    } catch (SourceException e) {
      Hostile.wellPlaced(e, FILE, text);
      Hostile.inTime(start, "refusing");
      return;
    }
    List<Problem> problems = new ArrayList<>();
    readEveryValue(root, new Fields(problems), 0);
    for (Problem p : problems) {
      assertTrue(p.at().file().equals(FILE) && p.at().line() >= 1, p.toString());
    }
    if (!problems.isEmpty()) {
      Hostile.wellPlaced(new SourceException(problems), FILE, text);
    }
    Hostile.inTime(start, "reading");
  }

  /** Every spelling the field reader knows, tried on every node: each answers a value or a problem. */
  private static void readEveryValue(Node node, Fields fields, int depth) {
    assertTrue(depth <= 64, "a tree deeper than the limit came through");
    assertTrue(node.at().line() >= 1 && node.at().column() >= 1, node.at().toString());
    if (node instanceof Node.Mapping m) {
      fields.unknownKeys(m, Set.of("version", "key"), "fuzz");
      fields.required(m, "key", "fuzz");
      m.entries().values().forEach(e -> readEveryValue(e.value(), fields, depth + 1));
    } else if (node instanceof Node.Sequence s) {
      s.items().forEach(i -> readEveryValue(i, fields, depth + 1));
    } else if (node instanceof Node.Scalar s) {
      fields.text(s, "v");
      fields.bool(s, "v");
      fields.duration(s, "v", Fields.Zero.ALLOWED);
      fields.duration(s, "v", Fields.Zero.REFUSED);
      fields.localTime(s, "v");
      fields.localDate(s, "v");
      fields.integer(s, "v", 1, 247);
      fields.percent(s, "v", 0, 200);
      fields.oneOf(s, "v", List.of("north", "south"));
    }
    fields.items(node, "v");
    fields.mapping(node, "v");
  }
}
