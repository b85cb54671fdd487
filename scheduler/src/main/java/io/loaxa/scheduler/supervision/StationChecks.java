package io.loaxa.scheduler.supervision;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The checks the station's detectors run, over the signals the station already has. */
public final class StationChecks {
  private StationChecks() {}

  /** Relay boards that stopped answering, by board key. */
  public static Detectors.Check boards(Supplier<List<String>> silentBoards) {
    return check(IncidentKind.BOARD_OFFLINE, Duration.ofSeconds(1), now -> {
      Map<String, String> out = new LinkedHashMap<>();
      silentBoards.get().forEach(b -> out.put(b, "bảng rơ-le " + b + " không trả lời / board not answering"));
      return out;
    });
  }

  /** The clock the daemon does not trust (airings held). */
  public static Detectors.Check clock(Supplier<Optional<String>> doubt) {
    return check(IncidentKind.CLOCK_UNTRUSTED, Duration.ofSeconds(5),
        now -> doubt.get().map(d -> Map.of("dong-ho", d)).orElse(Map.of()));
  }

  /**
   * The sound output missing: {@code problem} opens and closes it, asked only while {@code idle}
   * (nothing on air) so no airing is disturbed; while on air the last answer stands.
   */
  public static Detectors.Check soundCard(String name, BooleanSupplier idle, Supplier<Optional<String>> problem) {
    Map<String, String> last = new LinkedHashMap<>();
    return check(IncidentKind.SOUND_CARD_MISSING, Duration.ofSeconds(30), now -> {
      if (idle.getAsBoolean()) {
        last.clear();
        problem.get().ifPresent(p -> last.put(name, p));
      }
      return Map.copyOf(last);
    });
  }

  /**
   * This month's CCHC bulletin at risk: from {@code byDay} of the month (station time) on, no run of
   * category {@code cchc} has completed in the month.
   */
  public static Detectors.Check cchcMonth(AiringLog log, ZoneId timeZone, int byDay) {
    return check(IncidentKind.CCHC_AT_RISK, Duration.ofMinutes(1), now -> {
      ZonedDateTime local = now.atZone(timeZone);
      if (local.getDayOfMonth() < byDay) {
        return Map.of();
      }
      YearMonth month = YearMonth.from(local);
      Instant from = month.atDay(1).atStartOfDay(timeZone).toInstant();
      Instant to = month.plusMonths(1).atDay(1).atStartOfDay(timeZone).toInstant();
      AtomicBoolean done = new AtomicBoolean();
      log.forEachRun(from, to, r -> {
        if ("cchc".equals(r.category()) && r.outcome().equals(Optional.of(Outcome.COMPLETED))) {
          done.set(true);
        }
      });
      return done.get() ? Map.of() : Map.of(month.toString(),
          "chưa có lượt phát CCHC hoàn tất trong tháng " + month.getMonthValue() + "/" + month.getYear()
              + " (hạn ngày " + byDay + ") / no completed CCHC airing this month");
    });
  }

  /** The data folder's disk with less than {@code minFreeBytes} left. */
  public static Detectors.Check disk(Path dataDir, long minFreeBytes) {
    return check(IncidentKind.DISK_NEARLY_FULL, Duration.ofMinutes(1), now -> {
      try {
        FileStore store = Files.getFileStore(dataDir);
        long free = store.getUsableSpace();
        if (free >= minFreeBytes) {
          return Map.of();
        }
        return Map.of(dataDir.toString(), "còn " + free / 1_000_000 + " MB trống trên " + store.getTotalSpace() / 1_000_000
            + " MB (ngưỡng " + minFreeBytes / 1_000_000 + " MB) / " + free / 1_000_000 + " MB free");
      } catch (IOException e) {
        return Map.of(dataDir.toString(), "không đọc được dung lượng ổ đĩa / cannot read the disk's free space: " + e.getMessage());
      }
    });
  }

  private interface Probe {
    Map<String, String> problems(Instant now);
  }

  private static Detectors.Check check(IncidentKind kind, Duration every, Probe probe) {
    return new Detectors.Check() {
      @Override
      public IncidentKind kind() {
        return kind;
      }

      @Override
      public Duration every() {
        return every;
      }

      @Override
      public Map<String, String> problems(Instant now) {
        return probe.problems(now);
      }
    };
  }
}
