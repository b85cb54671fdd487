package io.loaxa.audio.stream;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The head of an upstream station's answer, read within bounds: a status line (HTTP/1.x or
 * Icecast/SHOUTcast's {@code ICY 200 OK}), at most {@link #MAX_LINES} header lines of at most
 * {@link #MAX_LINE} bytes each, and an {@code icy-metaint} of 1 byte to 1 MiB when the server
 * interleaves metadata. {@link #requireMp3} refuses an answer that is not a 200 with MP3 audio
 * (an error page, a web page, another codec), in one Vietnamese/English sentence naming the stream.
 *
 * @param status the status code
 * @param reason the status line's text after the code
 * @param headers header fields by lower-case name; a repeated field keeps its last value
 * @param metaint audio bytes between two metadata blocks, when the server sends them
 */
public record StreamHead(int status, String reason, Map<String, String> headers, OptionalInt metaint) {
  public static final int MAX_LINES = 100;
  public static final int MAX_LINE = 8 * 1024;
  public static final int MAX_METAINT = 1 << 20;

  /** Reads the head off {@code in}, leaving it at the first byte of the body. */
  public static StreamHead read(InputStream in, String name) throws AudioException, IOException {
    String statusLine = line(in, name);
    if (statusLine == null) {
      throw refusal("máy chủ luồng " + name + " đóng kết nối mà không trả lời",
          "the stream server " + name + " closed the connection without an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    boolean known = parts[0].startsWith("HTTP/1.") || parts[0].equals("ICY");
    if (!known || parts.length < 2 || !parts[1].matches("\\d{3}")) {
      throw refusal("máy chủ luồng " + name + " không trả lời bằng HTTP hay Icecast",
          "the stream server " + name + " does not answer in HTTP or Icecast");
    }
    int status = Integer.parseInt(parts[1]);
    String reason = parts.length > 2 ? parts[2].trim() : "";
    Map<String, String> headers = new LinkedHashMap<>();
    for (int lines = 0;; lines++) {
      String line = line(in, name);
      if (line == null) {
        throw refusal("máy chủ luồng " + name + " đóng kết nối giữa phần tiêu đề",
            "the stream server " + name + " closed the connection inside its headers");
      }
      if (line.isEmpty()) {
        break;
      }
      if (lines == MAX_LINES) {
        throw refusal("máy chủ luồng " + name + " gửi hơn " + MAX_LINES + " dòng tiêu đề",
            "the stream server " + name + " sent more than " + MAX_LINES + " header lines");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(0, colon).trim().isEmpty()) {
        throw refusal("máy chủ luồng " + name + " gửi một dòng tiêu đề không hợp lệ ở dòng " + (lines + 2),
            "the stream server " + name + " sent a malformed header at line " + (lines + 2));
      }
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return new StreamHead(status, reason, Map.copyOf(headers), metaint(headers.get("icy-metaint"), name));
  }

  private static OptionalInt metaint(String value, String name) throws AudioException {
    if (value == null) {
      return OptionalInt.empty();
    }
    long n;
    try {
      n = value.matches("\\d{1,10}") ? Long.parseLong(value) : -1;
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > MAX_METAINT) {
      throw refusal("máy chủ luồng " + name + " khai báo icy-metaint '" + printable(value)
              + "', ngoài khoảng 1 byte đến 1 MiB",
          "the stream server " + name + " declares icy-metaint '" + printable(value) + "', outside 1 byte to 1 MiB");
    }
    return OptionalInt.of((int) n);
  }

  /** Where a redirect points, when this answer is one. */
  public Optional<String> redirect() {
    boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirect ? Optional.ofNullable(headers.get("location")) : Optional.empty();
  }

  /** Refuses an answer that is not a 200 carrying MP3 audio. */
  public void requireMp3(String name) throws AudioException {
    if (status != 200) {
      String what = status + (reason.isEmpty() ? "" : " \"" + printable(reason) + "\"");
      throw refusal("máy chủ luồng " + name + " trả lời " + what + " thay vì gửi âm thanh",
          "the stream server " + name + " answered " + what + " instead of sending audio");
    }
    if (headers.containsKey("transfer-encoding")) {
      throw refusal("máy chủ luồng " + name + " gửi luồng theo từng khúc (Transfer-Encoding), không được hỗ trợ",
          "the stream server " + name + " sends the stream with a Transfer-Encoding, which is not supported");
    }
    String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
    boolean mp3 = type.isEmpty() || type.equals("audio/mpeg") || type.equals("audio/mp3") || type.equals("audio/mpeg3")
        || type.equals("audio/x-mpeg") || type.equals("audio/x-mp3") || type.equals("application/octet-stream");
    if (!mp3) {
      String shown = "\"" + printable(type) + "\"";
      String vi = type.startsWith("text/html") ? "một trang web (" + shown + ")" : shown;
      String en = type.startsWith("text/html") ? "a web page (" + shown + ")" : shown;
      throw refusal("luồng " + name + " là " + vi + ", không phải âm thanh MP3",
          "stream " + name + " is " + en + ", not MP3 audio");
    }
  }

  /** The head as a server writes it; reading it back gives the same head. */
  public byte[] format() {
    StringBuilder b = new StringBuilder("HTTP/1.0 ").append(status);
    if (!reason.isEmpty()) {
      b.append(' ').append(reason);
    }
    b.append("\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** One line ended by LF (a CR before it dropped), at most {@link #MAX_LINE} bytes; null at the end. */
  private static String line(InputStream in, String name) throws AudioException, IOException {
    byte[] buffer = new byte[256];
    int n = 0;
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null; // a line cut off by the end counts as no line: the head is incomplete
      }
      if (c == '\n') {
        return text(buffer, n > 0 && buffer[n - 1] == '\r' ? n - 1 : n);
      }
      if (n == MAX_LINE) {
        throw refusal("máy chủ luồng " + name + " gửi một dòng tiêu đề dài hơn " + AudioLimits.vi(MAX_LINE) + " byte",
            "the stream server " + name + " sent a header line longer than " + AudioLimits.en(MAX_LINE) + " bytes");
      }
      if (n == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.min(MAX_LINE, 2 * n));
      }
      buffer[n++] = (byte) c;
    }
  }

  private static String text(byte[] bytes, int n) {
    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** What the server sent, safe to show: control characters as '?', at most 60 characters. */
  static String printable(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < 60; i++) {
      char c = text.charAt(i);
      b.append(c >= 0x20 && c != 0x7F && c != '"' && c != '\'' ? c : '?');
    }
    return b.length() < text.length() ? b + "…" : b.toString();
  }

  private static AudioException refusal(String vietnamese, String english) {
    return AudioLimits.refusal(vietnamese, english);
  }
}
