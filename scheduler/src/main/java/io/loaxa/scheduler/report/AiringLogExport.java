package io.loaxa.scheduler.report;

import io.loaxa.scheduler.AiringLog;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The airing log of a period written as one file (CSV, XLSX, PDF), streamed row by row from the log
 * so a year of a busy station never sits in memory at once.
 */
public interface AiringLogExport {
  /**
   * Writes every run planned in the request's period to {@code out}; does not close it.
   *
   * @return how many runs were written
   */
  long write(AiringLog log, Request request, OutputStream out) throws IOException;

  /** What to export: whose log, which days, in which language, and when the file was made. */
  record Request(ReportStation station, ReportPeriod period, Language language, Instant madeAt) {}
}
