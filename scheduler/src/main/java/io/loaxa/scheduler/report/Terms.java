package io.loaxa.scheduler.report;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words reports use for the log's codes: category keys (chuyên mục), outcomes, triggers and
 * priorities, in Vietnamese or English; and numbers and durations written the way each language
 * writes them (Vietnamese: 1.234 and 3,5).
 */
public final class Terms {
  /** The category the CCHC rule is about. */
  public static final String CCHC = "cchc";

  private static final Map<String, String[]> CATEGORIES = Map.ofEntries(
      Map.entry(CCHC, new String[] {"Cải cách hành chính", "Administrative reform"}),
      Map.entry("thoi-su", new String[] {"Thời sự", "News"}),
      Map.entry("thong-tin", new String[] {"Thông tin", "Information"}),
      Map.entry("pctt", new String[] {"Phòng chống thiên tai", "Disaster prevention"}),
      Map.entry("phap-luat", new String[] {"Pháp luật", "Law"}),
      Map.entry("thu-nghiem", new String[] {"Thử nghiệm", "Test"}),
      Map.entry("chuyen-doi-so", new String[] {"Chuyển đổi số", "Digital transformation"}),
      Map.entry("y-te", new String[] {"Y tế", "Health"}),
      Map.entry("van-hoa", new String[] {"Văn hóa", "Culture"}),
      Map.entry("nong-nghiep", new String[] {"Nông nghiệp", "Agriculture"}),
      Map.entry("an-ninh", new String[] {"An ninh trật tự", "Public order"}),
      Map.entry("pccc", new String[] {"Phòng cháy chữa cháy", "Fire prevention"}),
      Map.entry("khan-cap", new String[] {"Khẩn cấp", "Emergency"}));

  private Terms() {}

  /** The categories reports know by name, CCHC first, then by key. */
  public static List<String> categoryKeys() {
    List<String> keys = new ArrayList<>(CATEGORIES.keySet());
    keys.sort(java.util.Comparator.comparing((String k) -> !isCchc(k)).thenComparing(k -> k));
    return List.copyOf(keys);
  }

  /** The category's name as a heading ("Cải cách hành chính"); an unknown key as it is. */
  public static String category(String key, Language lang) {
    if (key == null || key.isBlank()) {
      return lang.pick("(không rõ)", "(unknown)");
    }
    String[] names = CATEGORIES.get(key);
    return names == null ? key : lang.pick(names[0], names[1]);
  }

  /** The category's name inside a sentence: lower case for known categories ("cải cách hành chính"). */
  public static String categoryInSentence(String key, Language lang) {
    String name = category(key, lang);
    if (!CATEGORIES.containsKey(key)) {
      return name;
    }
    Locale locale = lang == Language.VI ? new Locale("vi") : Locale.ENGLISH;
    return name.substring(0, 1).toLowerCase(locale) + name.substring(1);
  }

  public static boolean isCchc(String category) {
    return CCHC.equals(category);
  }

  /** The outcome as officers read it; a run still on air has none. */
  public static String outcome(Optional<Outcome> outcome, Language lang) {
    if (outcome.isEmpty()) {
      return lang.pick("Đang phát", "On air");
    }
    return switch (outcome.get()) {
      case COMPLETED -> lang.pick("Hoàn thành", "Completed");
      case PARTIAL -> lang.pick("Thiếu khu vực", "Partial");
      case PREEMPTED -> lang.pick("Bị ngắt", "Pre-empted");
      case FAILED -> lang.pick("Lỗi", "Failed");
      case MISSED -> lang.pick("Bị lỡ", "Missed");
      case INTERRUPTED -> lang.pick("Gián đoạn", "Interrupted");
      case SKIPPED -> lang.pick("Đã hủy", "Skipped");
    };
  }

  public static String trigger(Trigger trigger, Language lang) {
    return switch (trigger) {
      case SCHEDULED -> lang.pick("Theo lịch", "Scheduled");
      case MANUAL -> lang.pick("Phát ngay", "Manual");
      case CATCH_UP -> lang.pick("Phát bù", "Catch-up");
      case AFTER_PREEMPTION -> lang.pick("Phát tiếp sau ưu tiên", "After pre-emption");
    };
  }

  public static String priority(String priority, Language lang) {
    return switch (priority) {
      case "NORMAL" -> lang.pick("Thông thường", "Normal");
      case "PRIORITY" -> lang.pick("Ưu tiên", "Priority");
      case "EMERGENCY" -> lang.pick("Khẩn cấp", "Emergency");
      default -> priority;
    };
  }

  /** A whole number with the language's thousands separator: 1.234 (vi), 1,234 (en). */
  public static String number(long n, Language lang) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append(lang == Language.VI ? '.' : ',');
      }
      b.append(digits.charAt(i));
    }
    return (n < 0 ? "-" : "") + b;
  }

  /** Whole minutes of airtime, rounded half up, as reports state them. */
  public static long minutes(Duration airtime) {
    return (airtime.toSeconds() + 30) / 60;
  }

  /** A run's airtime as a clock reading: 4:05 (minutes:seconds) or 1:02:05. */
  public static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
