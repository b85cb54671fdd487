package io.loaxa.devices.gsm;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How an alert's text becomes SMS text: pure functions, no I/O.
 *
 * <p>GSM 7-bit (the default): Vietnamese is written without diacritics ("Mất điện ở thôn Đông" →
 * "Mat dien o thon Dong"), every other character outside the part of the GSM 7-bit alphabet that
 * is also ASCII becomes {@code ?}; one SMS holds 160 characters. UCS-2 (diacritics kept): 70
 * characters of UTF-16 per SMS, sent as hex. A longer text is split into separate messages of at
 * most {@code maxParts}, each prefixed {@code (1/3) } (a text that fits goes as it is); what does
 * not fit in {@code maxParts} is cut and the last message ends with {@code ...}. Separate messages rather than a
 * concatenated SMS because text mode cannot carry the concatenation header on every modem.
 */
public final class SmsText {
  public static final int GSM7_LENGTH = 160;
  public static final int UCS2_LENGTH = 70;
  private static final String GSM7_SAFE =
      " !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\r";

  private SmsText() {}

  /** The text without Vietnamese diacritics and with only characters every modem sends in GSM 7-bit. */
  public static String gsm7(String text) {
    String plain = text.replace('đ', 'd').replace('Đ', 'D');
    plain = Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    StringBuilder out = new StringBuilder(plain.length());
    plain.codePoints().forEach(c -> {
      if (c == '@') {
        out.append("(a)");
      } else if (c == '$') {
        out.append("USD");
      } else if (c == '\t') {
        out.append(' ');
      } else if (c < 0x80 && GSM7_SAFE.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  /** Whether the text goes out in GSM 7-bit as it is, diacritics and all (pure ASCII-compatible GSM-7). */
  public static boolean isGsm7(String text) {
    return text.chars().allMatch(c -> c < 0x80 && GSM7_SAFE.indexOf(c) >= 0);
  }

  /** UTF-16 big-endian as upper-case hex: the form AT+CSCS="UCS2" wants for numbers and text. */
  public static String ucs2Hex(String text) {
    return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
  }

  /**
   * The messages the text becomes.
   *
   * @param ucs2 whether the text goes out as UCS-2 (70 a part) or GSM 7-bit (160 a part, already {@link #gsm7})
   */
  public static List<String> parts(String text, boolean ucs2, int maxParts) {
    if (maxParts < 1) {
      throw new IllegalArgumentException("maxParts must be at least 1: " + maxParts);
    }
    int size = ucs2 ? UCS2_LENGTH : GSM7_LENGTH;
    if (units(text) <= size) {
      return List.of(text);
    }
    List<String> chunks = new ArrayList<>();
    int total = maxParts;
    // the prefix "(i/n) " as long as it can get: 6 characters for n < 10, 8 for n < 100, …
    int body = size - ("(" + maxParts + "/" + maxParts + ") ").length();
    if (body < 10) {
      throw new IllegalArgumentException("maxParts too large for an SMS: " + maxParts);
    }
    String rest = text;
    while (!rest.isEmpty() && chunks.size() < maxParts) {
      int cut = cut(rest, body);
      chunks.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    if (!rest.isEmpty()) {
      String last = chunks.get(chunks.size() - 1);
      chunks.set(chunks.size() - 1, last.substring(0, cut(last, body - 3)) + "...");
    }
    total = chunks.size();
    List<String> out = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      out.add("(" + (i + 1) + "/" + total + ") " + chunks.get(i));
    }
    return out;
  }

  private static int units(String text) {
    return text.length(); // UTF-16 units: what UCS-2 counts; GSM-7 text here is ASCII, one unit each
  }

  /** Where to cut for at most {@code max} units: at the last space when there is one, never inside a surrogate pair. */
  private static int cut(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int at = max;
    if (Character.isLowSurrogate(text.charAt(at))) {
      at--;
    }
    // the space stays with the part before it, so it must lie before the cut
    int space = text.lastIndexOf(' ', at - 1);
    return space > max / 2 ? space + 1 : at;
  }
}
