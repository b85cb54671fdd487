package io.loaxa.devices.kmtronic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.DeviceException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KmtronicFramesTest {
  private static String hex(byte[] frame) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame);
  }

  @Test
  void buildsTheDatasheetFrames() {
    assertEquals("FF 01 01", hex(KmtronicFrames.command(1, true)));
    assertEquals("FF 01 00", hex(KmtronicFrames.command(1, false)));
    assertEquals("FF 08 01", hex(KmtronicFrames.command(8, true)));
    assertEquals("FF 03 03", hex(KmtronicFrames.statusRequest(3)));
  }

  @Test
  void readsTheStatusReplyOfTheRelayAsked() throws DeviceException {
    assertTrue(KmtronicFrames.status(2, new byte[] {(byte) 0xFF, 2, 1}, 3));
    assertFalse(KmtronicFrames.status(2, new byte[] {(byte) 0xFF, 2, 0}, 3));
  }

  @Test
  void aStatusReplyOfAnotherShapeFailsLoudlyShowingTheBytes() {
    DeviceException e = assertThrows(DeviceException.class,
        () -> KmtronicFrames.status(2, new byte[] {0x01, 0x00, 0x00}, 3));
    assertTrue(e.getMessage().contains("01 00 00"), e.getMessage());
    assertThrows(DeviceException.class, () -> KmtronicFrames.status(2, new byte[] {(byte) 0xFF, 3, 1}, 3));
    assertThrows(DeviceException.class, () -> KmtronicFrames.status(2, new byte[] {(byte) 0xFF, 2}, 2));
  }
}
