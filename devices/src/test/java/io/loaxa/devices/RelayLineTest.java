package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RelayLineTest {
  @Test
  void linesPrintAsTheOperatorKnowsThem() {
    assertEquals("ap-1", RelayLine.zone("ap-1").label());
    assertEquals("amplifier", RelayLine.AMPLIFIER.label());
    assertEquals("tu-chinh/CH7", new RelayLine.Spare("tu-chinh", new RelayChannel(7)).label());
    assertEquals("[ap-1, amplifier, tu-chinh/CH7]",
        List.of(RelayLine.zone("ap-1"), RelayLine.AMPLIFIER, new RelayLine.Spare("tu-chinh", new RelayChannel(7)))
            .toString());
  }

  @Test
  void aHamletCalledAmplifierIsNotTheAmplifier() {
    assertNotEquals(RelayLine.AMPLIFIER, RelayLine.zone("amplifier"));
    TreeSet<RelayLine> lines = new TreeSet<>(RelayLine.BY_LABEL);
    lines.add(RelayLine.zone("amplifier"));
    lines.add(RelayLine.AMPLIFIER);
    assertEquals(2, lines.size(), "listed side by side, neither hides the other");
  }

  @Test
  void aSpareRelayIsTheSameLineWhereverItIsNamedFrom() {
    assertEquals(new RelayLine.Spare("tu-phu", new RelayChannel(3)), new RelayLine.Spare("tu-phu", new RelayChannel(3)));
    assertNotEquals(new RelayLine.Spare("tu-phu", new RelayChannel(3)), new RelayLine.Spare("tu-chinh", new RelayChannel(3)));
  }
}
