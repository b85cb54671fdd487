package io.loaxa.devices.modbus;

/** CRC-16/MODBUS: initial value 0xFFFF, reflected polynomial 0xA001, sent low byte first. */
public final class Crc16 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  /** The CRC of {@code length} bytes from {@code offset}, as a 16-bit value. */
  public static int of(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
    }
    return crc;
  }

  /** A copy of the frame body with its CRC appended, low byte first. */
  public static byte[] append(byte[] body) {
    byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
    int crc = of(body, 0, body.length);
    frame[body.length] = (byte) crc;
    frame[body.length + 1] = (byte) (crc >>> 8);
    return frame;
  }

  /** True when the frame's last two bytes are the CRC of the bytes before them. */
  public static boolean matches(byte[] frame, int length) {
    if (length < 3) {
      return false;
    }
    int crc = of(frame, 0, length - 2);
    return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == (crc >>> 8);
  }
}
