package io.loaxa.devices.lcus;

/**
 * LCUS-1/2/4/8 USB relay frames (CH340, 9600 8N1): {@code A0 <channel> <01 on | 00 off> <sum>}, the
 * sum being the low byte of the first three. Channel numbers on the wire are the ones printed on the
 * board (1..8), so no offset applies.
 */
public final class LcusFrames {
  private LcusFrames() {}

  public static byte[] command(int channel, boolean on) {
    if (channel < 1 || channel > 255) {
      throw new IllegalArgumentException("LCUS channel out of range 1..255: " + channel);
    }
    int op = on ? 0x01 : 0x00;
    return new byte[] {(byte) 0xA0, (byte) channel, (byte) op, (byte) (0xA0 + channel + op)};
  }
}
