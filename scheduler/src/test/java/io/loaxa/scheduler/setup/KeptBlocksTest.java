package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeptBlocksTest {
  @Test
  void carriesTheBlocksTheWizardDoesNotAskAboutAsTheyWereWritten() {
    String old = """
        station: { name: "Xã A" }
        speech:
          engine: espeak-ng   # the Pi has no other
          voice: vi-vn-x-south
        boards:
          - { key: b, driver: simulated }
        web: { listen: "0.0.0.0:8080" }
        zones: [ { key: ap-1, board: b, channel: 1 } ]
        """;
    KeptBlocks kept = KeptBlocks.from(old, "station.yaml");
    assertEquals(List.of("speech", "web"), kept.names());
    assertEquals("""
        speech:
          engine: espeak-ng   # the Pi has no other
          voice: vi-vn-x-south
        web: { listen: "0.0.0.0:8080" }
        """, kept.text());
  }

  @Test
  void nothingIsCarriedFromAFileThatIsNotAMapping() {
    assertEquals(KeptBlocks.NONE, KeptBlocks.from("- just\n- a list\n", "station.yaml"));
    assertEquals(KeptBlocks.NONE, KeptBlocks.from("station: [unclosed\n", "station.yaml"));
    assertEquals(KeptBlocks.NONE, KeptBlocks.from("{station: {name: a}, web: {listen: \"x:1\"}}\n", "station.yaml"));
  }
}
