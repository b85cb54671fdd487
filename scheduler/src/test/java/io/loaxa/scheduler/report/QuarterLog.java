package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The first quarter of 2024 at a four-hamlet station, written as real rows into a real SQLite file
 * through {@link SqliteAiringLog}. Figures the tests expect, worked out by hand from the rows below:
 *
 * <ul>
 *   <li>CCHC: 6 runs, 5 aired (48 min) reaching 4/4 hamlets; one MISSED. In peak hours: January every
 *       hamlet; February all but Ấp 3 (its line failed at 18:15 and the 10:00 repeat was off-peak);
 *       March every hamlet (Ấp 4 on a board that cannot read back).
 *   <li>News: 91 daily relays at 06:30, 90 aired (30 min each, 2 700 min), one FAILED (10/02).
 *   <li>PCTT: one aired to Ấp 3 and Ấp 4 (2 min), one INTERRUPTED.
 *   <li>Information: 01/01 00:05 and 31/03 23:30 local (5 min each) are in the quarter;
 *       01/04 00:10 local is not.
 *   <li>Totals: 101 runs, 98 aired, 2 760 min, 3 not completed.
 * </ul>
 */
public final class QuarterLog implements AutoCloseable {
  public static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final ReportStation STATION = new ReportStation("Đài truyền thanh xã Tân Hưng", HCM, List.of(
      new ReportStation.Hamlet("ap-1", "Ấp 1"), new ReportStation.Hamlet("ap-2", "Ấp 2"),
      new ReportStation.Hamlet("ap-3", "Ấp 3"), new ReportStation.Hamlet("ap-4", "Ấp 4")));
  public static final List<String> ALL = List.of("ap-1", "ap-2", "ap-3", "ap-4");
  public static final String CCHC_TITLE = "Chuyên mục cải cách hành chính: Dịch vụ công trực tuyến";
  public static final String CCHC_TITLE_2 = "Chuyên mục CCHC: Đề án 06";
  public static final String NEWS_TITLE = "Tiếp âm thời sự VOV1";
  public static final String PCTT_TITLE = "Thông báo phòng chống rét đậm, rét hại";
  public static final String INFO_TITLE = "Bản tin cuối ngày";
  public static final String PARTIAL_REASON = "zones failed: {ap-3=board tu-chinh: no reply}";
  public static final String MISSED_REASON = "the station was down past the late tolerance (PT2H)";
  public static final String FAILED_REASON = "amplifier: board tu-chinh did not answer";
  /** When the fixture's report is made: mid-April 2024, station time. */
  public static final Instant MADE_AT = LocalDateTime.of(2024, 4, 15, 8, 30).atZone(HCM).toInstant();

  private final Database db;
  private final SqliteAiringLog log;
  private int keys;

  private QuarterLog(Path dir) {
    this.db = Database.open(dir);
    this.log = new SqliteAiringLog(db, Clock.fixed(MADE_AT, ZoneOffset.UTC));
  }

  public static QuarterLog write(Path dir) {
    QuarterLog q = new QuarterLog(dir);
    q.rows();
    return q;
  }

  public AiringLog log() {
    return log;
  }

  public Path dataDir() {
    return db.file().getParent();
  }

