package io.loaxa.devices;

import java.time.Duration;
import java.util.HexFormat;

/**
 * Reads one reply of a relay board off the line within its bounds: the first byte within the
 * board's timeout, every later byte within the inter-byte gap (a reply that pauses longer has
 * ended, cut short), and never more than the reply can be: a board that keeps talking is refused
 * for the bytes it sent beyond, and the rest of its talk is let pass before the next frame. The
 * caller holds the line's monitor.
 *
 * @param maxBytes the longest reply the protocol allows
 * @param firstByte how long the board may think before it answers
 * @param interByteGap the longest silence inside one reply
 */
public record ReplyReader(int maxBytes, Duration firstByte, Duration interByteGap) {
  /**
   * USB adapters hand bytes on in batches up to 16 ms apart; a pause three times that long inside a
   * reply no board makes.
   */
  public static final Duration DEFAULT_INTER_BYTE_GAP = Duration.ofMillis(50);
  /** How much of a chattering board's extra talk is read away before giving up on quiet. */
  private static final int DRAIN_LIMIT = 4096;
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  public ReplyReader {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
  }

  /**
   * Reads until {@code wanted} bytes (at most {@link #maxBytes}) are in, or the board falls silent.
   *
   * @return the bytes that arrived: 0 when the board did not answer at all
   */
  public int read(SerialLine line, byte[] buffer, int wanted) throws DeviceException {
    int want = Math.min(Math.min(wanted, maxBytes), buffer.length);
    if (want == 0 || line.read(buffer, 0, 1, firstByte) == 0) {
      return 0;
    }
    int got = 1;
    while (got < want && line.read(buffer, got, 1, interByteGap) == 1) {
      got++;
    }
    return got;
  }

  /**
   * Reads until {@code stop} says the reply is whole, or the board falls silent.
   *
   * @return the bytes that arrived
   * @throws DeviceException when {@link #maxBytes} arrive and the reply is still not whole
   */
  public int readUntil(SerialLine line, byte[] buffer, java.util.function.IntPredicate stop, String board)
      throws DeviceException {
    if (line.read(buffer, 0, 1, firstByte) == 0) {
      return 0;
    }
    int got = 1;
    while (!stop.test(got)) {
      if (got == Math.min(maxBytes, buffer.length)) {
        drain(line);
        throw tooLong(board, line.port());
      }
      if (line.read(buffer, got, 1, interByteGap) == 0) {
        return got;
      }
      got++;
    }
    return got;
  }

  /**
   * After a whole reply: waits {@code quiet} for more; a board that sends more is refused (its extra
   * bytes are read away first, so the next frame starts on a quiet line).
   */
  public void expectQuiet(SerialLine line, String board, int replyLength, Duration quiet) throws DeviceException {
    byte[] one = new byte[1];
    if (line.read(one, 0, 1, quiet) == 0) {
      return;
    }
    int extra = 1 + drain(line);
    throw new DeviceException(board + " trên " + line.port() + " gửi thêm " + extra + (extra > DRAIN_LIMIT ? "+" : "")
        + " byte sau một trả lời dài " + replyLength + " byte (" + board + " on " + line.port() + " sent "
        + extra + (extra > DRAIN_LIMIT ? " or more" : "") + " bytes beyond a " + replyLength + "-byte reply: a second"
        + " master on the bus, a wrong driver or line noise)");
  }

  /** Reads away what the board still sends, within the gap; how many bytes that was. */
  public int drain(SerialLine line) throws DeviceException {
    byte[] junk = new byte[256];
    int total = 0;
    int n;
    while (total <= DRAIN_LIMIT && (n = line.read(junk, 0, junk.length, interByteGap)) > 0) {
      total += n;
    }
    return total;
  }

  /** The refusal for a reply that runs past {@link #maxBytes}. */
  public DeviceException tooLong(String board, String port) {
    return new DeviceException(board + " trên " + port + " trả lời dài hơn " + maxBytes + " byte cho phép (" + board
        + " on " + port + " sent a reply longer than the " + maxBytes + " bytes allowed)");
  }

  /** Bytes as the datasheets print them. */
  public static String hex(byte[] bytes, int length) {
    return length == 0 ? "(nothing)" : HEX.formatHex(bytes, 0, length);
  }
}
