package io.loaxa.devices.kmtronic;

import io.loaxa.devices.DeviceException;
import java.util.HexFormat;

/**
 * KMtronic USB / RS-485 relay frames: {@code FF nn 01} relay nn on, {@code FF nn 00} off,
 * {@code FF nn 03} asks for its state. The state reply is taken to be {@code FF nn 00|01}; sources
 * do not confirm it, so anything else is rejected with the bytes shown rather than guessed at.
 */
public final class KmtronicFrames {
  /** A status reply: {@code FF nn 00|01}. */
  public static final int STATUS_LENGTH = 3;
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private KmtronicFrames() {}

  public static byte[] command(int relay, boolean on) {
    return new byte[] {(byte) 0xFF, (byte) checkRelay(relay), (byte) (on ? 0x01 : 0x00)};
  }

  public static byte[] statusRequest(int relay) {
    return new byte[] {(byte) 0xFF, (byte) checkRelay(relay), 0x03};
  }

  /** The relay's state from a three-byte status reply. */
  public static boolean status(int relay, byte[] reply, int length) throws DeviceException {
    if (length != STATUS_LENGTH || length > reply.length || (reply[0] & 0xFF) != 0xFF || (reply[1] & 0xFF) != relay || (reply[2] & 0xFF) > 1) {
      throw new DeviceException("relay " + relay + " status reply not understood: "
          + (length == 0 ? "(nothing)" : HEX.formatHex(reply, 0, length))
          + " (expected FF " + String.format("%02X", relay) + " 00|01; set readBack: false if this board answers otherwise)");
    }
    return reply[2] == 0x01;
  }

  private static int checkRelay(int relay) {
    if (relay < 1 || relay > 254) {
      throw new IllegalArgumentException("KMtronic relay out of range 1..254: " + relay);
    }
    return relay;
  }
}