  private void rows() {
    aired("cchc-thang", CCHC_TITLE, "cchc", at(2024, 1, 8, 18, 15), Duration.ofMinutes(10), ALL, ALL, List.of(),
        List.of(), Outcome.COMPLETED, "");
    aired("cchc-de-an", CCHC_TITLE_2, "cchc", at(2024, 1, 22, 17, 30), Duration.ofMinutes(8), List.of("ap-1", "ap-2"),
        List.of("ap-1", "ap-2"), List.of(), List.of(), Outcome.COMPLETED, "");
    aired("cchc-thang", CCHC_TITLE, "cchc", at(2024, 2, 5, 18, 15), Duration.ofMinutes(10), ALL,
        List.of("ap-1", "ap-2", "ap-4"), List.of(), List.of("ap-3"), Outcome.PARTIAL, PARTIAL_REASON);
    aired("cchc-thang", CCHC_TITLE, "cchc", at(2024, 2, 20, 10, 0), Duration.ofMinutes(10), ALL, ALL, List.of(),
        List.of(), Outcome.COMPLETED, "");
    aired("cchc-thang", CCHC_TITLE, "cchc", at(2024, 3, 4, 6, 0), Duration.ofMinutes(10), ALL,
        List.of("ap-1", "ap-2", "ap-3"), List.of("ap-4"), List.of(), Outcome.COMPLETED, "");
    unaired("cchc-thang", CCHC_TITLE, "cchc", at(2024, 3, 18, 18, 15), ALL, Outcome.MISSED, MISSED_REASON);

    for (LocalDate d = LocalDate.of(2024, 1, 1); !d.isAfter(LocalDate.of(2024, 3, 31)); d = d.plusDays(1)) {
      if (d.equals(LocalDate.of(2024, 2, 10))) {
        unaired("thoi-su-sang", NEWS_TITLE, "thoi-su", d.atTime(6, 30), ALL, Outcome.FAILED, FAILED_REASON);
      } else {
        aired("thoi-su-sang", NEWS_TITLE, "thoi-su", d.atTime(6, 30),
            Duration.ofMinutes(30), ALL, ALL, List.of(), List.of(), Outcome.COMPLETED, "");
      }
    }

    aired("pctt-ret", PCTT_TITLE, "pctt", at(2024, 1, 15, 7, 30), Duration.ofMinutes(2), List.of("ap-3", "ap-4"),
        List.of("ap-3", "ap-4"), List.of(), List.of(), Outcome.COMPLETED, "");
    Instant planned = at(2024, 1, 16, 7, 30).atZone(HCM).toInstant();
    log.record(start("pctt-ret", PCTT_TITLE, "pctt", planned, List.of("ap-3", "ap-4")),
        new RunEnd(Optional.of(planned.plusSeconds(1)), planned.plusSeconds(3600), List.of("ap-3", "ap-4"), List.of(),
            List.of(), Outcome.INTERRUPTED, "the station stopped mid-airing (power cut, crash or kill); found at the"
            + " next start"));

    aired("tin-cuoi-ngay", INFO_TITLE, "thong-tin", at(2024, 1, 1, 0, 5), Duration.ofMinutes(5), ALL, ALL, List.of(),
        List.of(), Outcome.COMPLETED, "");
    aired("tin-cuoi-ngay", INFO_TITLE, "thong-tin", at(2024, 3, 31, 23, 30), Duration.ofMinutes(5), ALL, ALL,
        List.of(), List.of(), Outcome.COMPLETED, "");
    aired("tin-cuoi-ngay", INFO_TITLE, "thong-tin", at(2024, 4, 1, 0, 10), Duration.ofMinutes(5), ALL, ALL,
        List.of(), List.of(), Outcome.COMPLETED, "");
  }

  public static LocalDateTime at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min);
  }

  private RunStart start(String programme, String title, String category, Instant planned, List<String> zones) {
    return new RunStart(new io.loaxa.schedules.PlannedAiringKey(programme + "@" + (keys++)), programme, title, category, "NORMAL", Trigger.SCHEDULED, planned,
        zones, "speech: " + title);
  }

  private void aired(String programme, String title, String category, LocalDateTime at, Duration length,
      List<String> requested, List<String> confirmed, List<String> unconfirmed, List<String> failed, Outcome outcome,
      String reason) {
    Instant planned = at.atZone(HCM).toInstant();
    Instant started = planned.plusSeconds(1);
    log.record(start(programme, title, category, planned, requested),
        new RunEnd(Optional.of(started), started.plus(length), confirmed, unconfirmed, failed, outcome, reason));
  }

  private void unaired(String programme, String title, String category, LocalDateTime at, List<String> requested,
      Outcome outcome, String reason) {
    Instant planned = at.atZone(HCM).toInstant();
    log.record(start(programme, title, category, planned, requested),
        new RunEnd(Optional.empty(), planned.plusSeconds(5), List.of(), List.of(), List.of(), outcome, reason));
  }

  @Override
  public void close() {
    db.close();
  }
}
