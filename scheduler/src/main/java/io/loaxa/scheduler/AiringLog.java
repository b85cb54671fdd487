package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiringKey;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The airing log: one row per airing run, written durably when the run begins (before its audio)
 * and completed once when it ends; never changed after that, never purged.
 */
public interface AiringLog {
  /**
   * Records a run that is starting.
   *
   * @return the run's id, or -1 when the planned airing already has a run (it must not air twice)
   */
  long begin(RunStart start);

  /** Completes the run begun as {@code id}. */
  void end(long id, RunEnd end);

  /** Records a run that never started (missed, failed before air, skipped) in one step. */
  long record(RunStart start, RunEnd end);

  /** True when the planned airing already has a run of any outcome. */
  boolean hasRun(PlannedAiringKey plannedKey);

  /**
   * Journals how far the open run {@code id} got, as it happens: the cued first sample, the zones
   * that are on, up to when it was on air and what it was playing. Written over the previous entry;
   * what the next start finds if the process dies mid-airing.
   */
  void onAir(long id, OnAir journal);

  /**
   * Marks every run still open (the process died mid-airing) {@link Outcome#INTERRUPTED}, keeping
   * what its journal says it did: first sample, zones on, airtime up to its last entry, what it was
   * playing. Returns how many.
   */
  int closeInterrupted(Instant now);

  /** The latest moment the log recorded (a run's start or end): a floor for a clock that went back. */
  java.util.Optional<Instant> latest();

  /** Streams the runs planned in {@code [from, to)} in planned order, without holding them all in memory. */
  void forEachRun(Instant from, Instant to, Consumer<AiringRunRecord> sink);

  /**
   * Streams the runs planned in {@code [from, to)} in planned order as a period report reads them:
   * a log may leave out what a report does not need (the reason and zones requested of a run that
   * aired), which makes a year's report a lighter read. By default, {@link #forEachRun} cut down.
   */
  default void forEachReportedRun(Instant from, Instant to, Consumer<ReportedRun> sink) {
    forEachRun(from, to, r -> sink.accept(ReportedRun.of(r)));
  }

  /**
   * One page of the runs planned in {@code [from, to)} that answer {@code filter}, in planned order:
   * {@code size} runs at most after passing over {@code skip} of them, with how many match in all.
   * By default, {@link LogPage#streamed} over {@link #forEachRun}; a log with a query language does
   * the filter, the count and the page there.
   */
  default LogPage page(Instant from, Instant to, LogFilter filter, long skip, int size) {
    return LogPage.streamed(this, from, to, filter, skip, size);
  }
}
