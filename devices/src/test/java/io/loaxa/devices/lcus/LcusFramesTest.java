package io.loaxa.devices.lcus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LcusFramesTest {
  private static String hex(byte[] frame) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame);
  }

  @Test
  void buildsTheDatasheetFrames() {
    assertEquals("A0 01 01 A2", hex(LcusFrames.command(1, true)));
    assertEquals("A0 01 00 A1", hex(LcusFrames.command(1, false)));
    assertEquals("A0 02 01 A3", hex(LcusFrames.command(2, true)));
  }

  @Test
  void theChecksumWrapsAroundAtTwoHundredFiftySix() {
    assertEquals("A0 60 01 01", hex(LcusFrames.command(0x60, true)));
  }

  @Test
  void refusesChannelZero() {
    assertThrows(IllegalArgumentException.class, () -> LcusFrames.command(0, true));
  }
}
