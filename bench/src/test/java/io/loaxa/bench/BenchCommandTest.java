package io.loaxa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./loaxa bench …} as the launcher hands it to the bench jar. */
@Integration
class BenchCommandTest {
  private record Result(int code, String out, String err) {}

  private static synchronized Result bench(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = BenchMain.execute(args);
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void helpListsEveryBenchmarkAndEachHasHelp() {
    Result help = bench("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("loaxa bench"), help.out());
    for (String b : List.of("start", "preempt", "relays", "schedule", "report", "speech", "rebroadcast", "api")) {
      assertTrue(help.out().contains("  " + b + " "), b + " listed in:\n" + help.out());
      assertEquals(0, bench(b, "--help").code(), b + " --help");
    }
  }

  @Test
  void aMistypedBenchmarkOrABadOptionIsAUserError() {
    Result r = bench("relais");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("relais"), r.err());
    Result rounds = bench("speech", "--rounds", "0");
    assertEquals(1, rounds.code());
    assertTrue(rounds.err().contains("--rounds must be at least 1"), rounds.err());
  }

  @Test
  void benchScheduleRunsAndPrintsItsFigures() {
    Result r = bench("schedule", "--zones", "8", "--rules", "20", "--rounds", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("expand + check"), r.out());
  }

  @Test
  void benchSpeechPrintsTheComparisonWithRawEspeak() {
    Tools.require("espeak-ng");
    Result r = bench("speech", "--rounds", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("ratio loaxa / raw, same spoken words"), r.out());
    assertTrue(r.out().contains("real-time factor"), r.out());
  }
}
