package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.devices.BoardSpec;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The station config and its speech section read from anything: a config whose zones and amplifier
 * stand on boards it declares, or every problem placed inside the file; never another exception,
 * and within a bounded time.
 */
class StationConfigFuzzTest {
  private static final String FILE = "station.yaml";
  private static final Duration BOUND = Duration.ofSeconds(10); // room for a loaded machine and instrumentation

  @FuzzTest(maxDuration = "2h")
  void anyStationConfigReadsToAConsistentStationOrPositionedProblems(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    try {
      StationConfig config = StationConfigReader.parse(text, FILE);
      Map<String, BoardSpec> boards = config.boards().stream().collect(Collectors.toMap(BoardSpec::key, Function.identity()));
      assertEquals(config.boards().size(), boards.size(), "board keys are distinct");
      assertEquals(config.zones().size(), new HashSet<>(config.zoneKeys()).size(), "zone keys are distinct");
      for (StationConfig.Zone z : config.zones()) {
        assertTrue(boards.containsKey(z.board()), "zone " + z.key() + " on a declared board");
        assertTrue(z.channel() >= 1 && z.channel() <= boards.get(z.board()).channels(), "zone channel on its board: " + z);
      }
      config.amplifier().ifPresent(a -> assertTrue(boards.containsKey(a.board()) && a.channel() >= 1
          && a.channel() <= boards.get(a.board()).channels() && !a.warmUp().isNegative(), "amplifier on its board: " + a));
    } catch (SourceException e) {
      wellPlaced(e.problems(), text);
    }
    inTime(start);
  }

  @FuzzTest(maxDuration = "2h")
  void anySpeechSectionReadsToSettingsInRangeOrPositionedProblems(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Node root;
    try {
      root = YamlDocuments.parse(text, FILE);
    } catch (SourceException e) {
      wellPlaced(e.problems(), text);
      return;
    }
    List<Problem> problems = new ArrayList<>();
    Optional<Node> block = root instanceof Node.Mapping m && m.get("speech").isPresent() ? m.get("speech") : Optional.of(root);
    SpeechConfig speech = SpeechConfigSection.read(block, new Fields(problems));
    assertTrue(List.of(SpeechConfig.ESPEAK, SpeechConfig.FREETTS, SpeechConfig.COMMAND).contains(speech.engine()), speech.engine());
    assertTrue(speech.settings().ratePercent() >= 30 && speech.settings().ratePercent() <= 300, speech.toString());
    assertTrue(speech.settings().pitchPercent() >= 0 && speech.settings().pitchPercent() <= 200, speech.toString());
    assertTrue(speech.settings().volumePercent() >= 0 && speech.settings().volumePercent() <= 200, speech.toString());
    assertTrue(!speech.engine().equals(SpeechConfig.COMMAND) || speech.command().isPresent(), "a command engine has its command");
    wellPlaced(problems, text);
    inTime(start);
  }

  private static void wellPlaced(List<Problem> problems, String text) {
    // YAML also breaks lines at a lone CR, NEL, LS and PS
    long lines = text.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029).count() + 2;
    for (Problem p : problems) {
      assertEquals(FILE, p.at().file());
      assertTrue(p.at().line() >= 1 && p.at().line() <= lines && p.at().column() >= 1, "inside the file: " + p);
      assertFalse(p.message().isBlank(), p.toString());
      for (String javaWord : List.of("Exception", "java.", "Error:", "\tat ")) {
        // the operator's own text quoted back may hold anything
        assertFalse(p.message().contains(javaWord) && !text.contains(javaWord), "Java's words: " + p);
      }
    }
  }

  private static void inTime(long start) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(BOUND) <= 0, "took " + took.toMillis() + " ms");
  }
}
