package io.loaxa.bench.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end and computes its wire limit right; its figures go to docs, not asserts. */
@Integration
class SwitchingBenchTest {
  @Test
  void theWireLimitCountsOneWriteAndOneReadWithTheirReplies() {
    assertEquals(8 + 8 + 8 + 6, SwitchingBench.wireBytes(1));
    assertEquals(10 + 8 + 8 + 6, SwitchingBench.wireBytes(8));
    assertEquals(11 + 8 + 8 + 7, SwitchingBench.wireBytes(16));
  }

  @Test
  void runsAgainstThePacedSlaveAndPrintsItsTable() throws Exception {
    Tools.require("socat");
    Tools.requirePython("pymodbus", "serial_asyncio");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<SwitchingBench.Row> rows = SwitchingBench.run(new PrintStream(text, true, StandardCharsets.UTF_8), 2);
    assertEquals(List.of(1, 8, 16), rows.stream().map(SwitchingBench.Row::zones).toList());
    for (SwitchingBench.Row row : rows) {
      assertEquals(2, row.frames(), "one write and one read-back, whatever the number of zones");
      assertTrue(row.medianMillis() >= row.wireMillis(), "a paced slave cannot beat the wire: " + row);
    }
    assertTrue(text.toString(StandardCharsets.UTF_8).contains("ratio"), text.toString(StandardCharsets.UTF_8));
  }
}
