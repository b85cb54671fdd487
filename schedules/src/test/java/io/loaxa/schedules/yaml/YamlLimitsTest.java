package io.loaxa.schedules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.SourceLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hostile YAML file costs the operator one positioned sentence, never the stack or the memory. */
class YamlLimitsTest {
  private static Problem refusal(String yaml) {
    SourceException e = assertThrows(SourceException.class,
        () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> YamlDocuments.parse(yaml, "bad.yaml")));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  private static String nested(int levels, String open, String close) {
    return open.repeat(levels) + "1" + close.repeat(levels);
  }

  @Test
  void sixtyFourLevelsOfListsStillRead() throws SourceException {
    Node root = YamlDocuments.parse("v: " + nested(SourceLimits.MAX_NESTING - 1, "[", "]"), "ok.yaml");
    assertTrue(root instanceof Node.Mapping);
  }

  @Test
  void aFileNestedDeeperThanSixtyFourLevelsIsRefusedWhereItGoesTooDeep() {
    Problem p = refusal("v: " + nested(SourceLimits.MAX_NESTING, "[", "]"));
    assertEquals("bad.yaml", p.at().file());
    assertEquals(1, p.at().line());
    assertEquals(4 + SourceLimits.MAX_NESTING - 1, p.at().column());
    assertTrue(p.message().contains("lồng quá sâu") && p.message().contains("64"), p.message());
  }

  @Test
  void aHundredThousandOpenBracketsEndAsARefusalNotAStackOverflow() {
    Problem p = refusal("[".repeat(100_000));
    assertTrue(p.message().contains("lồng quá sâu"), p.message());
    Problem q = refusal("{a: ".repeat(50_000));
    assertTrue(q.message().contains("lồng quá sâu"), q.message());
  }

  @Test
  void deeplyIndentedBlockMappingsAreRefusedToo() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    yaml.append(" ".repeat(200)).append("v\n");
    Problem p = refusal(yaml.toString());
    assertTrue(p.message().contains("lồng quá sâu"), p.message());
    assertEquals(SourceLimits.MAX_NESTING + 1, p.at().line()); // the 65th mapping starts there
  }

  @Test
  void anAnchorInsideItselfIsRefusedAsTooDeep() {
    Problem p = refusal("a: &x [1, *x]\n");
    assertTrue(p.message().contains("lồng quá sâu"), p.message());
  }

  @Test
  void fiftyAliasesReadAndTheFiftyFirstIsRefusedAtItsPlace() throws SourceException {
    String fifty = "a: &x 1\nb: [" + "*x, ".repeat(SourceLimits.MAX_ALIASES - 1) + "*x]\n";
    YamlDocuments.parse(fifty, "ok.yaml");
    Problem p = refusal("a: &x 1\nb: [" + "*x, ".repeat(SourceLimits.MAX_ALIASES) + "*x]\n");
    assertEquals(2, p.at().line());
    assertEquals(5 + 4 * SourceLimits.MAX_ALIASES, p.at().column());
    assertTrue(p.message().contains("bí danh") && p.message().contains("50"), p.message());
  }

  @Test
  void aBillionLaughsWithinTheAliasLimitIsStoppedByTheValueLimit() {
    // 6 levels of 8 aliases: 48 aliases, 8^6 = 262,144 values once expanded
    StringBuilder yaml = new StringBuilder("l0: &l0 [lol]\n");
    for (int i = 1; i <= 6; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(7))
          .append("*l").append(i - 1).append("]\n");
    }
    Problem p = refusal(yaml.toString());
    assertTrue(p.message().contains("quá nhiều giá trị") && p.message().contains("200,000"), p.message());
  }

  @Test
  void moreThanTwoHundredThousandWrittenValuesAreRefused() {
    Problem p = refusal("v: [" + "1,".repeat(SourceLimits.MAX_VALUES) + "1]");
    assertTrue(p.message().contains("quá nhiều giá trị"), p.message());
  }

  @Test
  void aValueOfMoreThanSixtyFiveThousandCharactersIsRefusedAtTheValue() throws SourceException {
    YamlDocuments.parse("a: 1\nb: " + "x".repeat(SourceLimits.MAX_VALUE_CHARS) + "\n", "ok.yaml");
    Problem p = refusal("a: 1\nb: \"" + "x".repeat(SourceLimits.MAX_VALUE_CHARS + 1) + "\"\n");
    assertEquals(List.of(2, 4), List.of(p.at().line(), p.at().column()));
    assertTrue(p.message().contains("giá trị quá dài") && p.message().contains("65,536"), p.message());
  }

  @Test
  void aDocumentOfMoreThanTwoMillionCharactersIsRefusedWhereItPassesTheLimit() {
    String line = "# " + "x".repeat(97) + "\n"; // 100 characters
    Problem p = refusal(line.repeat(SourceLimits.MAX_DOCUMENT_CHARS / 100 + 1));
    assertEquals(List.of(SourceLimits.MAX_DOCUMENT_CHARS / 100 + 1, 1), List.of(p.at().line(), p.at().column()));
    assertTrue(p.message().contains("tệp quá dài") && p.message().contains("2,000,000"), p.message());
  }

  @Test
  void aDocumentJustInsideTheSizeAndValueLimitsIsReadWithinSeconds() throws SourceException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 90_000; i++) {
      yaml.append(String.format("k%06d: vvvvvvvvvvv%n", i)); // 21 characters, 2 values
    }
    assertTrue(yaml.length() < SourceLimits.MAX_DOCUMENT_CHARS);
    long start = System.nanoTime();
    Node root = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> YamlDocuments.parse(yaml.toString(), "big.yaml"));
    assertEquals(90_000, ((Node.Mapping) root).entries().size());
    System.out.printf("YamlLimitsTest: %,d characters, %,d values read in %d ms%n", yaml.length(), 180_001,
        (System.nanoTime() - start) / 1_000_000);
  }
}
