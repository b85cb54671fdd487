package io.loaxa.scheduler.report;

/**
 * A column of the airing log as officers read it (XLSX and PDF exports): its heading in each
 * language, its width in characters and what kind of value it holds.
 */
public enum LogColumn {
  RUN("Mã lượt", "Run", 8, Kind.NUMBER),
  PLANNED("Giờ dự kiến", "Planned", 19, Kind.DATE_TIME),
  STARTED("Bắt đầu phát", "Started", 19, Kind.DATE_TIME),
  ENDED("Kết thúc", "Ended", 19, Kind.DATE_TIME),
  PROGRAMME("Mã chương trình", "Programme", 16, Kind.TEXT),
  TITLE("Tiêu đề", "Title", 42, Kind.TEXT),
  CATEGORY("Chuyên mục", "Category", 20, Kind.TEXT),
  PRIORITY("Mức ưu tiên", "Priority", 12, Kind.TEXT),
  TRIGGER("Hình thức", "Trigger", 11, Kind.TEXT),
  ZONES_REQUESTED("Khu vực yêu cầu", "Zones requested", 26, Kind.TEXT),
  ZONES_CONFIRMED("Đã bật (có xác nhận)", "Zones confirmed", 26, Kind.TEXT),
  ZONES_UNCONFIRMED("Đã bật (không đọc lại được)", "Zones unconfirmed", 20, Kind.TEXT),
  ZONES_FAILED("Không bật được", "Zones failed", 18, Kind.TEXT),
  AIRTIME("Thời lượng", "Airtime", 10, Kind.DURATION),
  OUTCOME("Kết quả", "Outcome", 14, Kind.TEXT),
  REASON("Lý do", "Reason", 42, Kind.TEXT);

  /** What a column holds, so each file format can write it as a real number, date or text. */
  public enum Kind { NUMBER, DATE_TIME, DURATION, TEXT }

  private final String vi;
  private final String en;
  private final int width;
  private final Kind kind;

  LogColumn(String vi, String en, int width, Kind kind) {
    this.vi = vi;
    this.en = en;
    this.width = width;
    this.kind = kind;
  }

  public String heading(Language lang) {
    return lang.pick(vi, en);
  }

  /** Width in characters of the default spreadsheet font. */
  public int width() {
    return width;
  }

  public Kind kind() {
    return kind;
  }
}
