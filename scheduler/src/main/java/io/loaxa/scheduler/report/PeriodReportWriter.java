package io.loaxa.scheduler.report;

import java.io.IOException;
import java.io.OutputStream;

/** A period report written as one file (XLSX, PDF) an officer attaches to the periodic report. */
public interface PeriodReportWriter {
  /** Writes {@code report} to {@code out}; does not close it. */
  void write(PeriodReport report, OutputStream out) throws IOException;
}
