package io.loaxa.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the airing log as an officer pages through it: the runs of the page in planned order
 * and how many runs match in all.
 *
 * @param total the runs of the period that match the filter, on every page
 */
public record LogPage(long total, List<AiringRunRecord> runs) {
  public LogPage {
    if (total < 0) {
      throw new IllegalArgumentException("a negative total");
    }
    runs = List.copyOf(runs);
  }

  /**
   * The page read by streaming every run of the period through the filter: what a log without a
   * query language of its own answers (and what one with it must answer alike).
   */
  public static LogPage streamed(AiringLog log, Instant from, Instant to, LogFilter filter, long skip, int size) {
    checkWindow(skip, size);
    List<AiringRunRecord> runs = new ArrayList<>();
    long[] total = {0};
    log.forEachRun(from, to, r -> {
      if (filter.matches(r)) {
        if (total[0] >= skip && runs.size() < size) {
          runs.add(r);
        }
        total[0]++;
      }
    });
    return new LogPage(total[0], runs);
  }

  /** Refuses a window that is no page: a negative skip or a size below one. */
  public static void checkWindow(long skip, int size) {
    if (skip < 0 || size < 1) {
      throw new IllegalArgumentException("skip ≥ 0 and size ≥ 1, not " + skip + " and " + size);
    }
  }
}
