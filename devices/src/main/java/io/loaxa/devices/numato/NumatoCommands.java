package io.loaxa.devices.numato;

import io.loaxa.devices.DeviceException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Numato Lab USB relay commands: ASCII lines ended by {@code \r}. The module echoes each command and
 * ends every answer with a {@code >} prompt. Relays are numbered from 0 on the module ({@code 0-9},
 * then {@code A}, {@code B}, …): this is the one place where printed channel 1 becomes relay 0.
 */
public final class NumatoCommands {
  public static final char PROMPT = '>';

  private NumatoCommands() {}

  /** The module's name for printed channel {@code channel} (1 → {@code 0}, 11 → {@code A}). */
  public static String relayIndex(int channel) {
    if (channel < 1 || channel > 36) {
      throw new IllegalArgumentException("Numato channel out of range 1..36: " + channel);
    }
    int index = channel - 1;
    return index < 10 ? Integer.toString(index) : String.valueOf((char) ('A' + index - 10));
  }

  public static byte[] relayOn(int channel) {
    return line("relay on " + relayIndex(channel));
  }

  public static byte[] relayOff(int channel) {
    return line("relay off " + relayIndex(channel));
  }

  public static byte[] relayRead(int channel) {
    return line("relay read " + relayIndex(channel));
  }

  public static byte[] version() {
    return line("ver");
  }

  private static byte[] line(String command) {
    return (command + "\r").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The answer in what the module sent back before its prompt, without the echo of the command:
   * {@code "relay read 0\n\ron\n\r"} gives {@code "on"}.
   */
  public static String answer(byte[] command, String received) {
    String sent = new String(command, StandardCharsets.US_ASCII).trim();
    StringBuilder answer = new StringBuilder();
    for (String part : received.split("[\r\n]+")) {
      String p = part.trim();
      if (p.isEmpty() || p.equals(sent) || p.equals(String.valueOf(PROMPT))) {
        continue;
      }
      if (p.startsWith(sent)) {
        p = p.substring(sent.length()).trim();
      }
      if (!p.isEmpty()) {
        answer.append(answer.length() == 0 ? "" : " ").append(p);
      }
    }
    return answer.toString();
  }

  /** The relay state from the answer to {@code relay read}. */
  public static boolean relayState(int channel, String answer) throws DeviceException {
    return switch (answer.trim().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new DeviceException("relay " + relayIndex(channel) + " read answered '" + answer
          + "', expected on or off");
    };
  }
}
