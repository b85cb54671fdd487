package io.loaxa.schedules;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence for the operator written "Vietnamese (English)", the form every screen of the station
 * uses: the API and the web pages cut the trailing "(…)" to show one half, the CLI prints both.
 * Parentheses inside the English half become square brackets, so the cut always takes it whole.
 */
public final class Bilingual {
  private static final Pattern FORM = Pattern.compile("(?s)(.*?)\\s*\\(([^()]*)\\)\\s*$");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final Pattern WITH_NOTE = Pattern.compile("(?s)(.+?) \\((.*)\\)");

  /** The Vietnamese for what a refusal is about, as the readers name it in English. */
  private static final Map<String, String> SUBJECTS = Map.ofEntries(
      Map.entry("a schedule", "lịch phát"),
      Map.entry("a programme", "chương trình"),
      Map.entry("a segment", "đoạn"),
      Map.entry("an airing", "buổi phát"),
      Map.entry("an airing (all, a zone group or a list of zones)", "buổi phát (all, một nhóm thôn hoặc danh sách thôn)"),
      Map.entry("an airing (a time such as \"06:00\")", "buổi phát (giờ phát, ví dụ \"06:00\")"),
      Map.entry("an override", "mục đổi lịch theo ngày"),
      Map.entry("a topic", "chủ đề"),
      Map.entry("a time", "giờ phát"),
      Map.entry("a weekday", "thứ"),
      Map.entry("a zone", "thôn"),
      Map.entry("a hamlet", "thôn"),
      Map.entry("a holiday", "ngày nghỉ"),
      Map.entry("a holiday date", "ngày nghỉ"),
      Map.entry("a board", "bo rơ-le"),
      Map.entry("board key", "khóa của bo rơ-le"),
      Map.entry("board driver", "trình điều khiển của bo rơ-le"),
      Map.entry("hamlet name", "tên thôn"),
      Map.entry("hamlet key", "khóa của thôn"),
      Map.entry("hamlet board", "bo rơ-le của thôn"),
      Map.entry("hamlet channel", "kênh của thôn"),
      Map.entry("the station config", "cấu hình đài"),
      Map.entry("the answers file", "tệp trả lời"),
      Map.entry("the hub file", "tệp cấu hình của hub"),
      Map.entry("the speech command", "lệnh đọc giọng nói"),
      Map.entry("the station config (name and timeZone)", "cấu hình đài (name và timeZone)"),
      Map.entry("the station config (at least one relay board; driver: simulated for a test bench)",
          "cấu hình đài (ít nhất một bo rơ-le; driver: simulated cho bàn thử)"),
      Map.entry("the station config (the hamlet lines: key, name, board, channel)",
          "cấu hình đài (các đường dây thôn: key, name, board, channel)"),
      Map.entry("the speech command (the program and its arguments as a list)",
          "lệnh đọc giọng nói (chương trình và các tham số của nó, viết thành danh sách)"),
      Map.entry("the speech command (at least one voice key)", "lệnh đọc giọng nói (ít nhất một khóa giọng đọc)"),
      Map.entry("alerts.sms (the modem's serial port, e.g. /dev/ttyUSB2)",
          "trường 'alerts.sms' (cổng nối tiếp của modem, ví dụ /dev/ttyUSB2)"),
      Map.entry("alerts.email (the SMTP server, e.g. smtp.example.vn)",
          "trường 'alerts.email' (máy chủ SMTP, ví dụ smtp.example.vn)"),
      Map.entry("alerts.email (the station's address, e.g. dai@example.vn)",
          "trường 'alerts.email' (địa chỉ của đài, ví dụ dai@example.vn)"),
      Map.entry("hub (this station's name at the hub, e.g. stationId: tan-hung)",
          "trường 'hub' (tên của đài này ở hub, ví dụ stationId: tan-hung)"),
      Map.entry("hub (the hub's public key, e.g. hubKey: /etc/loaxa/hub.pub)",
          "trường 'hub' (khóa công khai của hub, ví dụ hubKey: /etc/loaxa/hub.pub)"),
      Map.entry("hub (the broker's CA, e.g. caFile: /etc/loaxa/hub-ca.pem)",
          "trường 'hub' (CA của broker, ví dụ caFile: /etc/loaxa/hub-ca.pem)"),
      Map.entry("hub (the broker password's file, e.g. passwordFile: /etc/loaxa/hub.secret)",
          "trường 'hub' (tệp mật khẩu broker của đài, ví dụ passwordFile: /etc/loaxa/hub.secret)"));

  /** The same for a phrase that starts with one of these and names its field after it. */
  private static final Map<String, String> PREFIXES = Map.of("zone group ", "nhóm thôn ", "holiday ", "ngày nghỉ ",
      "board option ", "tùy chọn bo rơ-le ", "an item of ", "một mục của ", "a zone of ", "một thôn của ",
      "a recipient of ", "một người nhận của ", "a kind of ", "một loại của ");

  private Bilingual() {}

  /** {@code "vi (en)"}; brackets replace any parentheses of {@code en}. */
  public static String of(String vi, String en) {
    return vi + " (" + en.replace('(', '[').replace(')', ']') + ")";
  }

  /** The English half of a message written {@link #of}; the whole message when it has no such half. */
  public static String english(String message) {
    Matcher m = FORM.matcher(message);
    return m.matches() ? m.group(2) : message;
  }

  /** The Vietnamese half of a message written {@link #of}; the whole message when it has no such half. */
  public static String vietnamese(String message) {
    Matcher m = FORM.matcher(message);
    return m.matches() ? m.group(1) : message;
  }

  /**
   * The Vietnamese for what a refusal is about, given as the readers name it in English: a field
   * key stays as written ({@code trường 'lateTolerance'}), a known phrase is said in Vietnamese, a
   * note in parentheses is kept.
   */
  public static String subject(String what) {
    String known = SUBJECTS.get(what);
    if (known != null) {
      return known;
    }
    if (FIELD.matcher(what).matches()) {
      return "trường '" + what + "'";
    }
    for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
      if (what.startsWith(prefix.getKey())) {
        return prefix.getValue() + what.substring(prefix.getKey().length());
      }
    }
    Matcher note = WITH_NOTE.matcher(what);
    if (note.matches()) {
      Optional<String> head = Optional.ofNullable(SUBJECTS.get(note.group(1)))
          .or(() -> FIELD.matcher(note.group(1)).matches() ? Optional.of("trường '" + note.group(1) + "'") : Optional.empty());
      if (head.isPresent()) {
        return head.get() + " (" + note.group(2).replace("e.g. ", "ví dụ ") + ")";
      }
    }
    return what;
  }

  /**
   * The Vietnamese for a part of a file that holds keys ({@code content}, {@code a programme}): as
   * {@link #subject}, but a section named by its key is a {@code mục}, not a field.
   */
  public static String section(String what) {
    String s = subject(what);
    return s.startsWith("trường '") ? "mục '" + s.substring("trường '".length()) : s;
  }

  /** "a, b hoặc c": a list of choices as the Vietnamese half says it. */
  public static String choices(String english) {
    return english.replace(" or ", " hoặc ");
  }
}
