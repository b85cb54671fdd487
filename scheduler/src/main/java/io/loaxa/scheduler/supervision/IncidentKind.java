package io.loaxa.scheduler.supervision;

/** What went wrong at the station, as the operator is told. */
public enum IncidentKind {
  BOARD_OFFLINE("Mất kết nối bảng rơ-le", "Relay board offline"),
  SOUND_CARD_MISSING("Không thấy card âm thanh", "Sound card missing"),
  DEAD_AIR("Mất tiếng trên loa khi đang phát", "Dead air during an airing"),
  MISMATCH("Loa phát nội dung khác chương trình", "The lines carry something other than the programme"),
  AUDIO_OUTSIDE_SCHEDULE("Có tiếng trên loa ngoài lịch phát", "Audio outside the schedule"),
  CLOCK_UNTRUSTED("Đồng hồ không đáng tin cậy", "Clock untrusted"),
  CCHC_AT_RISK("Bản tin CCHC tháng này chưa phát", "This month's CCHC bulletin not aired yet"),
  DISK_NEARLY_FULL("Ổ đĩa sắp đầy", "Disk nearly full"),
  SELF_TEST_FAILED("Tự kiểm tra buổi sáng có đường dây lỗi", "Morning self-test found failed lines");

  private final String vietnamese;
  private final String english;

  IncidentKind(String vietnamese, String english) {
    this.vietnamese = vietnamese;
    this.english = english;
  }

  /** The kind's name in the operator's language. */
  public String title(boolean english) {
    return english ? this.english : vietnamese;
  }

  /** The kind as written in the station config: {@code board-offline}, {@code dead-air}, … */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
